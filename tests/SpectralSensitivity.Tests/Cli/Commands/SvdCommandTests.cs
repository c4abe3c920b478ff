using FluentAssertions;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class SvdCommandTests
{
    [Theory]
    [MemberData(nameof(CliTheoryData.Formats), MemberType = typeof(CliTheoryData))]
    public void Json_matches_the_library_exactly_on_every_format(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(4, 7, 11);
        var result = CliRunner.Run("svd", "--matrix", files.Write("A", a, format), "--vectors", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var svd = ThinSingularValueDecomposition.Compute(MatrixFiles.AsStored(a, format));
        var json = result.Json;
        json.Doubles("singularValues").Should().Equal(svd.SingularValues.ToArray());
        json.Doubles("gaps").Should().Equal(Enumerable.Range(1, svd.Size).Select(svd.Gap));
        json.GetProperty("rank").GetInt32().Should().Be(svd.Rank);
        json.GetProperty("leftVectors").EnumerateArray().Select(r => r.Doubles()).Should().HaveCount(4)
            .And.SatisfyRespectively(Enumerable.Range(0, 4).Select(i => (Action<double[]>)(row => row.Should().Equal(svd.LeftVectors.Row(i).ToArray()))));
        json.GetProperty("rightVectors").GetArrayLength().Should().Be(7);
    }

    [Fact]
    public void Extended_precision_refinement_gives_the_library_refined_values()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(9, 6, 12);
        var result = CliRunner.Run("svd", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "--refinement", "extended-precision", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var refined = ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision);
        result.Json.Doubles("singularValues").Should().Equal(refined.SingularValues.ToArray());
        result.Json.GetProperty("refinement").GetString().Should().Be("extended-precision");
    }

    [Fact]
    public void Table_lists_every_singular_value()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(3, 3, 12);
        var result = CliRunner.Run("svd", "-A", files.Write("A", a, MatrixFormat.Csv));

        result.ExitCode.Should().Be(0, result.ToString());
        foreach (var s in ThinSingularValueDecomposition.Compute(a).SingularValues)
        {
            result.Stdout.Should().Contain(s.ToString("G12", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
