using FluentAssertions;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class TaylorCommandTests
{
    [Theory]
    [MemberData(nameof(CliTheoryData.Formats), MemberType = typeof(CliTheoryData))]
    public void Points_match_the_library_and_recomputed_values_on_every_format(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(6, 4, 21);
        var e = TestMatrices.Random(6, 4, 22);
        var result = CliRunner.Run("taylor", "-A", files.Write("A", a, format), "-E", files.Write("E", e, format), "-k", "2", "-N", "5", "--t-min", "-0.01", "--t-max", "0.02", "--points", "4", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var (sa, se) = (MatrixFiles.AsStored(a, format), MatrixFiles.AsStored(e, format));
        var expansion = SingularValueDerivatives.Expand(sa, se, 2, 5);
        var points = result.Json.GetProperty("points").EnumerateArray().ToArray();
        points.Select(p => p.Double("t")).Should().Equal(-0.01, 0.0, 0.01, 0.02);
        foreach (var p in points)
        {
            var t = p.Double("t");
            p.Double("predicted").Should().Be(expansion.Predict(t));
            p.Double("recomputed").Should().Be(ThinSingularValueDecomposition.Compute(sa + t * se).SingularValue(2));
            p.Double("error").Should().BeLessThanOrEqualTo(p.Double("errorBound") + 1e-14);
            p.Doubles("predictionsByOrder").Should().HaveCount(5);
        }
    }

    [Fact]
    public void Default_range_stays_inside_the_convergence_radius()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(5, 5, 23);
        var e = TestMatrices.Random(5, 5, 24);
        var result = CliRunner.Run("taylor", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "-E", files.Write("E", e, MatrixFormat.NpyFloat64C), "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var radius = result.Json.Double("convergenceRadius");
        var points = result.Json.GetProperty("points").EnumerateArray().ToArray();
        points.Should().HaveCount(21);
        points.Should().OnlyContain(p => Math.Abs(p.Double("t")) < radius && p.Double("error") <= p.Double("errorBound"));
    }
}
