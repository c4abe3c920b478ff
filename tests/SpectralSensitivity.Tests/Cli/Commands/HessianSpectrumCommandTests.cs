using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class HessianSpectrumCommandTests
{
    [Theory]
    [MemberData(nameof(CliTheoryData.Formats), MemberType = typeof(CliTheoryData))]
    public void Json_matches_the_library_exactly_on_every_format(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(5, 4, 81);
        var result = CliRunner.Run("hessian-spectrum", "-A", files.Write("A", a, format), "-k", "2", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var spectrum = HessianSpectrum.At(ThinSingularValueDecomposition.Compute(MatrixFiles.AsStored(a, format)), 2);
        var json = result.Json;
        json.GetProperty("rank").GetInt32().Should().Be(5 + 4 - 2).And.Be(spectrum.Rank);
        json.Double("trace").Should().Be(spectrum.Trace);
        json.GetProperty("eigenvalues").EnumerateArray().Select(p => p.Double("value")).Should().Equal(spectrum.Eigenpairs.Select(p => p.Value));
    }

    [Fact]
    public void Top_limits_the_list_to_the_extremes()
    {
        using var files = new MatrixFiles();
        var a = files.Write("A", TestMatrices.Random(6, 6, 82), MatrixFormat.Csv);
        var result = CliRunner.Run("hessian-spectrum", "-A", a, "-k", "3", "--top", "2", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var values = result.Json.GetProperty("eigenvalues").EnumerateArray().Select(p => p.Double("value")).ToArray();
        values.Should().HaveCount(4);
        values.Take(2).Should().OnlyContain(v => v > 0);
        values.Skip(2).Should().OnlyContain(v => v < 0);
    }
}
