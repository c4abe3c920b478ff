using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>
/// The core's <see cref="IDecompositionBackend"/> contract, run once per backend (managed, MKL, OpenBLAS) by the derived
/// classes below: values against MathNet's full managed SVD/EVD (a different algorithm path from every backend's thin
/// one), vectors through sign-free residuals and orthogonality, on zero, identity, 1 × 1, tall, wide, rank-deficient and
/// ill-conditioned matrices.
/// </summary>
public abstract class DecompositionBackendConformanceTests : ProviderSuite
{
    private IDecompositionBackend Backend => NativeTestEnvironment.DecompositionBackend(ProviderName);

    [ProviderFact]
    public void Backend_is_named_after_its_provider() => Backend.Name.Should().Be(ProviderName);

    [ProviderFact]
    public void Thin_svd_satisfies_residuals_on_every_special_matrix()
    {
        foreach (var (name, a) in MatrixCases.General())
        {
            var (s, u, v) = ThinSvd(a);
            var r = Math.Min(a.RowCount, a.ColumnCount);
            u.ColumnCount.Should().Be(r, name);
            v.ColumnCount.Should().Be(r, name);
            Residuals.ShouldAgree(s, FullSvd(Reference, a, vectors: false).S, $"{name}: values against the full managed SVD");
            Residuals.ShouldSatisfySvd(a, s, u, v.Transpose(), $"{name} on {ProviderName}");
            s.Should().OnlyContain(x => x >= 0, name);
        }
    }

    [ProviderFact]
    public void Thin_svd_of_a_rank_deficient_matrix_has_exactly_its_rank_of_non_zero_values()
    {
        var a = MatrixCases.RankDeficient(30, 20, 5, 91);
        var (s, _, _) = ThinSvd(a);
        var tolerance = 30 * 2.220446049250313e-16 * s[0];
        s.Count(x => x > tolerance).Should().Be(5);
        var (sw, uw, vw) = ThinSvd(a.Transpose());
        sw.Count(x => x > tolerance).Should().Be(5, "the wide transpose has the same rank");
        Residuals.ShouldSatisfySvd(a.Transpose(), sw, uw, vw.Transpose(), "wide rank-deficient");
    }

