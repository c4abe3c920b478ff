using FluentAssertions;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Tests.Errors;

public class DegenerateSpectrumExceptionTests
{
    [Fact]
    public void Messages_name_the_colliding_values_and_the_tolerance()
    {
        var repeated = new DegenerateSpectrumException(Degeneracy.Repeated, 2, 1.5, [2, 3], 1e-15, "singular value");
        repeated.Message.Should().Contain("singular value 2").And.Contain("indices 2, 3").And.Contain("1E-15").And.Contain("form a cluster").And.Contain("cluster mean").And.Contain("--cluster-mean").And.Contain("--branches");
        repeated.Should().BeAssignableTo<UndefinedDerivativeException>();
        var zero = new DegenerateSpectrumException(Degeneracy.Zero, 4, 0, [4], 1e-15, "singular value");
        zero.Message.Should().Contain("is zero").And.Contain("kink").And.Contain("signed branches").And.Contain("--branches");
        new SeriesOverflowException(17).Message.Should().Contain("order 17");
    }

    [Fact]
    public void Input_exceptions_are_one_family()
    {
        new NonFiniteInputException("A", 1, 2, double.NaN).Should().BeAssignableTo<InvalidSpectralInputException>();
        new SpectralIndexOutOfRangeException(0, 3, "singular value").Message.Should().Contain("1..3");
        new DerivativeOrderOutOfRangeException(0, 1, 100, "the recursion").Message.Should().Contain("1..100");
        new EmptyMatrixException("A", 0, 3).Message.Should().Contain("0 x 3");
    }
}
