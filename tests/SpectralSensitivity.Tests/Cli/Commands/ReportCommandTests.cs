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
        html.Contains("Difference: closed form - finite differences").Should().Be(expected);
        html.Contains("Hessian (closed form)").Should().Be(expected);
        html.Contains("Non-zero eigenvalues of the Hessian").Should().BeTrue("the closed-form spectrum is shown at every size");
        html.Contains("Note: the dense Hessian").Should().Be(!expected);
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

    [Fact]
    public void The_default_window_ends_where_the_largest_higher_order_term_reaches_a_thousandth_of_s_k_and_the_options_override_it()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(7, 5, 61);
        var e = TestMatrices.Random(7, 5, 62);
        var (pa, pe) = (files.Write("A", a, MatrixFormat.Csv), files.Write("E", e, MatrixFormat.Csv));

        var result = CliRunner.Run("report", "-A", pa, "-E", pe, "-k", "2", "-N", "5", "-o", Path.Combine(files.Directory, "r.html"), "--points", "5", "--json");
        var given = CliRunner.Run("report", "-A", pa, "-E", pe, "-k", "2", "-N", "5", "-o", Path.Combine(files.Directory, "g.html"), "--points", "5", "--t-min", "-0.01", "--t-max", "0.02", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expansion = SingularValueDerivatives.Expand(a, e, 2, 5);
        var t = result.Json.Double("tMax");
        result.Json.Double("tMin").Should().Be(-t);
        var largest = Enumerable.Range(2, 4).Max(j => Math.Abs(expansion.TaylorCoefficients[j]) * Math.Pow(t, j));
        largest.Should().BeApproximately(1e-3 * expansion.Value, 1e-9 * expansion.Value, "at the edge the largest term of order 2..N is 1e-3 s_k");
        (given.Json.Double("tMin"), given.Json.Double("tMax")).Should().Be((-0.01, 0.02));
        File.ReadAllText(Path.Combine(files.Directory, "g.html")).Should().Contain("as given by --t-min/--t-max");
        CliRunner.Run("report", "-A", pa, "-o", Path.Combine(files.Directory, "x.html"), "--t-min", "1", "--t-max", "0").ExitCode.Should().Be(2);
    }

    [Fact]
    public void A_12_by_8_report_with_its_heatmaps_stays_under_200_kB()
    {
        using var files = new MatrixFiles();
        var output = Path.Combine(files.Directory, "r.html");
        var result = CliRunner.Run("report", "-A", files.Write("A", TestMatrices.Random(12, 8, 47), MatrixFormat.NpyFloat64C), "-k", "2", "-o", output, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var html = File.ReadAllText(output);
        html.Should().Contain("Difference: closed form - finite differences").And.Contain("data:image/png;base64,");
        new FileInfo(output).Length.Should().BeLessThan(200_000).And.Be(result.Json.GetProperty("bytes").GetInt64());
    }
}
