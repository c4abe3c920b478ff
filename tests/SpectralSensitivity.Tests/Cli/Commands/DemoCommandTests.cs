using System.Text.Json;
using FluentAssertions;
using SpectralSensitivity.Cli.Commands;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public void Json_is_reproducible_and_matches_the_library()
    {
        var first = CliRunner.Run("demo", "--json");
        var second = CliRunner.Run("demo", "--json");

        first.ExitCode.Should().Be(0, first.ToString());
        second.Stdout.Should().Be(first.Stdout);
        var json = first.Json;
        var (a, e) = DemoCommand.RandomPair(json.GetProperty("seed").GetInt32(), 8, 6);
        json.Doubles("singularValues").Should().Equal(ThinSingularValueDecomposition.Compute(a).SingularValues.ToArray());
        var values = json.GetProperty("values").EnumerateArray().ToArray();
        values.Select(v => v.GetProperty("index").GetInt32()).Should().Equal(1, 3, 6);
        foreach (var value in values)
        {
            var expected = SingularValueDerivatives.Expand(a, e, value.GetProperty("index").GetInt32(), 6);
            value.GetProperty("derivatives").EnumerateArray().Select(d => d.Double("recursion")).Should().Equal(expected.Derivatives);
            foreach (var d in value.GetProperty("derivatives").EnumerateArray())
            {
                d.GetProperty("closedForm").ValueKind.Should().Be(JsonValueKind.Number);
                d.Double("difference").Should().BeLessThanOrEqualTo(1e-9 * Math.Max(1, Math.Abs(d.Double("recursion"))), "both algorithms compute the same derivative");
            }

            foreach (var p in value.GetProperty("predictions").EnumerateArray())
            {
                p.Double("error").Should().BeLessThanOrEqualTo(p.Double("errorBound") + 1e-14);
            }
        }
    }

    [Fact]
    public void Table_shows_both_algorithms_and_predictions()
    {
        var result = CliRunner.Run("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().Contain("D_j recursion").And.Contain("D_j closed form").And.Contain("|difference|").And.Contain("recomputed");
    }

    [Fact]
    public void Options_change_the_matrix()
    {
        var result = CliRunner.Run("demo", "--seed", "7", "--rows", "3", "--columns", "5", "--order", "3", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.Doubles("singularValues").Should().HaveCount(3);
        result.Json.GetProperty("values")[0].GetProperty("derivatives").GetArrayLength().Should().Be(3);
    }
}
