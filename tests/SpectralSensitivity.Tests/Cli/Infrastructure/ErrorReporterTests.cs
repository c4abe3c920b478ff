using FluentAssertions;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Studies.Execution;

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
        { new StudyIncompleteException("another rank failed"), ExitCodes.Incomplete },
        { new StudyTrialException(7, new InvalidSpectralInputException("bad")), ExitCodes.BadInput },
        { new StudyTrialException(7, new SeriesOverflowException(40)), ExitCodes.Undefined },
        { new StudyTrialException(7, new InvalidOperationException("bug")), ExitCodes.Unexpected },
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
    public void An_incomplete_study_exits_5_with_its_own_message_not_as_an_unexpected_failure()
    {
        using var stderr = new StringWriter();
        ErrorReporter.Report(new StudyIncompleteException("another rank failed before finishing its shards; rerun the same command"), stderr, verbose: false).Should().Be(5);
        stderr.ToString().Should().Be($"error: another rank failed before finishing its shards; rerun the same command{Environment.NewLine}");
    }

    [Fact]
    public void A_failed_study_trial_is_named_and_exits_with_the_code_of_its_cause()
    {
        using var stderr = new StringWriter();
        ErrorReporter.Report(new StudyTrialException(12, new InvalidOperationException("state")), stderr, verbose: false).Should().Be(1);
        stderr.ToString().Should().Be($"error: unexpected failure (InvalidOperationException): trial 12 of the study: state{Environment.NewLine}");
    }

    [Fact]
    public void Multi_line_messages_are_folded_into_one_line()
    {
        using var stderr = new StringWriter();
        ErrorReporter.WriteLine(stderr, "first\r\n  second\nthird");
        stderr.ToString().Should().Be($"error: first second third{Environment.NewLine}");
    }
}
