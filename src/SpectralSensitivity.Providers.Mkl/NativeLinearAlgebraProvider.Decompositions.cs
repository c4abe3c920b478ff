using System.Buffers;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace SpectralSensitivity.Providers.Mkl;

public sealed partial class NativeLinearAlgebraProvider
{
    /// <summary>Full singular value decomposition <c>A = U S V^T</c> on the native library (MathNet's provider contract).</summary>
    /// <param name="computeVectors">Whether to compute <paramref name="u"/> and <paramref name="vt"/>; when <see langword="false"/> they are left untouched.</param>
    /// <param name="a">The <paramref name="rowsA"/> x <paramref name="columnsA"/> matrix, column-major; destroyed on exit.</param>
    /// <param name="rowsA">Rows m of A.</param>
    /// <param name="columnsA">Columns n of A.</param>
    /// <param name="s">Receives the min(m, n) singular values, descending.</param>
    /// <param name="u">Receives the m x m orthogonal matrix U (left singular vectors as columns).</param>
    /// <param name="vt">Receives the n x n orthogonal matrix V^T (right singular vectors as rows).</param>
    /// <remarks>
    /// Operation: <c>A = U diag(s) V^T</c> by divide and conquer (dgesdd, <c>jobz = 'A'</c> or <c>'N'</c>); if it does
    /// not converge, QR iteration (dgesvd) is tried on the original input. Cost: O(m n min(m, n)) flops, about
    /// <c>4 m n^2 + 22 n^3</c> with vectors for m &gt;= n. Signs of singular-vector pairs are not unique and may differ
    /// from the managed provider's.
    /// </remarks>
    public void SingularValueDecomposition(bool computeVectors, double[] a, int rowsA, int columnsA, double[] s, double[] u, double[] vt)
    {
        InputGuard.Length(a, (long)rowsA * columnsA, nameof(a));
        InputGuard.Length(s, Math.Min(rowsA, columnsA), nameof(s));
        InputGuard.Length(u, (long)rowsA * rowsA, nameof(u));
        InputGuard.Length(vt, (long)columnsA * columnsA, nameof(vt));
        Svd(computeVectors ? 'A' : 'N', a, rowsA, columnsA, s, u, vt);
    }

    /// <summary>Thin (economy) singular value decomposition <c>A = U_k S V_k^T</c> with <c>k = min(m, n)</c>.</summary>
    /// <param name="a">The <paramref name="rowsA"/> x <paramref name="columnsA"/> matrix, column-major; destroyed on exit.</param>
    /// <param name="rowsA">Rows m of A.</param>
    /// <param name="columnsA">Columns n of A.</param>
    /// <param name="s">Receives the k singular values, descending.</param>
    /// <param name="u">Receives U_k, m x k with orthonormal columns.</param>
    /// <param name="vt">Receives V_k^T, k x n with orthonormal rows.</param>
    /// <remarks>
    /// Operation: dgesdd with <c>jobz = 'S'</c> (dgesvd fallback). Cost: about <c>4 m n^2 + 8 n^3</c> flops for
    /// m &gt;= n, and O(m k) memory for the factors instead of O(m^2) for the full U.
    /// </remarks>
    public void ThinSingularValueDecomposition(double[] a, int rowsA, int columnsA, double[] s, double[] u, double[] vt)
    {
        var k = Math.Min(rowsA, columnsA);
        InputGuard.Length(a, (long)rowsA * columnsA, nameof(a));
        InputGuard.Length(s, k, nameof(s));
        InputGuard.Length(u, (long)rowsA * k, nameof(u));
        InputGuard.Length(vt, (long)k * columnsA, nameof(vt));
        Svd('S', a, rowsA, columnsA, s, u, vt);
    }

    /// <summary>Thin singular value decomposition of a MathNet matrix, which is not modified.</summary>
    /// <param name="matrix">The m x n matrix A.</param>
    /// <returns>S (k = min(m, n) values, descending), U (m x k) and V^T (k x n) with <c>A = U diag(S) V^T</c>.</returns>
    /// <remarks>Operation and cost as <see cref="ThinSingularValueDecomposition(double[], int, int, double[], double[], double[])"/>, plus one copy of A.</remarks>
    public ThinSvd ThinSingularValueDecomposition(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int m = matrix.RowCount, n = matrix.ColumnCount, k = Math.Min(m, n);
        double[] s = new double[k], u = new double[m * k], vt = new double[k * n];
        ThinSingularValueDecomposition(matrix.ToColumnMajorArray(), m, n, s, u, vt);
        return new ThinSvd(new DenseVector(s), new DenseMatrix(m, k, u), new DenseMatrix(k, n, vt));
    }

