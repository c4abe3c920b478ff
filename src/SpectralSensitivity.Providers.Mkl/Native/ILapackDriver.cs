namespace SpectralSensitivity.Providers.Mkl.Native;

/// <summary>
/// Array-level wrappers around the native routines: workspace queries (<c>lwork = -1</c>), workspace allocation
/// and <c>info</c> checks. Arrays are column-major; leading dimensions equal the row counts.
/// Callers validate shapes and finiteness before calling. An empty span for <c>u</c> or <c>vt</c> passes no buffer (values only).
/// </summary>
internal interface ILapackDriver
{
    /// <summary><c>c = alpha op(a) op(b) + beta c</c> with <c>op(a)</c> m x k, <c>op(b)</c> k x n (dgemm).</summary>
    void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c);

    /// <summary><c>y = alpha op(a) x + beta y</c> with <c>a</c> rows x columns as stored (dgemv).</summary>
    void Gemv(bool transpose, int rows, int columns, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> x, double beta, Span<double> y);

    /// <summary>
    /// Divide-and-conquer SVD (dgesdd). <paramref name="jobz"/>: <c>N</c> values only, <c>S</c> thin, <c>A</c> full.
    /// <paramref name="a"/> is destroyed. Returns <c>info</c> (0, or &gt; 0 on non-convergence); throws on <c>info &lt; 0</c>.
    /// </summary>
    int Gesdd(char jobz, int m, int n, Span<double> a, int lda, Span<double> s, Span<double> u, int ldu, Span<double> vt, int ldvt);

    /// <summary>QR-iteration SVD (dgesvd), used as fallback; same conventions as <see cref="Gesdd"/>; throws on failure.</summary>
    void Gesvd(char job, int m, int n, Span<double> a, Span<double> s, Span<double> u, int ldu, Span<double> vt, int ldvt);

    /// <summary>Symmetric eigen-decomposition (dsyevd, lower triangle): eigenvalues ascending in <paramref name="w"/>, vectors overwrite <paramref name="a"/>.</summary>
    void Syevd(bool computeVectors, int n, Span<double> a, Span<double> w);

    /// <summary>Householder QR (dgeqrf): R in the upper triangle of <paramref name="a"/>, reflectors below it and in <paramref name="tau"/>.</summary>
    void Geqrf(int m, int n, double[] a, double[] tau);

    /// <summary>Forms the m x n matrix Q with orthonormal columns from the first <paramref name="k"/> reflectors of dgeqrf (dorgqr); requires m &gt;= n &gt;= k.</summary>
    void Orgqr(int m, int n, int k, double[] a, double[] tau);
}
