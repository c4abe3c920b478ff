using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.IO;
using SpectralSensitivity.Tests.IO;

namespace SpectralSensitivity.Tests.Cli.Infrastructure;

/// <summary><c>--output</c> writes every array a command produces to .npz (named as in the JSON), the first one to .npy/.csv/.mtx.</summary>
public sealed class MatrixOutputTests
{
    private static Matrix<double> Member(string archive, string name) => MatrixFile.Read($"{archive}:{name}");

    private static Matrix<double> Column(IEnumerable<double> values) => Matrix<double>.Build.DenseOfColumnArrays(values.ToArray());

    [Fact]
    public void Svd_writes_values_gaps_and_both_factors()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(6, 4, 51);
        var input = files.Write("A", a, MatrixFormat.NpyFloat64C);
        var npz = Path.Combine(files.Directory, "svd.npz");
        var npy = Path.Combine(files.Directory, "s.npy");

        var result = CliRunner.Run("svd", "-A", input, "-o", npz, "--json");
        CliRunner.Run("svd", "-A", input, "-o", npy).ExitCode.Should().Be(0);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.GetProperty("output").GetString().Should().Be(npz);
        var svd = ThinSingularValueDecomposition.Compute(a);
        Member(npz, "singularValues").ShouldBeBitwiseEqualTo(Column(svd.SingularValues));
        Member(npz, "gaps").ShouldBeBitwiseEqualTo(Column(Enumerable.Range(1, svd.Size).Select(svd.Gap)));
        Member(npz, "leftVectors").ShouldBeBitwiseEqualTo(svd.LeftVectors);
        Member(npz, "rightVectors").ShouldBeBitwiseEqualTo(svd.RightVectors);
        (Member(npz, "leftVectors") * Matrix<double>.Build.DiagonalOfDiagonalVector(svd.SingularValues) * Member(npz, "rightVectors").Transpose() - a)
            .FrobeniusNorm().Should().BeLessThan(1e-13 * a.FrobeniusNorm(), "the written factors reproduce A");
        MatrixFile.Read(npy).ShouldBeBitwiseEqualTo(Column(svd.SingularValues));
        File.ReadAllBytes(npy).Should().Equal(NpyBytes.File(1, NpyBytes.Dict("<f8", false, $"({svd.Size},)"), NpyBytes.Float64(false, svd.SingularValues.ToArray())), "a vector is a 1-D .npy array");
    }

    [Fact]
    public void Derivatives_write_the_series_and_the_singular_vectors_Taylor_coefficients_per_index()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(5, 3, 52);
        var e = TestMatrices.Random(5, 3, 53);
        var output = Path.Combine(files.Directory, "d.npz");

        var (pa, pe) = (files.Write("A", a, MatrixFormat.Csv), files.Write("E", e, MatrixFormat.Csv));
        var single = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "3", "-N", "4", "-o", output, "--json");
        var several = CliRunner.Run("derivatives", "-A", pa, "-E", pe, "-k", "1,3", "-N", "4", "-o", output, "--json");

        single.ExitCode.Should().Be(0, single.ToString());
        var expected = SingularValueDerivatives.Expand(a, e, 3, 4);
        Member(output, "derivatives").ShouldBeBitwiseEqualTo(Column(expected.Derivatives));
        Member(output, "taylorCoefficients").ShouldBeBitwiseEqualTo(Column(expected.TaylorCoefficients));
        Member(output, "leftVectorCoefficients").ShouldBeBitwiseEqualTo(Matrix<double>.Build.DenseOfRowVectors(expected.LeftVectorCoefficients));
        var right = Member(output, "rightVectorCoefficients");
        right.ShouldBeBitwiseEqualTo(Matrix<double>.Build.DenseOfRowVectors(expected.RightVectorCoefficients));
        var v = ThinSingularValueDecomposition.Compute(a).RightVectors.Column(2);
        Math.Abs(right.Row(0) * v).Should().BeApproximately(1, 1e-14, "row 0 is v_k itself");

        several.ExitCode.Should().Be(0, several.ToString());
        var results = several.Json.GetProperty("results");
        foreach (var (k, i) in new[] { (1, 0), (3, 1) })
        {
            var archive = Path.Combine(files.Directory, $"d.k{k}.npz");
            results[i].GetProperty("output").GetString().Should().Be(archive);
            Member(archive, "derivatives").ShouldBeBitwiseEqualTo(Column(results[i].Doubles("derivatives")));
            Member(archive, "taylorCoefficients").ShouldBeBitwiseEqualTo(Column(results[i].Doubles("taylorCoefficients")));
        }
    }

    [Fact]
    public void Eig_derivatives_write_the_eigenvector_coefficients()
    {
        using var files = new MatrixFiles();
        var t = TestMatrices.Symmetric(4, 54);
        var t1 = TestMatrices.Symmetric(4, 55);
        var output = Path.Combine(files.Directory, "mu.npz");

        var result = CliRunner.Run("eig-derivatives", "-A", files.Write("T", t, MatrixFormat.Csv), "-E", files.Write("T1", t1, MatrixFormat.Csv), "-k", "2", "-N", "3", "-o", output);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("wrote " + output);
        var expected = EigenvalueDerivatives.Expand(t, t1, 2, 3);
        Member(output, "derivatives").ShouldBeBitwiseEqualTo(Column(expected.Derivatives));
        Member(output, "eigenvectorCoefficients").ShouldBeBitwiseEqualTo(Matrix<double>.Build.DenseOfRowVectors(expected.EigenvectorCoefficients));
    }

    [Fact]
    public void Hessian_spectrum_writes_eigenvectors_that_the_dense_Hessian_maps_to_their_eigenvalue_multiples()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(4, 3, 56);
        var output = Path.Combine(files.Directory, "h.npz");

        var result = CliRunner.Run("hessian-spectrum", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "-k", "2", "--top", "2", "-o", output, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var eigenvalues = Member(output, "eigenvalues").Column(0);
        eigenvalues.Should().Equal(result.Json.GetProperty("eigenvalues").EnumerateArray().Select(x => x.GetProperty("value").GetDouble()));
        Member(output, "partners").Column(0).Should().Equal(result.Json.GetProperty("eigenvalues").EnumerateArray().Select(x => (double)x.GetProperty("partner").GetInt32()));
        var vectors = MatrixFile.ReadStack(output + ":eigenvectors");
        vectors.Should().HaveCount(eigenvalues.Count).And.HaveCountGreaterThan(1);
        var hessian = SingularValueHessian.Compute(ThinSingularValueDecomposition.Compute(a), 2);
        for (var i = 0; i < vectors.Count; i++)
        {
            var x = Vector<double>.Build.DenseOfArray(vectors[i].ToColumnMajorArray());
            x.L2Norm().Should().BeApproximately(1, 1e-14);
            (hessian * x - eigenvalues[i] * x).L2Norm().Should().BeLessThan(1e-12 * hessian.L2Norm(), $"eigenvector {i} of the dense Hessian");
        }
    }

    [Fact]
    public void Taylor_writes_the_points_table_and_predictions_by_order()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(4, 4, 57);
        var e = TestMatrices.Random(4, 4, 58);
        var output = Path.Combine(files.Directory, "scan.npz");

        var result = CliRunner.Run("taylor", "-A", files.Write("A", a, MatrixFormat.Csv), "-E", files.Write("E", e, MatrixFormat.Csv), "-N", "3", "--points", "5", "-o", output, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var points = Member(output, "points");
        var json = result.Json.GetProperty("points").EnumerateArray().ToArray();
        points.RowCount.Should().Be(5);
        for (var i = 0; i < 5; i++)
        {
            points.Row(i).ToArray().Should().Equal(new[] { "t", "recomputed", "predicted", "error", "errorBound" }.Select(name => json[i].GetProperty(name).GetDouble()));
            Member(output, "predictionsByOrder").Row(i).ToArray().Should().Equal(json[i].GetProperty("predictionsByOrder").EnumerateArray().Select(x => x.GetDouble()));
        }
    }

    [Fact]
    public void Unknown_output_extensions_are_usage_errors_and_nothing_is_written()
    {
        using var files = new MatrixFiles();
        var input = files.Write("A", TestMatrices.Random(3, 3, 59), MatrixFormat.Csv);
        var result = CliRunner.Run("svd", "-A", input, "-o", Path.Combine(files.Directory, "s.json"));
        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain(".npz");
        Directory.GetFiles(files.Directory).Should().ContainSingle();
    }
}
