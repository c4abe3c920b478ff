using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class HessianCommandTests
{
    [Theory]
    [MemberData(nameof(CliTheoryData.Formats), MemberType = typeof(CliTheoryData))]
    public void Json_matches_the_library_exactly_on_every_format(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(3, 4, 61);
        var result = CliRunner.Run("hessian", "-A", files.Write("A", a, format), "-k", "1", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = SingularValueHessian.Compute(ThinSingularValueDecomposition.Compute(MatrixFiles.AsStored(a, format)), 1);
        var rows = result.Json.GetProperty("hessian").EnumerateArray().Select(r => r.Doubles()).ToArray();
        rows.Should().HaveCount(12);
        rows.Should().BeEquivalentTo(Enumerable.Range(0, 12).Select(i => expected.Row(i).ToArray()), o => o.WithStrictOrdering());
        result.Json.Double("trace").Should().Be(expected.Trace());
    }

    [Fact]
    public void Npy_output_round_trips_and_the_table_is_replaced_by_a_hint_when_wide()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(4, 4, 62);
        var path = Path.Combine(files.Directory, "H.npy");
        var result = CliRunner.Run("hessian", "-A", files.Write("A", a, MatrixFormat.Csv), "-k", "3", "-o", path);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("too large for a table");
        MatrixFile.Read(path).Should().BeEquivalentTo(SingularValueHessian.Compute(ThinSingularValueDecomposition.Compute(a), 3));
    }
}
