using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Providers.Mkl.Errors;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>QR contract, run once per provider: Q orthogonal, R upper triangular, Q R = A, |diag R| as managed.</summary>
public abstract class QRConformanceTests : ProviderSuite
{
    [ProviderFact]
    public void Full_qr_reconstructs_every_shape()
    {
        foreach (var (name, a) in MatrixCases.General())
        {
            var (q, r) = FullQR(Provider, a);
            var (_, expectedR) = FullQR(Reference, a);
            Residuals.ShouldBeOrthonormalColumns(q, $"{name}: Q");
            ShouldBeUpperTriangular(r, name);
            (q * r - a).FrobeniusNorm().Should().BeLessThanOrEqualTo(Residuals.Tolerance * Math.Max(a.FrobeniusNorm(), double.Epsilon), $"{name}: Q R = A");
            Residuals.ShouldAgree(AbsDiagonal(r), AbsDiagonal(expectedR), $"{name}: |diag R|");
        }
    }

    [ProviderFact]
    public void Thin_qr_reconstructs_tall_and_square_matrices()
    {
        foreach (var (name, a) in MatrixCases.General().Where(c => c.A.RowCount >= c.A.ColumnCount))
        {
            int m = a.RowCount, n = a.ColumnCount;
            double[] q = a.ToColumnMajorArray(), r = new double[n * n], tau = new double[n];
            Provider.ThinQRFactor(q, m, n, r, tau);
            var qm = Matrix<double>.Build.Dense(m, n, q);
            var rm = Matrix<double>.Build.Dense(n, n, r);
            Residuals.ShouldBeOrthonormalColumns(qm, $"{name}: Q1");
            ShouldBeUpperTriangular(rm, name);
            (qm * rm - a).FrobeniusNorm().Should().BeLessThanOrEqualTo(Residuals.Tolerance * Math.Max(a.FrobeniusNorm(), double.Epsilon), $"{name}: Q1 R1 = A");
        }
    }

    private static (Matrix<double> Q, Matrix<double> R) FullQR(ILinearAlgebraProvider<double> provider, Matrix<double> a)
    {
        int m = a.RowCount, n = a.ColumnCount;
        double[] r = a.ToColumnMajorArray(), q = new double[m * m], tau = new double[Math.Min(m, n)];
        provider.QRFactor(r, m, n, q, tau);
        return (Matrix<double>.Build.Dense(m, m, q), Matrix<double>.Build.Dense(m, n, r));
    }

    private static double[] AbsDiagonal(Matrix<double> r) => r.Diagonal().Select(Math.Abs).ToArray();

    private static void ShouldBeUpperTriangular(Matrix<double> r, string because)
    {
        for (var j = 0; j < r.ColumnCount; j++)
        {
            for (var i = j + 1; i < r.RowCount; i++)
            {
                r[i, j].Should().Be(0.0, $"{because}: R[{i},{j}] below the diagonal");
            }
        }
    }
}

[RunsOnProvider("managed")]
public sealed class ManagedQRTests : QRConformanceTests;

[RunsOnProvider("mkl")]
public sealed class MklQRTests : QRConformanceTests;

[RunsOnProvider("openblas")]
public sealed class OpenBlasQRTests : QRConformanceTests;

/// <summary>Native-only QR behaviour.</summary>
public abstract class NativeQRTests : ProviderSuite
{
    [ProviderFact]
    public void Non_finite_input_is_rejected()
    {
        var r = new double[] { 1, 2, double.NaN, 4 };
        var act = () => Provider.QRFactor(r, 2, 2, new double[4], new double[2]);
        act.Should().Throw<NonFiniteInputException>().Where(e => e.Routine == "dgeqrf" && e.Index == 2);
    }
}

[RunsOnProvider("mkl")]
public sealed class MklNativeQRTests : NativeQRTests;

[RunsOnProvider("openblas")]
public sealed class OpenBlasNativeQRTests : NativeQRTests;
