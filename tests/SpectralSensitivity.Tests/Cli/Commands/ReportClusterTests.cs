using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Cli.Commands;

/// <summary><c>report</c> on a repeated, nearly repeated or zero s_k: the cluster, the mean's Taylor predictions and the branches.</summary>
public sealed class ReportClusterTests
{
    [Fact]
    public void A_repeated_value_gets_the_cluster_its_mean_and_branches_matching_the_60_digit_reference()
    {
        var c = ClusterFixture.Named("wide 5x7, middle cluster of 3");
        var (result, html) = Report(c, 3, 6);

        result.Json.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(2, 3, 4);
        result.Json.Double("clusterTolerance").Should().BeGreaterThan(0);
        html.Should().Contain("s_3 belongs to the cluster s_2..s_4").And.Contain("its value is repeated up to rounding").And.Contain("Spread (largest minus smallest member) ").And.Contain("gap to the rest of the spectrum d = ")
            .And.Contain("mean(A + tE): Taylor orders 1..6").And.Contain("Analytic branches of s_2..s_4").And.NotContain("NaN");
        var mean = Rows(html, "D_j of the mean");
        mean.Should().HaveCount(6);
        for (var j = 1; j <= 6; j++)
        {
            mean[j - 1][1].Should().BeApproximately(c.Mean![j - 1], 1e-10 * Math.Max(1, Math.Abs(c.Mean[j - 1])), $"the mean's D_{j} on the page against the reference");
        }

        BranchesMatch(html, c);
    }

    [Fact]
    public void A_nearly_repeated_value_is_a_cluster_only_with_a_wide_enough_tolerance()
    {
        var c = ClusterFixture.Named("tall 6x5, nearly repeated, spread 2^-20");
        using var files = new MatrixFiles();
        var (a, e) = (files.Write("A", c.Matrix, MatrixFormat.NpyFloat64C), files.Write("E", c.Direction, MatrixFormat.NpyFloat64C));
        var k = c.First.ToString(CultureInfo.InvariantCulture);

        var alone = CliRunner.Run("report", "-A", a, "-E", e, "-k", k, "--points", "5", "-o", Path.Combine(files.Directory, "alone.html"), "--json");
        var grouped = CliRunner.Run("report", "-A", a, "-E", e, "-k", k, "--points", "5", "--cluster-tolerance", "1e-5", "-o", Path.Combine(files.Directory, "grouped.html"), "--json");

        alone.ExitCode.Should().Be(0, alone.ToString());
        alone.Json.TryGetProperty("cluster", out _).Should().BeFalse("without the tolerance the value is simple");
        grouped.ExitCode.Should().Be(0, grouped.ToString());
        grouped.Json.Double("clusterTolerance").Should().Be(1e-5);
        grouped.Json.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(Enumerable.Range(c.First, c.Count));
        grouped.Json.Double("convergenceRadius").Should().BeGreaterThan(100 * alone.Json.Double("convergenceRadius"), "the group's gap is far wider than the spread");
        File.ReadAllText(Path.Combine(files.Directory, "grouped.html")).Should().Contain("neighbouring values differ by at most the cluster tolerance 1E-05 x s_1").And.Contain("they leave the plot soon");
    }

    [Fact]
    public void A_zero_value_gets_signed_branches_and_the_structural_zeros_but_no_mean()
    {
        var c = ClusterFixture.Named("tall 9x6, rank 3: zero cluster of 3");
        var (result, html) = Report(c, 5, 4);

        result.Json.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(4, 5, 6);
        html.Should().Contain("it is zero").And.Contain("The 3 structural zero eigenvalues").And.NotContain("D_j of the mean").And.NotContain("NaN").And.NotContain("Infinity");
        BranchesMatch(html, c);
    }

    [Fact]
    public void A_bad_tolerance_is_refused()
    {
        using var files = new MatrixFiles();
        var a = files.Write("A", TestMatrices.Random(4, 3, 5), MatrixFormat.Csv);
        var result = CliRunner.Run("report", "-A", a, "--cluster-tolerance", "-1", "-o", Path.Combine(files.Directory, "x.html"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().StartWith("error: ").And.Contain("cluster tolerance");
        File.Exists(Path.Combine(files.Directory, "x.html")).Should().BeFalse();
    }

    /// <summary>Runs <c>report</c> on the case at index k with order N; the JSON result and the page.</summary>
    private static (CliResult Result, string Html) Report(ClusterCase c, int k, int order)
    {
        using var files = new MatrixFiles();
        var output = Path.Combine(files.Directory, "c.html");
        var result = CliRunner.Run("report", "-A", files.Write("A", c.Matrix, MatrixFormat.NpyFloat64C), "-E", files.Write("E", c.Direction, MatrixFormat.NpyFloat64C),
            "-k", k.ToString(CultureInfo.InvariantCulture), "-N", order.ToString(CultureInfo.InvariantCulture), "--points", "9", "-o", output, "--json");
        result.ExitCode.Should().Be(0, result.ToString());
        return (result, File.ReadAllText(output));
    }

    /// <summary>The branch table on the page against the 60-digit one-sided reference, orders 1..4 (right-sided for a zero cluster).</summary>
    private static void BranchesMatch(string html, ClusterCase c)
    {
        var branches = Rows(html, "branch");
        branches.Should().HaveCount(c.Count);
        for (var b = 0; b < c.Count; b++)
        {
            for (var j = 1; j <= 4; j++)
            {
                branches[b][j].Should().BeApproximately(c.Branches[b][j - 1], 1e-9 * Math.Max(1, Math.Abs(c.Branches[b][j - 1])), $"branch {b + 1}, D_{j}");
            }
        }
    }

    /// <summary>The numeric rows of the table whose first header cell is <paramref name="firstHeader"/> (or whose second is, for "D_j of the mean").</summary>
    private static double[][] Rows(string html, string header)
    {
        var table = Regex.Matches(html, "<table>(.*?)</table>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Single(t => Regex.Match(t, "<tr>(.*?)</tr>").Value.Contains($"<th>{header}</th>", StringComparison.Ordinal));
        return Regex.Matches(table, "<tr>(<td>.*?)</tr>").Select(row => Regex.Matches(row.Groups[1].Value, "<td>(.*?)</td>")
            .Select(cell => double.Parse(cell.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    }
}