    [ProviderFact]
    public void Thin_svd_of_exact_cases_is_exact_to_rounding()
    {
        var (s1, u1, v1) = ThinSvd(Matrix<double>.Build.Dense(1, 1, [-3.5]));
        s1.Should().Equal(3.5);
        (u1[0, 0] * v1[0, 0]).Should().Be(-1.0, "u v = sign(a)");

        var (si, _, _) = ThinSvd(Matrix<double>.Build.DenseIdentity(7));
        si.Should().OnlyContain(x => Math.Abs(x - 1.0) <= 4e-16);

        var (sz, uz, vz) = ThinSvd(Matrix<double>.Build.Dense(6, 3));
        sz.Should().OnlyContain(x => x == 0.0);
        Residuals.ShouldBeOrthonormalColumns(uz, "U of the zero matrix");
        Residuals.ShouldBeOrthonormalColumns(vz, "V of the zero matrix");

        // diag(3, 4) padded with a zero row: s = (4, 3) exactly.
        var (sd, _, _) = ThinSvd(Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 0 }, { 0, 4 }, { 0, 0 } }));
        sd.Should().Equal(4.0, 3.0);
    }

    [ProviderFact]
    public void Symmetric_eigendecomposition_satisfies_residuals_and_reads_only_the_lower_triangle()
    {
        foreach (var (name, t) in MatrixCases.Symmetric())
        {
            var n = t.RowCount;
            var stored = t.ToColumnMajorArray();
            for (var j = 1; j < n; j++)
            {
                for (var i = 0; i < j; i++)
                {
                    stored[j * n + i] = 1e3 + i - j;                           // strictly upper triangle: not T's
                }
            }

            var values = new double[n];
            Backend.SymmetricEigendecomposition(stored, n, values);
            var q = Matrix<double>.Build.Dense(n, n, stored);
            var expected = t.Evd(Symmetricity.Symmetric).EigenValues.Select(x => x.Real).Order().ToArray();
            Residuals.ShouldAgree(values, expected, $"{name}: eigenvalues against MathNet's managed EVD");
            values.Should().BeInAscendingOrder(name);
            var scale = Math.Max(t.FrobeniusNorm(), double.Epsilon);
            (t * q - q * Matrix<double>.Build.DiagonalOfDiagonalArray(values)).FrobeniusNorm()
                .Should().BeLessThanOrEqualTo(Residuals.Tolerance * scale * 10, $"{name}: T Q = Q diag(mu)");
            Residuals.ShouldBeOrthonormalColumns(q, name);
        }
    }

    [ProviderFact]
    public void Product_agrees_with_a_triple_loop_for_every_transpose()
    {
        const int m = 7, n = 5, k = 4;
        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var a = Matrix<double>.Build.Random(ta ? k : m, ta ? m : k, 81);
            var b = Matrix<double>.Build.Random(tb ? n : k, tb ? k : n, 82);
            var c = Matrix<double>.Build.Random(m, n, 83);
            var expected = new double[m * n];
            for (var j = 0; j < n; j++)
            {
                for (var i = 0; i < m; i++)
                {
                    var sum = 0.0;
                    for (var p = 0; p < k; p++)
                    {
                        sum += (ta ? a[p, i] : a[i, p]) * (tb ? b[j, p] : b[p, j]);
                    }

                    expected[j * m + i] = 1.5 * sum - 0.5 * c[i, j];           // C = 1.5 op(A) op(B) - 0.5 C
                }
            }

            var actual = c.ToColumnMajorArray();
            Backend.MatrixMultiply(ta, tb, m, n, k, 1.5, a.ToColumnMajorArray(), b.ToColumnMajorArray(), -0.5, actual);
            Residuals.ShouldAgree(actual, expected, $"op(A) {(ta ? "T" : "N")}, op(B) {(tb ? "T" : "N")}");
        }
    }

    [ProviderFact]
    public void Wrong_buffer_lengths_and_non_finite_input_are_argument_errors()
    {
        var shortU = () => Backend.ThinSingularValueDecomposition(new double[6], 3, 2, new double[2], new double[5], new double[4]);
        shortU.Should().Throw<ArgumentException>();
        var shortValues = () => Backend.SymmetricEigendecomposition(new double[9], 3, new double[2]);
        shortValues.Should().Throw<ArgumentException>();
        var nan = new double[6];
        nan[4] = double.NaN;
        var svd = () => Backend.ThinSingularValueDecomposition(nan, 3, 2, new double[2], new double[6], new double[4]);
        svd.Should().Throw<ArgumentException>();
        var product = () => Backend.MatrixMultiply(false, false, 2, 2, 2, 1.0, new double[3], new double[4], 0.0, new double[4]);
        product.Should().Throw<ArgumentException>();
    }

    [ProviderFact]
    public void Failures_are_reported_through_the_typed_exception_of_the_contract()
    {
        // A failed factorization cannot be provoked from valid input; the contract is checked on the exception itself.
        var failure = new DecompositionFailedException("dgesdd", 3);
        failure.IsNumericalFailure.Should().BeTrue();
        failure.Message.Should().Contain("dgesdd").And.Contain("info = 3");
        new SpectralSensitivity.Providers.Mkl.Errors.NativeLinearAlgebraException("dsyevd", -4).Should().BeAssignableTo<DecompositionFailedException>()
            .Which.IsIllegalArgument.Should().BeTrue();
    }

    private (double[] S, Matrix<double> U, Matrix<double> V) ThinSvd(Matrix<double> a)
    {
        int m = a.RowCount, n = a.ColumnCount, r = Math.Min(m, n);
        double[] s = new double[r], u = new double[m * r], v = new double[n * r];
        Backend.ThinSingularValueDecomposition(a.ToColumnMajorArray(), m, n, s, u, v);
        return (s, Matrix<double>.Build.Dense(m, r, u), Matrix<double>.Build.Dense(n, r, v));
    }
}

[RunsOnProvider("managed")]
public sealed class ManagedDecompositionBackendTests : DecompositionBackendConformanceTests;

[RunsOnProvider("mkl")]
public sealed class MklDecompositionBackendTests : DecompositionBackendConformanceTests;

[RunsOnProvider("openblas")]
public sealed class OpenBlasDecompositionBackendTests : DecompositionBackendConformanceTests;
