using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class GradientCommandTests
{
    [Theory]
    [MemberData(nameof(CliTheoryData.Formats), MemberType = typeof(CliTheoryData))]
    public void Json_matches_the_library_exactly_on_every_format(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(5, 3, 51);
        var result = CliRunner.Run("gradient", "-A", files.Write("A", a, format), "-k", "2", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = SingularValueGradient.Compute(ThinSingularValueDecomposition.Compute(MatrixFiles.AsStored(a, format)), 2);
        result.Json.GetProperty("gradient").EnumerateArray().Select(r => r.Doubles()).Should()
            .BeEquivalentTo(Enumerable.Range(0, 5).Select(i => expected.Row(i).ToArray()), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Extended_precision_refinement_gives_the_gradient_of_the_refined_SVD()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(6, 4, 52);
        var result = CliRunner.Run("gradient", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "-k", "2", "--refinement", "extended-precision", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = SingularValueGradient.Compute(ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision), 2);
        result.Json.GetProperty("gradient").EnumerateArray().Select(r => r.Doubles()).Should()
            .BeEquivalentTo(Enumerable.Range(0, 6).Select(i => expected.Row(i).ToArray()), o => o.WithStrictOrdering());
        result.Json.GetProperty("refinement").GetString().Should().Be("extended-precision");
    }

    [Theory]
    [InlineData("G.npy")]
    [InlineData("G.csv")]
    [InlineData("G.mtx")]
    public void Output_file_holds_the_same_matrix(string name)
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(4, 6, 52);
        var path = Path.Combine(files.Directory, name);
        var result = CliRunner.Run("gradient", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "-k", "1", "--output", path);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain($"wrote {path}");
        MatrixFile.Read(path).Should().BeEquivalentTo(SingularValueGradient.Compute(ThinSingularValueDecomposition.Compute(a), 1), "the written file round-trips exactly");
    }
}
