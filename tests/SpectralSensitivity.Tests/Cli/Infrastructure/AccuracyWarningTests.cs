using FluentAssertions;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Cli.Infrastructure;

/// <summary>At a small gap every derivative-type command reports the condition figure in JSON and warns on stderr, with exit 0.</summary>
public sealed class AccuracyWarningTests : IDisposable
{
    private static readonly IReadOnlyList<HighPrecisionCase> Cases = HighPrecisionFixture.Load("small-gap-reference.json", "a", "singularValue");
    private readonly MatrixFiles _files = new();

    /// <summary>The fixture's first matrix at relative gap 1e-13 (5 x 4, s = 3, 1 + 1e-13, 1, 0.5) and its direction, written as .npy.</summary>
    private (string A, string E, HighPrecisionCase Case) SmallGap(int caseNumber = 5)
    {
        var c = Cases[caseNumber];
        return (_files.Write("A", c.Matrix, MatrixFormat.NpyFloat64C), _files.Write("E", c.Direction, MatrixFormat.NpyFloat64C), c);
    }

    [Fact]
    public void Derivatives_at_a_1e_13_gap_warn_once_and_report_the_condition()
    {
        var (a, e, c) = SmallGap();
        var result = CliRunner.Run("derivatives", "-A", a, "-E", e, "-k", "2", "-N", "4", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var warning = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which;
        warning.Should().StartWith("warning: s_2 is only").And.Contain("--cluster-mean").And.Contain("--branches").And.Contain("--cluster-tolerance");
        var figure = result.Json.Double("conditionFigure");
        figure.Should().BeInRange(0.02, 0.05, "5 ε s_1 / d = 5 x 2.2e-16 x 3 / 1e-13");
        var expected = result.Json.Doubles("expectedRelativeErrors");
        expected.Should().Equal(Enumerable.Range(1, 4).Select(j => (j + 1) * figure));
        result.Json.GetProperty("accuracyWarning").GetString().Should().Be(warning["warning: ".Length..].TrimEnd('\r'));

        // The figure is honest: the errors against the 50-digit reference are below 1.5 times the expected ones, and D_2..D_4 are visibly off.
        var derivatives = result.Json.Doubles("derivatives");
        var reference = c.Entries.Single(x => x.Index == 2).Derivatives;
        for (var j = 2; j <= 4; j++)
        {
            var error = Math.Abs(derivatives[j - 1] - reference[j - 1]) / Math.Abs(reference[j - 1]);
            error.Should().BeLessThan(1.5 * expected[j - 1], $"D_{j}");
            error.Should().BeGreaterThan(1e-6, $"D_{j} really lost accuracy");
        }
    }

    [Theory]
    [InlineData("taylor", "-N", "3")]
    [InlineData("gradient")]
    [InlineData("hessian")]
    [InlineData("hvp")]
    [InlineData("hessian-spectrum")]
    public void Every_derivative_type_command_reports_the_figure_and_warns(string command, params string[] extra)
    {
        var (a, e, _) = SmallGap();
        string[] args = command switch
        {
            "taylor" => ["taylor", "-A", a, "-E", e, "-k", "2", "--t-max", "1e-16", "-p", "2", "--json", .. extra],
            "hvp" => ["hvp", "-A", a, "-E", e, "-k", "2", "--json"],
            _ => [command, "-A", a, "-k", "2", "--json"],
        };
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.Double("conditionFigure").Should().BeInRange(0.02, 0.05);
        result.Json.GetProperty("accuracyWarning").GetString().Should().Contain(AccuracyWarning.ClusterOptions);
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith("warning: ");
    }

    [Fact]
    public void A_well_separated_value_has_a_small_figure_and_no_warning()
    {
        var (a, e, _) = SmallGap(caseNumber: 0); // relative gap 1e-4: kappa 3e-11, expected error of D_4 1.7e-10
        var json = CliRunner.Run("derivatives", "-A", a, "-E", e, "-k", "1", "-N", "4", "--json");
        var table = CliRunner.Run("derivatives", "-A", a, "-E", e, "-k", "1", "-N", "4");

        json.ExitCode.Should().Be(0, json.ToString());
        json.Stderr.Should().BeEmpty();
        json.Json.Double("conditionFigure").Should().BeLessThan(1e-14);
        json.Json.TryGetProperty("accuracyWarning", out _).Should().BeFalse();
        table.Stdout.Should().Contain("condition figure");
    }

    [Fact]
    public void No_warning_is_printed_when_the_command_fails()
    {
        var (a, _, _) = SmallGap();
        var result = CliRunner.Run("derivatives", "-A", a, "-E", _files.Text("bad.csv", "1,2\n"), "-k", "2", "-N", "4");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().NotContain("warning:");
    }

    public void Dispose() => _files.Dispose();
}
