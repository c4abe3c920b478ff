namespace SpectralSensitivity.Providers.Mkl;

public sealed partial class NativeLinearAlgebraProvider
{
    /// <summary>Full QR factorization <c>A = Q R</c> on the native library (MathNet's provider contract).</summary>
    /// <param name="r">On entry the m x n matrix A (column-major); on exit R, upper triangular (zeros below the diagonal).</param>
    /// <param name="rowsR">Rows m.</param>
    /// <param name="columnsR">Columns n.</param>
    /// <param name="q">Receives the m x m orthogonal matrix Q.</param>
    /// <param name="tau">Receives the min(m, n) Householder scalars of dgeqrf.</param>
    /// <remarks>
    /// Operation: Householder QR (dgeqrf), then Q formed explicitly (dorgqr). Cost: about <c>2 n^2 (m - n/3)</c> flops
    /// for R plus <c>4 (m^2 n - m n^2 + n^3 / 3)</c> for the full Q when m &gt;= n. Q and R are what MathNet's
    /// (managed) <c>QRSolveFactored</c> uses, so solves through <c>Matrix.QR()</c> stay consistent.
    /// </remarks>
    public void QRFactor(double[] r, int rowsR, int columnsR, double[] q, double[] tau)
    {
        int m = rowsR, n = columnsR, k = Math.Min(m, n);
        InputGuard.Length(r, (long)m * n, nameof(r));
        InputGuard.Length(q, (long)m * m, nameof(q));
        InputGuard.Length(tau, k, nameof(tau), exact: false);
        InputGuard.Finite(r, m * n, "dgeqrf", nameof(r));
        if (m == 0)
        {
            return;
        }

        if (n == 0)
        {
            SetIdentity(q, m);
            return;
        }

        _driver.Geqrf(m, n, r, tau);
        Array.Clear(q);
        Array.Copy(r, q, (long)m * k); // the first k columns hold the reflectors below the diagonal
        _driver.Orgqr(m, m, k, q, tau);
        ClearBelowDiagonal(r, m, n);
    }

    /// <summary>Thin QR factorization <c>A = Q_1 R_1</c> for m &gt;= n on the native library (MathNet's provider contract).</summary>
    /// <param name="q">On entry the m x n matrix A (column-major); on exit Q_1, m x n with orthonormal columns.</param>
    /// <param name="rowsA">Rows m.</param>
    /// <param name="columnsA">Columns n.</param>
    /// <param name="r">Receives R_1, n x n upper triangular.</param>
    /// <param name="tau">Receives the min(m, n) Householder scalars of dgeqrf.</param>
    /// <remarks>
    /// Operation: dgeqrf, then dorgqr for the first n columns of Q. Cost: about <c>4 m n^2 - 4 n^3 / 3</c> flops.
    /// Wide input (m &lt; n) has no thin factorization of this shape and goes to the managed provider.
    /// </remarks>
    public void ThinQRFactor(double[] q, int rowsA, int columnsA, double[] r, double[] tau)
    {
        int m = rowsA, n = columnsA;
        if (m < n)
        {
            Managed.ThinQRFactor(q, rowsA, columnsA, r, tau);
            return;
        }

        InputGuard.Length(q, (long)m * n, nameof(q));
        InputGuard.Length(r, (long)n * n, nameof(r));
        InputGuard.Length(tau, n, nameof(tau), exact: false);
        InputGuard.Finite(q, m * n, "dgeqrf", nameof(q));
        if (n == 0)
        {
            return;
        }

        _driver.Geqrf(m, n, q, tau);
        Array.Clear(r);
        for (var j = 0; j < n; j++)
        {
            Array.Copy(q, (long)j * m, r, (long)j * n, j + 1);
        }

        _driver.Orgqr(m, n, n, q, tau);
    }

    private static void ClearBelowDiagonal(double[] a, int rows, int columns)
    {
        for (var j = 0; j < columns && j < rows - 1; j++)
        {
            Array.Clear(a, j * rows + j + 1, rows - j - 1);
        }
    }

    private static void SetIdentity(double[] a, int order)
    {
        Array.Clear(a);
        for (var i = 0; i < order; i++)
        {
            a[i * order + i] = 1.0;
        }
    }
}
