using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Cli.Commands;

/// <summary><c>--cluster-mean [--cluster-tolerance REL]</c> on <c>gradient</c>, <c>hvp</c> and <c>hessian</c>.</summary>
public sealed class ClusterMeanMatrixCommandsTests
{
    [Fact]
    public void Gradient_hvp_and_hessian_of_the_mean_print_the_librarys_matrices_with_the_cluster_and_its_tolerance()
    {
        var c = ClusterFixture.Named("wide 5x7, middle cluster of 3");
        var derivatives = ClusterMeanDerivatives.At(ThinSingularValueDecomposition.Compute(c.Matrix), 3);
        using var files = new MatrixFiles();
        var a = files.Write("A", c.Matrix, MatrixFormat.NpyFloat64C);
        var e = files.Write("E", c.Direction, MatrixFormat.NpyFloat64C);

        var gradient = CliRunner.Run("gradient", "-A", a, "-k", "3", "--cluster-mean", "--json");
        gradient.ExitCode.Should().Be(0, gradient.ToString());
        Rows(gradient.Json, "gradient").Should().Equal(RowMajor(derivatives.Gradient()));
        gradient.Json.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(2, 3, 4);
        gradient.Json.Double("clusterTolerance").Should().BeGreaterThan(0);
        gradient.Json.Double("singularValue").Should().Be(2.0, "the mean of the members, exact here");

        var hvp = CliRunner.Run("hvp", "-A", a, "-E", e, "-k", "2", "--cluster-mean", "--cluster-tolerance", "1e-9", "--json");
        hvp.ExitCode.Should().Be(0, hvp.ToString());
        hvp.Json.Double("clusterTolerance").Should().Be(1e-9);
        Rows(hvp.Json, "hessianVectorProduct").Should().Equal(RowMajor(derivatives.HessianVectorProduct(c.Direction)));
        hvp.Json.Double("quadraticForm").Should().BeApproximately(c.Mean![1], 1e-10 * Math.Max(1, Math.Abs(c.Mean[1])));

        var hessian = CliRunner.Run("hessian", "-A", a, "-k", "4", "--cluster-mean", "--json");
        hessian.ExitCode.Should().Be(0, hessian.ToString());
        Rows(hessian.Json, "hessian").Should().Equal(RowMajor(derivatives.Hessian()));
        hessian.Json.Double("trace").Should().Be(derivatives.Hessian().Trace());
        hessian.Json.GetProperty("index").GetInt32().Should().Be(4);
    }

    [Fact]
    public void Without_the_flag_a_repeated_value_exits_3_and_the_flags_are_checked()
    {
        var c = ClusterFixture.Named("wide 5x7, middle cluster of 3");
        using var files = new MatrixFiles();
        var a = files.Write("A", c.Matrix, MatrixFormat.Csv);
        var e = files.Write("E", c.Direction, MatrixFormat.Csv);
        CliRunner.Run("gradient", "-A", a, "-k", "3").ExitCode.Should().Be(3);
        CliRunner.Run("hessian", "-A", a, "-k", "3").ExitCode.Should().Be(3);
        CliRunner.Run("hvp", "-A", a, "-E", e, "-k", "3", "--cluster-tolerance", "1e-6").ExitCode.Should().Be(2, "a tolerance needs --cluster-mean");
        CliRunner.Run("hvp", "-A", a, "-E", e, "-k", "3", "--cluster-mean", "--cluster-tolerance", "-1").ExitCode.Should().Be(2);
        var zero = ClusterFixture.Named("wide 4x7, rank 2: zero cluster of 2");
        CliRunner.Run("gradient", "-A", files.Write("Z", zero.Matrix, MatrixFormat.Csv), "-k", "3", "--cluster-mean").ExitCode.Should().Be(3, "the mean of zero singular values is not differentiable");
    }

    [Fact]
    public void A_simple_value_with_the_flag_gives_its_own_gradient_and_hessian_in_a_one_member_cluster()
    {
        var a = SpectralSensitivity.Tests.TestSupport.TestMatrices.Gaussian(4, 3, 31);
        var svd = ThinSingularValueDecomposition.Compute(a);
        using var files = new MatrixFiles();
        var path = files.Write("A", a, MatrixFormat.Csv);
        var hessian = CliRunner.Run("hessian", "-A", path, "-k", "2", "--cluster-mean", "--json");
        hessian.ExitCode.Should().Be(0, hessian.ToString());
        hessian.Json.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(2);
        Rows(hessian.Json, "hessian").Should().Equal(RowMajor(SingularValueHessian.Compute(svd, 2)));
    }

    private static double[] Rows(System.Text.Json.JsonElement json, string property) =>
        [.. json.GetProperty(property).EnumerateArray().SelectMany(r => r.Doubles())];

    private static double[] RowMajor(Matrix<double> matrix) => [.. matrix.ToRowMajorArray().Select(x => x == 0 ? 0.0 : x)];
}
