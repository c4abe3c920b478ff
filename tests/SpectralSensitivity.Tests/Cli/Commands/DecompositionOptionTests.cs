using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Tests.MatrixFree.Krylov;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Cli.Commands;

/// <summary><c>--decomposition auto|dense|krylov</c> on <c>svd</c>, <c>derivatives</c>, <c>eig-derivatives</c>, <c>gradient</c> and <c>hvp</c>:
/// the two decompositions agree, the JSON names the one used and carries the residuals and error estimates, <c>auto</c> follows its
/// documented rule, and misuse is one <c>error:</c> line with exit 2.</summary>
public sealed class DecompositionOptionTests
{
    private static readonly Lazy<(Matrix<double> A, Matrix<double> E)> Small = new(() =>
        (Matrix<double>.Build.DenseOfMatrix(SparseTestMatrices.Random(60, 40, 0.15, seed: 201)), Matrix<double>.Build.DenseOfMatrix(SparseTestMatrices.Random(60, 40, 0.15, seed: 202))));

    [Fact]
    public void Derivatives_by_krylov_agree_with_dense_and_carry_residuals_and_error_estimates()
    {
        var (a, e) = Small.Value;
        using var files = new MatrixFiles();
        var pa = files.Write("A", a, MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("E", e, MatrixFormat.MatrixMarketCoordinate);
        var krylov = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "1..2", "-N", "4", "--decomposition", "krylov", "--json");
        var dense = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "1..2", "-N", "4", "--json");
        krylov.ExitCode.Should().Be(0, krylov.ToString());
        dense.ExitCode.Should().Be(0, dense.ToString());
        var pairs = krylov.Json.GetProperty("results").EnumerateArray().Zip(dense.Json.GetProperty("results").EnumerateArray()).ToArray();
        foreach (var (k, d) in pairs)
        {
            k.GetProperty("decomposition").GetString().Should().Be("krylov");
            d.GetProperty("decomposition").GetString().Should().Be("dense", "auto picks dense for a small file");
            var expected = d.Doubles("derivatives");
            var actual = k.Doubles("derivatives");
            for (var j = 0; j < 4; j++)
            {
                actual[j].Should().BeApproximately(expected[j], 1e-8 * Math.Max(1, Math.Abs(expected[j])));
            }

            k.Doubles("derivativeErrorEstimates").Should().HaveCount(4).And.OnlyContain(x => x > 0 && x < 1e-6);
            k.Double("leftResidual").Should().BeLessThan(1e-10);
            k.Double("rightResidual").Should().BeLessThan(1e-10);
            k.Doubles("solverResiduals").Should().HaveCount(2, "values only: orders 1..4 from the vectors through order 2 (Wigner's 2n + 1 rule)");
            k.GetProperty("solverIterations").GetArrayLength().Should().Be(2);
            d.TryGetProperty("derivativeErrorEstimates", out _).Should().BeFalse();
        }
    }

    [Fact]
    public void Derivatives_by_krylov_with_output_solve_every_order_and_write_the_vectors_coefficients_of_every_order()
    {
        var (a, e) = Small.Value;
        using var files = new MatrixFiles();
        var pa = files.Write("A", a, MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("E", e, MatrixFormat.MatrixMarketCoordinate);
        var output = Path.Combine(files.Directory, "d.npz");
        var withVectors = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "2", "-N", "4", "--decomposition", "krylov", "--output", output, "--json");
        var valuesOnly = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "2", "-N", "4", "--decomposition", "krylov", "--json");
        withVectors.ExitCode.Should().Be(0, withVectors.ToString());
        valuesOnly.ExitCode.Should().Be(0, valuesOnly.ToString());
        withVectors.Json.Doubles("solverResiduals").Should().HaveCount(4);
        valuesOnly.Json.Doubles("solverResiduals").Should().HaveCount(2);
        MatrixFile.Read($"{output}:leftVectorCoefficients").RowCount.Should().Be(5);
        MatrixFile.Read($"{output}:rightVectorCoefficients").RowCount.Should().Be(5);
        var full = withVectors.Json.Doubles("derivatives");
        var values = valuesOnly.Json.Doubles("derivatives");
        var estimates = valuesOnly.Json.Doubles("derivativeErrorEstimates");
        for (var j = 0; j < 4; j++)
        {
            Math.Abs(values[j] - full[j]).Should().BeLessThan(1e-8 * Math.Max(1, Math.Abs(full[j])), "order {0}: the rule and the full recursion agree", j + 1);
            Math.Abs(values[j] - full[j]).Should().BeLessThan(estimates[j] + withVectors.Json.Doubles("derivativeErrorEstimates")[j], "order {0}: within both estimates", j + 1);
        }
    }

    [Fact]
    public void Auto_picks_krylov_for_a_large_coordinate_file_and_the_svd_reports_residuals()
    {
        var a = ClusterBlocks.Planted(1000, 1000, 0.002, seed: 205, [4.0, 3.0, 2.0, 1.5]);
        using var files = new MatrixFiles();
        var pa = files.Write("A", Matrix<double>.Build.DenseOfMatrix(a), MatrixFormat.MatrixMarketCoordinate);
        var svd = CliRunner.Run("svd", "-A", pa, "--count", "3", "--json");
        svd.ExitCode.Should().Be(0, svd.ToString());
        var json = svd.Json;
        json.GetProperty("decomposition").GetString().Should().Be("krylov", "1000 x 1000 = 10^6 entries in a coordinate file");
        json.Doubles("singularValues").Should().HaveCount(3);
        json.Doubles("singularValues")[0].Should().BeApproximately(4.0, 1e-12);
        json.Doubles("singularValues")[2].Should().BeApproximately(2.0, 1e-12);
        json.Doubles("leftResiduals").Should().OnlyContain(r => r < 1e-10);
        json.GetProperty("products").GetInt32().Should().BeGreaterThan(0);
        var forcedDense = CliRunner.Run("gradient", "-A", pa, "-k", "1", "--decomposition", "dense", "--form", "factored");
        forcedDense.ExitCode.Should().Be(2, forcedDense.ToString());
        forcedDense.Stderr.Trim().Should().StartWith("error: --form factored needs --decomposition krylov").And.NotContain("\n");
    }

    [Fact]
    public void Gradient_and_hvp_by_krylov_are_factored_and_match_the_dense_matrices()
    {
        var (a, e) = Small.Value;
        using var files = new MatrixFiles();
        var pa = files.Write("A", a, MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("E", e, MatrixFormat.NpyFloat64C);
        var gradient = CliRunner.Run("gradient", "-A", pa, "-k", "2", "--decomposition", "krylov", "--json");
        gradient.ExitCode.Should().Be(0, gradient.ToString());
        var g = gradient.Json;
        g.GetProperty("form").GetString().Should().Be("factored");
        g.GetProperty("rank").GetInt32().Should().Be(1);
        g.TryGetProperty("gradient", out _).Should().BeFalse("no dense m x n unless asked");
        var denseGradient = CliRunner.Run("gradient", "-A", pa, "-k", "2", "--json").Json;
        var product = Rows(g.GetProperty("factors").GetProperty("left")).TransposeAndMultiply(Rows(g.GetProperty("factors").GetProperty("right")));
        (product - Rows(denseGradient.GetProperty("gradient"))).FrobeniusNorm().Should().BeLessThan(1e-9);

        var output = Path.Combine(files.Directory, "hvp.npz");
        var hvp = CliRunner.Run("hvp", "-A", pa, "-E", pe, "-k", "2", "--decomposition", "krylov", "--output", output, "--json");
        hvp.ExitCode.Should().Be(0, hvp.ToString());
        var h = hvp.Json;
        h.GetProperty("rank").GetInt32().Should().Be(2);
        h.Double("errorEstimate").Should().BeGreaterThan(0).And.BeLessThan(1e-8);
        var denseHvp = CliRunner.Run("hvp", "-A", pa, "-E", pe, "-k", "2", "--json").Json;
        h.Double("quadraticForm").Should().BeApproximately(denseHvp.Double("quadraticForm"), 1e-9 * Math.Max(1, Math.Abs(denseHvp.Double("quadraticForm"))));
        var left = SpectralSensitivity.IO.MatrixFile.Read($"{output}:left");
        var right = SpectralSensitivity.IO.MatrixFile.Read($"{output}:right");
        left.ColumnCount.Should().Be(2);
        (left.TransposeAndMultiply(right) - Rows(denseHvp.GetProperty("hessianVectorProduct"))).FrobeniusNorm()
            .Should().BeLessThan(1e-9 * Rows(denseHvp.GetProperty("hessianVectorProduct")).FrobeniusNorm());
        var asDense = CliRunner.Run("hvp", "-A", pa, "-E", pe, "-k", "2", "--decomposition", "krylov", "--form", "dense", "--json").Json;
        (Rows(asDense.GetProperty("hessianVectorProduct")) - Rows(denseHvp.GetProperty("hessianVectorProduct"))).FrobeniusNorm().Should().BeLessThan(1e-9);
    }

    [Fact]
    public void A_planted_cluster_exits_3_naming_it_and_its_mean_is_served_matrix_free()
    {
        var (a, e) = KrylovClusterMeanTests.PlantedCluster(60, 50, seed: 207);
        using var files = new MatrixFiles();
        var pa = files.Write("A", Matrix<double>.Build.DenseOfMatrix(a), MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("E", Matrix<double>.Build.DenseOfMatrix(e), MatrixFormat.MatrixMarketCoordinate);
        var refused = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "3", "-N", "3", "--decomposition", "krylov");
        refused.ExitCode.Should().Be(3, refused.ToString());
        refused.Stderr.Should().StartWith("error: ").And.Contain("indices 2, 3, 4");
        refused.Stderr.Trim().Split('\n').Should().HaveCount(1);
        var mean = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "3", "-N", "3", "--decomposition", "krylov", "--cluster-mean", "--json");
        mean.ExitCode.Should().Be(0, mean.ToString());
        var json = mean.Json;
        json.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(2, 3, 4);
        json.GetProperty("decomposition").GetString().Should().Be("krylov");
        json.Doubles("memberResiduals").Should().HaveCount(3);
        json.Doubles("solverResiduals").Should().HaveCount(9);
        var expected = KrylovSingularValueDerivatives.ClusterMean(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 3, 3);
        json.Doubles("derivatives").Should().Equal(expected.Mean.Derivatives);
        var dense = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "3", "-N", "3", "--decomposition", "dense", "--cluster-mean", "--json").Json;
        var reference = dense.Doubles("derivatives");
        for (var j = 0; j < 3; j++)
        {
            json.Doubles("derivatives")[j].Should().BeApproximately(reference[j], 1e-9 * Math.Max(1, Math.Abs(reference[j])));
        }
    }

    [Fact]
    public void Gradient_and_hvp_of_a_planted_clusters_mean_are_served_matrix_free_and_match_the_dense_path()
    {
        var (a, e) = KrylovClusterMeanTests.PlantedCluster(60, 50, seed: 209);
        using var files = new MatrixFiles();
        var pa = files.Write("A", Matrix<double>.Build.DenseOfMatrix(a), MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("E", Matrix<double>.Build.DenseOfMatrix(e), MatrixFormat.MatrixMarketCoordinate);
        var refused = CliRunner.Run("gradient", "-A", pa, "-k", "3", "--decomposition", "krylov");
        refused.ExitCode.Should().Be(3, "a repeated value has no gradient: " + refused);
        refused.Stderr.Trim().Split('\n').Should().HaveCount(1);

        var gradient = CliRunner.Run("gradient", "-A", pa, "-k", "3", "--decomposition", "krylov", "--cluster-mean", "--json");
        gradient.ExitCode.Should().Be(0, gradient.ToString());
        var g = gradient.Json;
        g.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(2, 3, 4);
        g.GetProperty("rank").GetInt32().Should().Be(3, "(1/g) U_c V_c^T has rank g");
        var denseGradient = CliRunner.Run("gradient", "-A", pa, "-k", "3", "--cluster-mean", "--json").Json;
        g.Double("singularValue").Should().BeApproximately(denseGradient.Double("singularValue"), 1e-12 * denseGradient.Double("singularValue"));
        g.Double("clusterTolerance").Should().BeGreaterThan(0);
        var product = Rows(g.GetProperty("factors").GetProperty("left")).TransposeAndMultiply(Rows(g.GetProperty("factors").GetProperty("right")));
        (product - Rows(denseGradient.GetProperty("gradient"))).FrobeniusNorm().Should().BeLessThan(1e-9);

        var hvp = CliRunner.Run("hvp", "-A", pa, "-E", pe, "-k", "3", "--decomposition", "krylov", "--cluster-mean", "--form", "dense", "--json");
        hvp.ExitCode.Should().Be(0, hvp.ToString());
        var h = hvp.Json;
        h.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal(2, 3, 4);
        var denseHvp = CliRunner.Run("hvp", "-A", pa, "-E", pe, "-k", "3", "--cluster-mean", "--json").Json;
        var expected = Rows(denseHvp.GetProperty("hessianVectorProduct"));
        (Rows(h.GetProperty("hessianVectorProduct")) - expected).FrobeniusNorm().Should().BeLessThan(1e-9 * expected.FrobeniusNorm());
        h.Double("quadraticForm").Should().BeApproximately(denseHvp.Double("quadraticForm"), 1e-9 * Math.Max(1, Math.Abs(denseHvp.Double("quadraticForm"))));
        h.Double("errorEstimate").Should().BeLessThan(1e-8 * expected.FrobeniusNorm());
    }

    [Fact]
    public void Branches_of_a_planted_cluster_are_served_matrix_free_with_the_dense_json_plus_residuals_and_error_estimates()
    {
        var (a, e) = KrylovClusterMeanTests.PlantedCluster(60, 50, seed: 211);
        using var files = new MatrixFiles();
        var pa = files.Write("A", Matrix<double>.Build.DenseOfMatrix(a), MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("E", Matrix<double>.Build.DenseOfMatrix(e), MatrixFormat.MatrixMarketCoordinate);
        var krylov = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "3", "-N", "4", "--decomposition", "krylov", "--branches", "--json");
        var dense = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "3", "-N", "4", "--decomposition", "dense", "--branches", "--json");
        krylov.ExitCode.Should().Be(0, krylov.ToString());
        dense.ExitCode.Should().Be(0, dense.ToString());
        var (k, d) = (krylov.Json, dense.Json);
        k.GetProperty("decomposition").GetString().Should().Be("krylov");
        d.GetProperty("decomposition").GetString().Should().Be("dense");
        foreach (var name in new[] { "index", "order", "cluster", "rows", "columns" })
        {
            k.GetProperty(name).GetRawText().Should().Be(d.GetProperty(name).GetRawText(), "{0} as on the dense path", name);
        }

        k.Double("singularValue").Should().BeApproximately(d.Double("singularValue"), 1e-13);
        k.Doubles("memberResiduals").Should().HaveCount(3);
        k.Doubles("solverResiduals").Should().HaveCount(12, "one solve per member and order");
        k.GetProperty("solverIterations").GetArrayLength().Should().Be(12);
        var branches = k.GetProperty("branches").EnumerateArray().Select(x => x.Doubles()).ToArray();
        var expected = d.GetProperty("branches").EnumerateArray().Select(x => x.Doubles()).ToArray();
        var estimates = k.GetProperty("branchErrorEstimates").EnumerateArray().Select(x => x.Doubles()).ToArray();
        branches.Should().HaveCount(3);
        estimates.Should().HaveCount(3);
        for (var b = 0; b < 3; b++)
        {
            for (var j = 0; j < 4; j++)
            {
                Math.Abs(branches[b][j] - expected[b][j]).Should().BeLessThan(1e-8 * Math.Max(1, Math.Abs(expected[b][j])), "D_{0} of branch {1}", j + 1, b);
                estimates[b][j].Should().BeGreaterThan(0);
            }
        }

        var table = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "3", "-N", "4", "--decomposition", "krylov", "--branches");
        table.ExitCode.Should().Be(0, table.ToString());
        table.Stdout.Should().Contain("s_2").And.Contain("s_4").And.Contain("error estimates, branch 3");
    }

    [Fact]
    public void Symmetric_branches_are_served_matrix_free_with_ascending_indices_at_both_ends()
    {
        var b = SparseTestMatrices.Random(40, 40, 0.1, seed: 213);
        var t = Matrix<double>.Build.DenseOfMatrix(Math.ScaleB(1.0, -4) * (b + b.Transpose()));
        ClusterBlocks.PlantSymmetric(t, [0, 5, 11, 23], [3.0, 3.0, 3.0, 2.0]);
        ClusterBlocks.PlantSymmetric(t, [1, 6, 12, 24], [-3.0, -3.0, -2.0, -1.0]);
        var c = SparseTestMatrices.Random(40, 40, 0.1, seed: 214);
        var t1 = Matrix<double>.Build.DenseOfMatrix(c + c.Transpose());
        using var files = new MatrixFiles();
        var pt = files.Write("T", t, MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("T1", t1, MatrixFormat.MatrixMarketCoordinate);
        var krylov = CliRunner.Run("eig-derivatives", "-A", pt, "-E", pe, "-k", "2,39", "-N", "3", "--decomposition", "krylov", "--branches", "--json");
        var dense = CliRunner.Run("eig-derivatives", "-A", pt, "-E", pe, "-k", "2,39", "-N", "3", "--decomposition", "dense", "--branches", "--json");
        krylov.ExitCode.Should().Be(0, krylov.ToString());
        foreach (var (k, d) in krylov.Json.GetProperty("results").EnumerateArray().Zip(dense.Json.GetProperty("results").EnumerateArray()))
        {
            k.GetProperty("cluster").GetRawText().Should().Be(d.GetProperty("cluster").GetRawText());
            k.Double("eigenvalue").Should().BeApproximately(d.Double("eigenvalue"), 1e-13);
            var branches = k.GetProperty("branches").EnumerateArray().Select(x => x.Doubles()).ToArray();
            var expected = d.GetProperty("branches").EnumerateArray().Select(x => x.Doubles()).ToArray();
            branches.Should().HaveCount(expected.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    Math.Abs(branches[i][j] - expected[i][j]).Should().BeLessThan(1e-8 * Math.Max(1, Math.Abs(expected[i][j])));
                }
            }
        }
    }

    [Fact]
    public void Branches_of_a_zero_singular_value_are_refused_matrix_free_with_one_error_line()
    {
        var a = Matrix<double>.Build.Dense(30, 20, (i, j) => i < 18 && j < 18 && i == j ? 1.0 + (0.5 * i) : 0.0);   // rank 18: s_19 = s_20 = 0
        var e = Matrix<double>.Build.DenseOfMatrix(SparseTestMatrices.Random(30, 20, 0.3, seed: 215));
        using var files = new MatrixFiles();
        var pa = files.Write("A", a, MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("E", e, MatrixFormat.MatrixMarketCoordinate);
        var result = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "19", "-N", "2", "--decomposition", "krylov", "--branches");
        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("error: ").And.Contain("zero").And.Contain("--decomposition dense");
    }

    [Fact]
    public void Eigenvalue_derivatives_by_krylov_agree_with_dense_at_both_ends()
    {
        var b = SparseTestMatrices.Random(50, 50, 0.1, seed: 209);
        var t = Matrix<double>.Build.DenseOfMatrix(b + b.Transpose());
        var c = SparseTestMatrices.Random(50, 50, 0.1, seed: 210);
        var t1 = Matrix<double>.Build.DenseOfMatrix(c + c.Transpose());
        using var files = new MatrixFiles();
        var pt = files.Write("T", t, MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("T1", t1, MatrixFormat.Csv);
        var krylov = CliRunner.Run("eig-derivatives", "-A", pt, "-E", pe, "-k", "1,50", "-N", "3", "--decomposition", "krylov", "--json");
        var dense = CliRunner.Run("eig-derivatives", "-A", pt, "-E", pe, "-k", "1,50", "-N", "3", "--json");
        krylov.ExitCode.Should().Be(0, krylov.ToString());
        foreach (var (k, d) in krylov.Json.GetProperty("results").EnumerateArray().Zip(dense.Json.GetProperty("results").EnumerateArray()))
        {
            k.GetProperty("index").GetInt32().Should().Be(d.GetProperty("index").GetInt32());
            k.Double("eigenvalue").Should().BeApproximately(d.Double("eigenvalue"), 1e-11);
            k.Double("residual").Should().BeLessThan(1e-9);
            var expected = d.Doubles("derivatives");
            for (var j = 0; j < 3; j++)
            {
                k.Doubles("derivatives")[j].Should().BeApproximately(expected[j], 1e-8 * Math.Max(1, Math.Abs(expected[j])));
            }
        }
    }

    [Theory]
    [InlineData("derivatives", "-k all", "-k all needs every value")]
    [InlineData("derivatives", "--method closed-form", "--method closed-form")]
    [InlineData("eig-derivatives", "--refinement extended-precision", "--refinement extended-precision")]
    [InlineData("hvp", "-k all", "-k all needs every triplet")]
    [InlineData("svd", "--refinement extended-precision", "--refinement extended-precision")]
    [InlineData("hvp", "--output H.npy", "write it to a .npz file")]
    [InlineData("derivatives", "--decomposition sparse", "sparse")]
    public void Misuse_is_exit_2_with_one_error_line(string command, string extra, string expected)
    {
        var (a, e) = Small.Value;
        var square = a.SubMatrix(0, 40, 0, 40);
        using var files = new MatrixFiles();
        var pa = files.Write("A", command == "eig-derivatives" ? square + square.Transpose() : a, MatrixFormat.MatrixMarketCoordinate);
        var pe = files.Write("E", command == "eig-derivatives" ? square + square.Transpose() : e, MatrixFormat.Csv);
        var args = new List<string> { command, "-A", pa };
        if (command != "svd")
        {
            args.AddRange(["-E", pe]);
        }

        if (!extra.StartsWith("--decomposition", StringComparison.Ordinal))
        {
            args.AddRange(["--decomposition", "krylov"]);
        }

        args.AddRange(extra.Split(' ').Select(x => x == "H.npy" ? Path.Combine(files.Directory, x) : x));
        var result = CliRunner.Run([.. args]);
        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        var lines = result.Stderr.Trim().Split('\n');
        lines.Should().HaveCount(1, result.ToString());
        lines[0].Should().StartWith("error: ").And.Contain(expected);
    }

    private static Matrix<double> Rows(System.Text.Json.JsonElement rows) =>
        Matrix<double>.Build.DenseOfRowArrays(rows.EnumerateArray().Select(r => r.Doubles()).ToArray());
}
