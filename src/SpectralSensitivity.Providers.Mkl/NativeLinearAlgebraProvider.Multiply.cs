using MathNet.Numerics.Providers.LinearAlgebra;

namespace SpectralSensitivity.Providers.Mkl;

public sealed partial class NativeLinearAlgebraProvider
{
    /// <summary>Matrix product <c>result = x y</c> on the native library.</summary>
    /// <param name="x">Left factor, <paramref name="rowsX"/> x <paramref name="columnsX"/>, column-major.</param>
    /// <param name="rowsX">Rows of <paramref name="x"/>.</param>
    /// <param name="columnsX">Columns of <paramref name="x"/>.</param>
    /// <param name="y">Right factor, <paramref name="rowsY"/> x <paramref name="columnsY"/>, column-major.</param>
    /// <param name="rowsY">Rows of <paramref name="y"/>; must equal <paramref name="columnsX"/>.</param>
    /// <param name="columnsY">Columns of <paramref name="y"/>.</param>
    /// <param name="result">Receives the <paramref name="rowsX"/> x <paramref name="columnsY"/> product.</param>
    /// <remarks>Same as <see cref="MatrixMultiplyWithUpdate"/> with <c>alpha = 1</c>, <c>beta = 0</c>, no transposes.
    /// Cost: <c>2 m n k</c> flops (dgemm; dgemv when either side is a vector).</remarks>
    public void MatrixMultiply(double[] x, int rowsX, int columnsX, double[] y, int rowsY, int columnsY, double[] result) =>
        MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1.0, x, rowsX, columnsX, y, rowsY, columnsY, 0.0, result);

    /// <summary>General matrix product with update, <c>c = alpha op(a) op(b) + beta c</c>, on the native library.</summary>
    /// <param name="transposeA">Whether <c>op(a)</c> is <c>a</c> or its transpose (conjugate transpose equals transpose for real data).</param>
    /// <param name="transposeB">Whether <c>op(b)</c> is <c>b</c> or its transpose.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Matrix <c>a</c> as stored, <paramref name="rowsA"/> x <paramref name="columnsA"/>, column-major.</param>
    /// <param name="rowsA">Rows of <paramref name="a"/> as stored.</param>
    /// <param name="columnsA">Columns of <paramref name="a"/> as stored.</param>
    /// <param name="b">Matrix <c>b</c> as stored, <paramref name="rowsB"/> x <paramref name="columnsB"/>, column-major.</param>
    /// <param name="rowsB">Rows of <paramref name="b"/> as stored.</param>
    /// <param name="columnsB">Columns of <paramref name="b"/> as stored.</param>
    /// <param name="beta">Scale of the previous content of <paramref name="c"/>; when zero, <paramref name="c"/> is not read.</param>
    /// <param name="c">The m x n result, where <c>op(a)</c> is m x k and <c>op(b)</c> is k x n.</param>
    /// <remarks>
    /// Operation: <c>c = alpha op(a) op(b) + beta c</c>. Cost: <c>2 m n k</c> flops. Uses dgemv when <c>n = 1</c>
    /// or <c>m = 1</c>, dgemm otherwise. <paramref name="c"/> may alias <paramref name="a"/> or <paramref name="b"/>
    /// (a temporary is used then). Throws <see cref="Errors.NonFiniteInputException"/> for NaN/infinite input.
    /// </remarks>
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, double alpha, double[] a, int rowsA, int columnsA,
        double[] b, int rowsB, int columnsB, double beta, double[] c)
    {
        bool ta = transposeA != Transpose.DontTranspose, tb = transposeB != Transpose.DontTranspose;
        int m = ta ? columnsA : rowsA, k = ta ? rowsA : columnsA;
        int kb = tb ? columnsB : rowsB, n = tb ? rowsB : columnsB;
        if (k != kb)
        {
            throw new ArgumentException($"Matrix dimensions must agree: op(a) is {m} x {k}, op(b) is {kb} x {n}.");
        }

        InputGuard.Length(a, (long)rowsA * columnsA, nameof(a), exact: false);
        InputGuard.Length(b, (long)rowsB * columnsB, nameof(b), exact: false);
        InputGuard.Length(c, (long)m * n, nameof(c));
        var routine = n == 1 || m == 1 ? "dgemv" : "dgemm";
        InputGuard.Finite(a, rowsA * columnsA, routine, nameof(a));
        InputGuard.Finite(b, rowsB * columnsB, routine, nameof(b));
        if (beta != 0.0)
        {
            InputGuard.Finite(c, m * n, routine, nameof(c));
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        if (ReferenceEquals(c, a) || ReferenceEquals(c, b))
        {
            var temp = beta == 0.0 ? new double[c.Length] : (double[])c.Clone();
            Product(ta, tb, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, temp, m, n, k);
            temp.CopyTo(c, 0);
            return;
        }

        Product(ta, tb, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c, m, n, k);
    }

    /// <summary><c>c = alpha op(a) op(b) + beta c</c> on validated, non-overlapping column-major spans (dgemm, or dgemv for a vector).</summary>
    internal void Product(bool ta, bool tb, double alpha, ReadOnlySpan<double> a, int rowsA, int columnsA,
        ReadOnlySpan<double> b, int rowsB, int columnsB, double beta, Span<double> c, int m, int n, int k)
    {
        if (k == 0)
        {
            // Empty inner dimension: the product is zero; BLAS reference semantics give c = beta c.
            for (var i = 0; i < m * n; i++)
            {
                c[i] = beta == 0.0 ? 0.0 : beta * c[i];
            }
        }
        else if (n == 1)
        {
            // op(b) is a k-vector stored contiguously whether or not it is transposed.
            _driver.Gemv(ta, rowsA, columnsA, alpha, a, b, beta, c);
        }
        else if (m == 1)
        {
            // c^T = op(b)^T op(a)^T, and op(a) is a contiguous k-vector.
            _driver.Gemv(!tb, rowsB, columnsB, alpha, b, a, beta, c);
        }
        else
        {
            _driver.Gemm(ta, tb, m, n, k, alpha, a, Math.Max(1, rowsA), b, Math.Max(1, rowsB), beta, c);
        }
    }
}
