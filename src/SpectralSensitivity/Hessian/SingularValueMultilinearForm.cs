using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Series;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The symmetric multilinear form <c>Dⁿ s_k(A)[E₁, …, E_n]</c>: the mixed partial <c>∂ⁿ/∂t₁⋯∂t_n s_k(A + Σ t_i E_i)</c> at 0.</summary>
/// <remarks>
/// <para>The perturbation recursion of the series (the same code) run over subsets instead of powers. Expand the eigenvector and eigenvalue of
/// <c>H(A) + Σ t_i H(E_i)</c> in the monomials <c>t_S = Π_{i∈S} t_i</c>, S ⊆ {1..n} (higher powers of one t_i are never
/// needed for the mixed partial). With <c>w_∅ = (u_k; v_k)/√2</c>, <c>w₀ᵀ w_S = 0</c> for S ≠ ∅ and S the reduced resolvent:</para>
/// <para><c>λ_S = Σ_{i∈S} w₀ᵀ H(E_i) w_{S∖i}</c>,
/// <c>w_S = S(−Σ_{i∈S} H(E_i) w_{S∖i} + Σ_{∅≠R⊊S} λ_R w_{S∖R})</c>,</para>
/// <para>and <c>Dⁿ s_k[E₁..E_n] = λ_{{1..n}}</c> exactly (no factorial: each t_i appears once). It is symmetric in the E_i,
/// agrees with the straight-line recursion when all E_i are equal, and with polarization of directional derivatives;
/// it has no cancellation, unlike polarization. <c>D² s_k[E, F] = vec(E)ᵀ Hess s_k vec(F)</c>.</para>
/// <para>Cost: <c>n 2ⁿ⁻¹</c> products with some E_i and its transpose (O(mn) each), <c>2ⁿ</c> resolvent applications
/// (O((m + n) r) each) and <c>3ⁿ</c> axpys of length m + n; memory <c>2ⁿ (m + n)</c> doubles.</para>
/// <para>Reference: Kato, Ch. II §2 (multi-parameter form of the reduced-resolvent recursion); Luo, O'Riordan, McDermott,
/// JMAA 2025 (arXiv 2506.03764), Thm 3.1 along a line.</para>
/// </remarks>
public static class SingularValueMultilinearForm
{
    /// <summary>The largest number of directions, n = 16 (3¹⁶ ≈ 4.3e7 axpys).</summary>
    public const int MaxOrder = 16;

    /// <summary>Computes <c>Dⁿ s_k(A)[E₁, …, E_n]</c>, n = number of directions.</summary>
    /// <remarks>Formula and cost: see the class remarks. n = 1 gives <c>u_kᵀ E₁ v_k</c>.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="directions">E₁ … E_n, each m × n, 1 ≤ n ≤ <see cref="MaxOrder"/>.</param>
    /// <exception cref="InvalidSpectralInputException">A direction has the wrong shape or a non-finite entry, or n is out of range.</exception>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    /// <exception cref="SeriesOverflowException">A coefficient overflowed double precision.</exception>
    public static double Evaluate(ThinSingularValueDecomposition svd, int index, params IReadOnlyList<Matrix<double>> directions)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(directions);
        var order = directions.Count;
        MatrixGuard.RequireOrder(order, 1, MaxOrder, "the multilinear form");
        MatrixGuard.RequireIndex(index, svd.Size, "singular value");
        var problem = SingularValueEigenproblem.Create(svd, PerturbationPath.Polynomial([.. directions]), index, i => $"direction E{i}");
        var basis = new SubsetMonomials(order);
        problem.UseBasis(basis);
        var (values, _) = PerturbationRecursion.Run(problem);
        var value = Math.ScaleB(values[basis.Full], basis.CoefficientExponent(basis.Full));     // λ_{1..n} = σ Π ρ_i⁻¹ λ′_{1..n}
        return double.IsFinite(value) ? value : throw new ResultOutOfRangeException($"the multilinear form of order {order}", order);
    }
}