    /// <summary>Singular values only, descending; the matrix is not modified.</summary>
    /// <param name="matrix">The m x n matrix A.</param>
    /// <returns>The min(m, n) singular values of A, descending.</returns>
    /// <remarks>Operation: dgesdd with <c>jobz = 'N'</c>. Cost: about <c>4 m n^2 - 4 n^3 / 3</c> flops for m &gt;= n.</remarks>
    public double[] SingularValues(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int m = matrix.RowCount, n = matrix.ColumnCount;
        var s = new double[Math.Min(m, n)];
        Svd('N', matrix.ToColumnMajorArray(), m, n, s, default, default);
        return s;
    }

    /// <summary>Eigen-decomposition (MathNet's provider contract): symmetric input runs on the native library, general input on the managed provider.</summary>
    /// <param name="isSymmetric">Whether <paramref name="matrix"/> is symmetric (only its lower triangle is read then).</param>
    /// <param name="order">Order n of the matrix.</param>
    /// <param name="matrix">The n x n matrix, column-major; not modified.</param>
    /// <param name="matrixEv">Receives the eigenvectors as columns (orthonormal when symmetric).</param>
    /// <param name="vectorEv">Receives the eigenvalues (ascending and real when symmetric).</param>
    /// <param name="matrixD">Receives the block-diagonal eigenvalue matrix (diagonal when symmetric).</param>
    /// <remarks>
    /// Operation (symmetric): <c>A = V diag(w) V^T</c> by divide and conquer (dsyevd). Cost: about <c>9 n^3</c> flops.
    /// </remarks>
    public void EigenDecomp(bool isSymmetric, int order, double[] matrix, double[] matrixEv, Complex[] vectorEv, double[] matrixD)
    {
        if (!isSymmetric)
        {
            Managed.EigenDecomp(false, order, matrix, matrixEv, vectorEv, matrixD);
            return;
        }

        var size = (long)order * order;
        InputGuard.Length(matrix, size, nameof(matrix));
        InputGuard.Length(matrixEv, size, nameof(matrixEv));
        InputGuard.Length(vectorEv, order, nameof(vectorEv));
        InputGuard.Length(matrixD, size, nameof(matrixD));
        InputGuard.Finite(matrix, (int)size, "dsyevd", nameof(matrix));
        if (order == 0)
        {
            return;
        }

        Array.Copy(matrix, matrixEv, size);
        var w = new double[order];
        _driver.Syevd(true, order, matrixEv, w);
        Array.Clear(matrixD);
        for (var i = 0; i < order; i++)
        {
            vectorEv[i] = new Complex(w[i], 0.0);
            matrixD[i * order + i] = w[i];
        }
    }

    /// <summary>
    /// Everything the provider adds around one dgesdd call (besides argument-length checks): the NaN/Inf scan and the
    /// copy of the input kept for the dgesvd fallback. Separate so that the overhead benchmark measures this exact code.
    /// </summary>
    /// <returns>The pooled backup; give it back with <see cref="ArrayPool{T}.Return"/> on <see cref="ArrayPool{T}.Shared"/>.</returns>
    internal static double[] BeginSvd(ReadOnlySpan<double> a, int count)
    {
        InputGuard.Finite(a, count, "dgesdd", nameof(a));
        var backup = ArrayPool<double>.Shared.Rent(Math.Max(1, count));
        a[..count].CopyTo(backup);
        return backup;
    }

    /// <summary>dgesdd with the given job on column-major spans, dgesvd on the original input when it does not converge.
    /// <c>vt</c> is k × n for <c>'S'</c>, n × n for <c>'A'</c>; both vector spans are ignored for <c>'N'</c>.</summary>
    internal void Svd(char job, Span<double> a, int m, int n, Span<double> s, Span<double> u, Span<double> vt)
    {
        var backup = BeginSvd(a, m * n);
        try
        {
            if (m == 0 || n == 0)
            {
                return;
            }

            var k = Math.Min(m, n);
            int ldu = Math.Max(1, m), ldvt = job == 'S' ? Math.Max(1, k) : Math.Max(1, n);
            Span<double> uOut = job == 'N' ? default : u, vtOut = job == 'N' ? default : vt;
            if (_driver.Gesdd(job, m, n, a, ldu, s, uOut, ldu, vtOut, ldvt) != 0)
            {
                // dgesdd did not converge; QR iteration is slower but more robust.
                backup.AsSpan(0, m * n).CopyTo(a);
                _driver.Gesvd(job, m, n, a, s, uOut, ldu, vtOut, ldvt);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(backup);
        }
    }
}
