using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>Predicts <c>s_k(A + ΔA)</c> from the gradient, the Hessian and (optionally) higher terms, with the neglected part estimated and bounded.</summary>
/// <remarks>
/// <para>Second order: <c>s_k(A + ΔA) ≈ s_k + ⟨u_k v_kᵀ, ΔA⟩ + ½ vec(ΔA)ᵀ Hess s_k vec(ΔA)</c>. The terms are computed by the
/// core recursion along the line <c>A + tΔA</c> to order N + 1 (identical to the gradient and Hessian-vector forms, and
/// never forming the Hessian), so the first neglected term comes for free.</para>
/// <para>Rigorous bound (Cauchy's estimate on the disk where <c>s_k</c> stays isolated, by Bauer–Fike; Kato, Ch. II §3):
/// with d the gap of <c>s_k</c>, <c>r₀ = d/(2‖ΔA‖₂)</c>, <c>ρ = d/2</c> and <c>q = 1/r₀ &lt; 1</c>,
/// <c>|error| ≤ ρ q^(N+1)/(1 − q)</c>; ‖ΔA‖₂ is replaced by the cheap upper bound <c>min(‖ΔA‖_F, √(‖ΔA‖₁‖ΔA‖_∞))</c>.</para>
/// <para>Cost: O(N (mn + (m + n) r) + N² (m + n)) after the SVD.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), Thm 3.1 (Taylor series); the second-order term is the Hessian's quadratic form.</para>
/// </remarks>
public static class SingularValuePrediction
{
    /// <summary>The second-order prediction <c>s_k + ⟨u_k v_kᵀ, ΔA⟩ + ½ vec(ΔA)ᵀ Hess s_k vec(ΔA)</c>.</summary>
    /// <remarks>Formula, bound and cost: see the class remarks (N = 2).</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="perturbation">ΔA, m × n, finite.</param>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static TaylorPrediction SecondOrder(ThinSingularValueDecomposition svd, int index, Matrix<double> perturbation) =>
        ToOrder(svd, index, perturbation, 2);

    /// <summary>The order-N prediction <c>Σ_{j≤N} c_j</c> of <c>s_k(A + ΔA)</c>.</summary>
    /// <remarks>Formula, bound and cost: see the class remarks.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="perturbation">ΔA, m × n, finite.</param>
    /// <param name="order">N, 1 ≤ N &lt; <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Shape mismatch, non-finite entry, index or order out of range.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static TaylorPrediction ToOrder(ThinSingularValueDecomposition svd, int index, Matrix<double> perturbation, int order)
    {
        ArgumentNullException.ThrowIfNull(svd);
        MatrixGuard.RequireOrder(order, 1, SingularValueDerivatives.MaxOrder - 1, "the Taylor prediction");
        var expansion = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(perturbation), index, order + 1);
        var terms = expansion.TaylorCoefficients.Take(order + 1).ToArray();
        return new TaylorPrediction(
            index,
            order,
            terms,
            expansion.Predict(1.0, order),
            expansion.TaylorCoefficients[order + 1],
            expansion.Convergence.TruncationError(1.0, order));
    }
}
