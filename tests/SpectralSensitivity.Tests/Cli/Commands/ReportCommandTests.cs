using System.Xml.Linq;
using FluentAssertions;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class ReportCommandTests
{
    [Theory]
    [MemberData(nameof(CliTheoryData.Formats), MemberType = typeof(CliTheoryData))]
    public void Writes_a_self_contained_page_with_the_library_numbers(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(6, 5, 41);
        var e = TestMatrices.Random(6, 5, 42);
        var output = Path.Combine(files.Directory, "report.html");
        var result = CliRunner.Run("report", "-A", files.Write("A", a, format), "-E", files.Write("E", e, format), "-k", "2", "-N", "5", "-o", output, "--points", "11", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = SingularValueDerivatives.Expand(MatrixFiles.AsStored(a, format), MatrixFiles.AsStored(e, format), 2, 5);
        result.Json.Double("singularValue").Should().Be(expected.Value);
        result.Json.Double("convergenceRadius").Should().Be(expected.Convergence.Radius);
        var html = File.ReadAllText(output);
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("r0").And.Contain("recomputed");
        html.Should().NotMatchRegex("(src|href)\\s*=\\s*\"?(https?:|//)", "nothing is loaded from the network").And.NotContain("<script").And.NotContain("<link");
        html.Should().Contain(expected.Derivatives[4].ToString("G12", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var svg in System.Text.RegularExpressions.Regex.Matches(html, "<svg.*?</svg>").Select(m => m.Value))
        {
            var parse = () => XElement.Parse(svg);
            parse.Should().NotThrow("every inline SVG is well-formed XML");
        }
    }

    [Fact]
    public void Without_a_direction_uses_a_seeded_random_one_and_prints_the_path()
    {
        using var files = new MatrixFiles();
        var output = Path.Combine(files.Directory, "r.html");
        var result = CliRunner.Run("report", "-A", files.Write("A", TestMatrices.Random(4, 4, 43), MatrixFormat.Csv), "-o", output, "--points", "5");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Trim().Should().Be($"wrote {output}");
        File.ReadAllText(output).Should().Contain("random direction");
    }

    [Fact]
    public void Missing_output_folder_is_bad_usage()
    {
        using var files = new MatrixFiles();
        var result = CliRunner.Run("report", "-A", files.Write("A", TestMatrices.Random(3, 3, 44), MatrixFormat.Csv), "-o", Path.Combine(files.Directory, "no", "r.html"));

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: --output: folder");
    }

    [Theory]
    [InlineData(4, 3, true)]
    [InlineData(12, 12, true)]
    [InlineData(13, 12, false)]
    public void Hessian_section_only_for_small_matrices(int rows, int columns, bool expected)
    {
        using var files = new MatrixFiles();
        var output = Path.Combine(files.Directory, "h.html");
        var result = CliRunner.Run("report", "-A", files.Write("A", TestMatrices.Random(rows, columns, 45), MatrixFormat.NpyFloat64C), "-o", output, "--points", "3");

        result.ExitCode.Should().Be(0, result.ToString());
        var html = File.ReadAllText(output);
        html.Contains("Hessian (finite differences)").Should().Be(expected);
        html.Contains("Hessian (closed form)").Should().Be(expected);
    }

    [Fact]
    public void A_zero_direction_gives_finite_coordinates_everywhere()
    {
        using var files = new MatrixFiles();
        var output = Path.Combine(files.Directory, "zero.html");
        var result = CliRunner.Run("report", "-A", files.Write("A", TestMatrices.Random(5, 4, 44), MatrixFormat.NpyFloat64C), "-E", files.Text("Z.csv", "0,0,0,0\n0,0,0,0\n0,0,0,0\n0,0,0,0\n0,0,0,0\n"), "-o", output, "--points", "5");

        result.ExitCode.Should().Be(0, result.ToString());
        var html = File.ReadAllText(output);
        html.Should().NotContain("NaN").And.NotContain("Infinity");
    }
}
