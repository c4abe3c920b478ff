using FluentAssertions;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Tests.Cli.Infrastructure;

public sealed class ErrorReporterTests
{
    public static TheoryData<Exception, int> Mapping => new()
    {
        { new InvalidSpectralInputException("bad"), ExitCodes.BadInput },
        { new SpectralIndexOutOfRangeException(5, 3, "singular value"), ExitCodes.BadInput },
        { new UsageException("bad usage"), ExitCodes.BadInput },
        { new FileNotFoundException("gone"), ExitCodes.BadInput },
        { new UndefinedDerivativeException("undefined"), ExitCodes.Undefined },
        { new SeriesOverflowException(40), ExitCodes.Undefined },
        { new KrylovConvergenceException("Lanczos did not converge"), ExitCodes.NotConverged },
        { new InvalidOperationException("bug"), ExitCodes.Unexpected },
        { new NullReferenceException(), ExitCodes.Unexpected },
    };

    [Theory]
    [MemberData(nameof(Mapping))]
    public void Maps_each_family_to_its_exit_code(Exception exception, int code)
    {
        using var stderr = new StringWriter();
        ErrorReporter.Report(exception, stderr, verbose: false).Should().Be(code);
        stderr.ToString().Should().StartWith("error: ").And.EndWith(Environment.NewLine);
        stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Fact]
    public void Unexpected_failures_name_the_exception_type()
    {
        using var stderr = new StringWriter();
        ErrorReporter.Report(new InvalidOperationException("state"), stderr, verbose: false);
        stderr.ToString().Should().Be($"error: unexpected failure (InvalidOperationException): state{Environment.NewLine}");
    }

    [Fact]
    public void A_Krylov_iteration_that_did_not_converge_exits_4_and_points_to_the_dense_decomposition()
    {
        using var stderr = new StringWriter();
        ErrorReporter.Report(new KrylovConvergenceException("CG did not reach 1e-12 in 500 iterations (residual 3e-9)"), stderr, verbose: false).Should().Be(4);
        stderr.ToString().Should().Be($"error: CG did not reach 1e-12 in 500 iterations (residual 3e-9); --decomposition dense computes the same quantities without iterating{Environment.NewLine}");
    }

    [Fact]
    public void Multi_line_messages_are_folded_into_one_line()
    {
        using var stderr = new StringWriter();
        ErrorReporter.WriteLine(stderr, "first\r\n  second\nthird");
        stderr.ToString().Should().Be($"error: first second third{Environment.NewLine}");
    }
}
