using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;

using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Hessian;

/// <summary>The Hessian of <c>s_k</c> with respect to <c>vec(A)</c> as a linear operator on m × n matrices: products, spectrum and, on request, the dense matrix.</summary>
/// <remarks>
/// <para>One object for the three views of the same symmetric mn × mn matrix: <see cref="Apply"/> (O(mn + (m + n) r),
/// <see cref="HessianVectorProduct"/>), <see cref="Spectrum"/> (closed form, O(r log r), <see cref="HessianSpectrum"/>)
/// and <see cref="ToDense"/> (O((mn)²), <see cref="SingularValueHessian"/>). <c>Hess s_k = −2 Gᵀ S G</c> with
/// <c>G vec(E) = H(E) w₀</c>, S the reduced resolvent of the Jordan–Wielandt operator at <c>s_k</c>.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), Thm 3.1 to second order (the Hessian as <c>−2 Gᵀ S G</c> follows from its <c>λ₂</c>).</para>
/// </remarks>
public sealed class HessianOperator
{
    private readonly ThinSingularValueDecomposition _svd;

    private HessianOperator(ThinSingularValueDecomposition svd, ReducedResolvent resolvent)
    {
        _svd = svd;
        Product = HessianVectorProduct.From(resolvent);
        Spectrum = HessianSpectrum.From(resolvent);
    }

    /// <summary>The 1-based index k.</summary>
    public int Index => Product.Index;

    /// <summary>m.</summary>
    public int RowCount => Product.RowCount;

    /// <summary>n.</summary>
    public int ColumnCount => Product.ColumnCount;

    /// <summary>The size mn of the (square) Hessian.</summary>
    public long Dimension => (long)RowCount * ColumnCount;

    /// <summary>The matrix-free product <c>E ↦ Hess s_k[E]</c>.</summary>
    public HessianVectorProduct Product { get; }

    /// <summary>The closed-form eigendecomposition, trace and norms.</summary>
    public HessianSpectrum Spectrum { get; }

    /// <summary>Builds the operator for <c>s_k</c>.</summary>
    /// <remarks>Shares one reduced resolvent between the product and the spectrum (Luo et al. 2025). Cost O(r log r), plus a copy of U, V when they are not dense.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static HessianOperator At(ThinSingularValueDecomposition svd, int index) => new(svd, ReducedResolvent.At(svd, index));

    /// <summary>Returns <c>Hess s_k[E]</c> (m × n); see <see cref="HessianVectorProduct.Apply(Matrix{double})"/>.</summary>
    /// <remarks>O(mn + (m + n) r).</remarks>
    /// <param name="direction">E, m × n.</param>
    public Matrix<double> Apply(Matrix<double> direction) => Product.Apply(direction);

    /// <summary>Forms the dense mn × mn Hessian; see <see cref="SingularValueHessian.Compute"/>.</summary>
    /// <remarks>O((mn)²) time and memory, refused above the budget.</remarks>
    /// <param name="options">Memory budget; null for the default (2 GiB).</param>
    /// <exception cref="HessianMemoryBudgetExceededException">The matrix exceeds the budget.</exception>
    public Matrix<double> ToDense(HessianOptions? options = null) => SingularValueHessian.Compute(_svd, Index, options);

    /// <summary>One line: index, shape, and the spectrum's rank and spectral norm (invariant culture, six significant digits).</summary>
    /// <returns>E.g. <c>HessianOperator { Index = 2, Rows = 6, Columns = 10, Rank = 14, SpectralNorm = 2.1 }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(HessianOperator),
        $"Index = {Index}",
        $"Rows = {RowCount}",
        $"Columns = {ColumnCount}",
        $"Rank = {Spectrum.Rank}",
        $"SpectralNorm = {Results.ResultText.Number(Spectrum.SpectralNorm)}");
}
