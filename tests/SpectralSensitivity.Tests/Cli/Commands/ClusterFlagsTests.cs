using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Cli.Commands;

/// <summary><c>--cluster-mean</c>, <c>--branches</c> and <c>--cluster-tolerance</c> on <c>derivatives</c> and <c>eig-derivatives</c>.</summary>
public sealed class ClusterFlagsTests
{
    [Fact]
    public void Cluster_mean_prints_the_libraries_mean_with_the_cluster_and_its_tolerance()
    {
        var c = ClusterFixture.Named("wide 5x7, middle cluster of 3");
        using var files = new MatrixFiles();
        var result = CliRunner.Run("derivatives", "-A", files.Write("A", c.Matrix, MatrixFormat.NpyFloat64C), "-E", files.Write("E", c.Direction, MatrixFormat.NpyFloat64C), "-k", "3", "-N", "6", "--cluster-mean", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = SingularValueDerivatives.ClusterMean(ThinSingularValueDecomposition.Compute(c.Matrix), PerturbationPath.Linear(c.Direction), 3, 6);
        var json = result.Json;
        json.GetProperty("index").GetInt32().Should().Be(3);
        json.Doubles("derivatives").Should().Equal(expected.Derivatives);
        json.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(2, 3, 4);
        json.Double("clusterTolerance").Should().BeGreaterThan(0);
        json.Double("gap").Should().Be(expected.Gap);

        var plain = CliRunner.Run("derivatives", "-A", files.Write("A2", c.Matrix, MatrixFormat.Csv), "-E", files.Write("E2", c.Direction, MatrixFormat.Csv), "-k", "3", "-N", "6");
        plain.ExitCode.Should().Be(3, "without the flag a repeated value is undefined");
        plain.Stderr.Should().Contain("--cluster-mean").And.Contain("indices 2, 3, 4");
    }

    [Fact]
    public void Branches_of_a_zero_cluster_are_signed_with_left_sided_derivatives_and_match_the_reference()
    {
        var c = ClusterFixture.Named("tall 9x6, rank 3: zero cluster of 3");
        using var files = new MatrixFiles();
        var result = CliRunner.Run("derivatives", "-A", files.Write("A", c.Matrix, MatrixFormat.NpyFloat64C), "-E", files.Write("E", c.Direction, MatrixFormat.NpyFloat64C), "-k", "5", "-N", "4", "--branches", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json;
        json.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(4, 5, 6);
        var branches = json.GetProperty("branches").EnumerateArray().Select(b => b.Doubles()).ToArray();
        var left = json.GetProperty("leftBranches").EnumerateArray().Select(b => b.Doubles()).ToArray();
        json.GetProperty("structuralZeros").GetInt32().Should().Be(3);
        for (var b = 0; b < 3; b++)
        {
            for (var j = 0; j < 4; j++)
            {
                branches[b][j].Should().BeApproximately(c.Branches[b][j], 1e-9 * Math.Max(1, Math.Abs(c.Branches[b][j])));
            }

            left[b][0].Should().Be(-branches[b][0], "a first-order kink");
        }
    }

    [Fact]
    public void Eigenvalue_branches_with_a_tolerance_and_usage_errors()
    {
        var c = ClusterFixture.Named("symmetric 6x6, cluster of 3");
        using var files = new MatrixFiles();
        var t = files.Write("T", c.Matrix, MatrixFormat.Csv);
        var t1 = files.Write("T1", c.Direction, MatrixFormat.Csv);
        var result = CliRunner.Run("eig-derivatives", "-A", t, "-E", t1, "-k", "2", "-N", "4", "--branches", "--cluster-tolerance", "1e-12", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.Double("clusterTolerance").Should().Be(1e-12);
        result.Json.Double("eigenvalue").Should().BeApproximately(0.5, 1e-14);
        var branches = result.Json.GetProperty("branches").EnumerateArray().Select(b => b.Doubles()).ToArray();
        branches.Should().HaveCount(3);
        branches[0][0].Should().BeApproximately(c.Branches[0][0], 1e-9);
        result.Json.TryGetProperty("leftBranches", out _).Should().BeFalse();

        CliRunner.Run("eig-derivatives", "-A", t, "-E", t1, "-k", "2", "--branches", "--cluster-mean").ExitCode.Should().Be(2);
        CliRunner.Run("eig-derivatives", "-A", t, "-E", t1, "-k", "2", "--cluster-tolerance", "1e-3").ExitCode.Should().Be(2);
        CliRunner.Run("eig-derivatives", "-A", t, "-E", t1, "-k", "2", "--cluster-mean", "--method", "closed-form").ExitCode.Should().Be(2);
        CliRunner.Run("eig-derivatives", "-A", t, "-E", t1, "-k", "2", "--cluster-mean", "--cluster-tolerance", "-1").ExitCode.Should().Be(2);
        CliRunner.Run("derivatives", "-A", files.Write("Z", c.Matrix * 0, MatrixFormat.Csv), "-E", t1, "-k", "1", "--cluster-mean").ExitCode.Should().Be(3);
    }
}
