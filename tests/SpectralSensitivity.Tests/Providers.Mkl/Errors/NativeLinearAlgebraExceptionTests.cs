using FluentAssertions;
using SpectralSensitivity.Providers.Mkl.Errors;

namespace SpectralSensitivity.Tests.Providers.Mkl.Errors;

public sealed class NativeLinearAlgebraExceptionTests
{
    [Theory]
    [InlineData("dgesdd", -4, "argument 4 had an illegal value")]
    [InlineData("dgesdd", 3, "did not converge")]
    [InlineData("dsyevd", 2, "failed to converge")]
    [InlineData("dgemm", 1, "numerical failure")]
    public void Info_codes_are_explained(string routine, int info, string expected)
    {
        var e = new NativeLinearAlgebraException(routine, info);
        e.Message.Should().StartWith(routine).And.Contain(expected).And.Contain($"info = {info}");
        e.Routine.Should().Be(routine);
        e.Info.Should().Be(info);
        e.IsIllegalArgument.Should().Be(info < 0);
        e.IsNumericalFailure.Should().Be(info > 0);
    }

    [Fact]
    public void Non_finite_input_is_an_argument_exception()
    {
        var e = new NonFiniteInputException("dgesdd", "a", 7, double.NaN);
        e.Should().BeAssignableTo<ArgumentException>();
        e.ParamName.Should().Be("a");
        e.Message.Should().Contain("dgesdd").And.Contain("index 7");
    }
}
