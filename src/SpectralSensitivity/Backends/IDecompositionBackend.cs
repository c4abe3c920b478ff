namespace SpectralSensitivity.Backends;

/// <summary>
/// The dense kernels the library's decompositions run on: thin SVD, symmetric eigendecomposition and the matrix
/// product, on column-major spans. The core owns this interface; <see cref="DecompositionBackends"/> selects the
/// implementation in use (MathNet.Numerics' managed code by default, a native LAPACK library when a provider assembly
/// registers one).
/// </summary>
/// <remarks>
/// <para>Storage: every matrix is column-major with its leading dimension equal to its row count; a span holds at
/// least <c>rows · columns</c> entries (exactly that many is expected). Inputs are finite (the library checks them
/// before calling); implementations reject non-finite input anyway, with an <see cref="ArgumentException"/>.</para>
/// <para>Failure contract (LAPACK's <c>info</c> code): a factorization that does not converge (<c>info &gt; 0</c>) or
/// reports an illegal argument (<c>info &lt; 0</c>, a defect of the backend) throws
/// <see cref="Errors.DecompositionFailedException"/> naming the routine and the code; buffers of the wrong length throw
/// <see cref="ArgumentException"/>. No method returns partial or unchecked results.</para>
/// <para>Implementations are thread-safe: concurrent calls use separate workspaces.</para>
/// <para>Pattern: MathNet.Numerics' <c>ILinearAlgebraProvider</c> and <c>LinearAlgebraControl</c>; LAPACK Users' Guide,
/// 3rd ed. (Anderson et al., SIAM 1999) for the routines' contracts.</para>
/// </remarks>
public interface IDecompositionBackend
{
    /// <summary>Short lower-case name, e.g. <c>managed</c>, <c>mkl</c>, <c>openblas</c>.</summary>
    string Name { get; }

    /// <summary>Thin SVD <c>A = U diag(s) Vᵀ</c> of an m × n matrix, r = min(m, n).</summary>
    /// <remarks>Native backends call LAPACK's divide-and-conquer <c>dgesdd</c> with <c>jobz = 'S'</c> (QR iteration,
    /// <c>dgesvd</c>, when it does not converge). Cost O(m n r) flops, about <c>4 m n² + 8 n³</c> for m ≥ n.</remarks>
    /// <param name="a">A, m × n; overwritten (its content on return is unspecified).</param>
    /// <param name="rows">m ≥ 1.</param>
    /// <param name="columns">n ≥ 1.</param>
    /// <param name="singularValues">Receives the r singular values, descending, non-negative.</param>
    /// <param name="leftVectors">Receives U, m × r, orthonormal columns.</param>
    /// <param name="rightVectors">Receives V, n × r, orthonormal columns (the right singular vectors as columns, not Vᵀ).</param>
    void ThinSingularValueDecomposition(Span<double> a, int rows, int columns, Span<double> singularValues, Span<double> leftVectors, Span<double> rightVectors);

    /// <summary>Eigendecomposition <c>T = Q diag(μ) Qᵀ</c> of a symmetric n × n matrix, eigenvalues ascending.</summary>
    /// <remarks>Only the lower triangle of T is read. Native backends call LAPACK's <c>dsyevd</c> (divide and conquer).
    /// Cost O(n³) flops, about <c>9 n³</c> with vectors.</remarks>
    /// <param name="a">T, n × n; overwritten by Q (column k−1 belongs to <c>μ_k</c>).</param>
    /// <param name="order">n ≥ 1.</param>
    /// <param name="eigenvalues">Receives <c>μ₁ ≤ … ≤ μ_n</c>.</param>
    void SymmetricEigendecomposition(Span<double> a, int order, Span<double> eigenvalues);

    /// <summary>General matrix product <c>C = α op(A) op(B) + β C</c> with <c>op(A)</c> m × k and <c>op(B)</c> k × n (BLAS <c>dgemm</c>).</summary>
    /// <remarks>Cost <c>2 m n k</c> flops. When β = 0, C is not read.</remarks>
    /// <param name="transposeA">Whether <c>op(A) = Aᵀ</c> (A is then stored k × m).</param>
    /// <param name="transposeB">Whether <c>op(B) = Bᵀ</c> (B is then stored n × k).</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="k">Inner dimension.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A as stored.</param>
    /// <param name="b">B as stored.</param>
    /// <param name="beta">Scale of C's previous content.</param>
    /// <param name="c">C, m × n; must not overlap A or B.</param>
    void MatrixMultiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double beta, Span<double> c);

    /// <summary>Makes the backend's own threads follow <paramref name="parallelism"/> (called by
    /// <see cref="SpectralParallelism"/> and when the backend is selected).</summary>
    /// <remarks>Native backends set the library's thread count (<c>MKL_Set_Num_Threads</c>,
    /// <c>openblas_set_num_threads</c>); <see cref="Parallelism.MaxDegree"/> null restores the library's default.</remarks>
    /// <param name="parallelism">The setting.</param>
    void ApplyParallelism(Parallelism parallelism);
}
