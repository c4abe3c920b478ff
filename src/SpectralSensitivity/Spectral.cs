using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Results;

namespace SpectralSensitivity;

/// <summary>The front door: every common computation from one namespace, <c>SpectralSensitivity</c>.</summary>
/// <remarks>
/// <para>Each method delegates to the specialised entry point named in its documentation and returns exactly what that
/// returns (same numbers, bit for bit); hold the results with <c>var</c> and no other namespace is needed. The specialised
/// types (<see cref="SingularValueDerivatives"/>, <see cref="ThinSingularValueDecomposition"/>, <see cref="HessianOperator"/>,
/// …) stay available for options this class does not forward.</para>
/// <para>The typical session: decompose once (<see cref="Svd(Matrix{double}, SpectralTolerances?)"/>, O(m n r)), then ask
/// for as many expansions, gradients and Hessians of the values <c>s_k</c> as needed, each a few products with the thin
/// factors. Indices are 1-based: <c>s₁</c> is the largest singular value, <c>μ₁</c> the smallest eigenvalue.</para>
/// <para>Theory: the singular values of A are the positive eigenvalues of the Jordan–Wielandt operator
/// <c>H(A) = [[0, A], [Aᵀ, 0]]</c>, and Kato's analytic perturbation theory of an isolated eigenvalue (Kato, Perturbation
/// Theory for Linear Operators, Ch. II §2) gives every derivative (Luo, O'Riordan, McDermott, JMAA 2025, arXiv 2506.03764).</para>
/// </remarks>
public static class Spectral
{
    /// <summary>The thin SVD <c>A = U diag(s) Vᵀ</c> in double precision; see <see cref="ThinSingularValueDecomposition.Compute(Matrix{double}, SpectralTolerances?)"/>.</summary>
    /// <remarks>Cost O(m n r), r = min(m, n).</remarks>
    /// <param name="a">A finite, non-empty m × n matrix.</param>
    /// <param name="tolerances">Zero and cluster tolerances; null for the defaults.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Empty or non-finite input.</exception>
    public static ThinSingularValueDecomposition Svd(Matrix<double> a, SpectralTolerances? tolerances = null) =>
        ThinSingularValueDecomposition.Compute(a, tolerances);

    /// <summary>The thin SVD, refined in double-double arithmetic when asked; see <see cref="ThinSingularValueDecomposition.Compute(Matrix{double}, DecompositionRefinement, SpectralTolerances?)"/>.</summary>
    /// <remarks>Refinement: one-sided Jacobi sweeps in double-double on <c>A V₀</c> (Demmel, Veselić 1992), a few times the SVD's cost on small matrices.</remarks>
    /// <param name="a">A finite, non-empty m × n matrix.</param>
    /// <param name="refinement">Whether to refine the double-precision factors.</param>
    /// <param name="tolerances">Zero and cluster tolerances; null for the defaults.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Empty or non-finite input.</exception>
    public static ThinSingularValueDecomposition Svd(Matrix<double> a, DecompositionRefinement refinement, SpectralTolerances? tolerances = null) =>
        ThinSingularValueDecomposition.Compute(a, refinement, tolerances);

    /// <summary>The eigendecomposition <c>T = Q diag(μ) Qᵀ</c> of a symmetric matrix, eigenvalues ascending; see <see cref="SymmetricEigendecomposition.Compute(Matrix{double}, SpectralTolerances?)"/>.</summary>
    /// <remarks>Cost O(n³).</remarks>
    /// <param name="t">A finite, square, symmetric matrix.</param>
    /// <param name="tolerances">The cluster tolerance; null for the default.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Empty, non-finite, non-square or non-symmetric input.</exception>
    public static SymmetricEigendecomposition SymmetricEigen(Matrix<double> t, SpectralTolerances? tolerances = null) =>
        SymmetricEigendecomposition.Compute(t, tolerances);

    /// <summary>The symmetric eigendecomposition, refined in double-double arithmetic when asked; see <see cref="SymmetricEigendecomposition.Compute(Matrix{double}, DecompositionRefinement, SpectralTolerances?)"/>.</summary>
    /// <remarks>Refinement: cyclic Jacobi sweeps in double-double on <c>Q₀ᵀ T Q₀</c>, O(n³) per sweep.</remarks>
    /// <param name="t">A finite, square, symmetric matrix.</param>
    /// <param name="refinement">Whether to refine the double-precision eigenpairs.</param>
    /// <param name="tolerances">The cluster tolerance; null for the default.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Empty, non-finite, non-square or non-symmetric input.</exception>
    public static SymmetricEigendecomposition SymmetricEigen(Matrix<double> t, DecompositionRefinement refinement, SpectralTolerances? tolerances = null) =>
        SymmetricEigendecomposition.Compute(t, refinement, tolerances);

    /// <summary>Derivatives of orders 1..N of <c>s_k(A + tE)</c> at t = 0, with Taylor coefficients and singular-vector series;
    /// see <see cref="SingularValueDerivatives.Expand(ThinSingularValueDecomposition, PerturbationPath, int, int, SpectralOptions?)"/>.</summary>
    /// <remarks>The O(N²) recursion on the reduced resolvent (Kato, Ch. II §2): per order one product with E and Eᵀ (O(mn)) and one resolvent application (O((m + n) r)).</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Shape mismatch, non-finite entry, index or order out of range.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static SingularValueExpansion Expand(ThinSingularValueDecomposition svd, Matrix<double> direction, int index, int order) =>
        SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(direction), index, order);

    /// <summary>Derivatives of orders 1..N of <c>s_k(A + tE₁ + t²E₂ + …)</c> along a polynomial path; see
    /// <see cref="SingularValueDerivatives.Expand(ThinSingularValueDecomposition, PerturbationPath, int, int, SpectralOptions?)"/>.</summary>
    /// <remarks>Cost O(N (L mn + (m + n) r) + N² (m + n)) for a path of degree L.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="path">The path terms (<see cref="PerturbationPath.Polynomial"/>).</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Shape mismatch, non-finite entry, index or order out of range.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static SingularValueExpansion Expand(ThinSingularValueDecomposition svd, PerturbationPath path, int index, int order) =>
        SingularValueDerivatives.Expand(svd, path, index, order);

    /// <summary>Derivatives of orders 1..N of the eigenvalue <c>μ_k(T + tT₁)</c> of a symmetric matrix; see
    /// <see cref="EigenvalueDerivatives.Expand(SymmetricEigendecomposition, PerturbationPath, int, int, SpectralOptions?)"/>.</summary>
    /// <remarks>The same recursion without the embedding: O(n²) per order after the eigendecomposition.</remarks>
    /// <param name="eig">The eigendecomposition of T.</param>
    /// <param name="direction">The symmetric direction T₁, n × n.</param>
    /// <param name="index">1-based k, ascending order.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="EigenvalueDerivatives.MaxOrder"/>.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Shape mismatch, non-finite entry, index or order out of range.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>μ_k</c> is repeated.</exception>
    public static EigenvalueExpansion Expand(SymmetricEigendecomposition eig, Matrix<double> direction, int index, int order) =>
        EigenvalueDerivatives.Expand(eig, PerturbationPath.Linear(direction), index, order);

    /// <summary>Taylor coefficients of <c>s_k(A + tE)</c> from Kato's closed-form trace sum, the exact reference for the
    /// recursion; see <see cref="SingularValueDerivatives.ClosedForm"/>.</summary>
    /// <remarks>Kato, Ch. II eq. (2.12); the number of trace terms grows like 4ᴺ (<see cref="SingularValueDerivatives.ClosedFormTermCount"/>).</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxClosedFormOrder"/>.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Shape mismatch, non-finite entry, index or order out of range.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static ClosedFormExpansion ClosedForm(ThinSingularValueDecomposition svd, Matrix<double> direction, int index, int order) =>
        SingularValueDerivatives.ClosedForm(svd, PerturbationPath.Linear(direction), index, order);

    /// <summary>The gradient <c>∇ s_k(A) = u_k v_kᵀ</c> (m × n); see <see cref="SingularValueGradient.Compute(ThinSingularValueDecomposition, int)"/>.</summary>
    /// <remarks>First-order perturbation <c>d/dt s_k(A + tE) = u_kᵀ E v_k</c>; cost O(mn).</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="Errors.SpectralIndexOutOfRangeException">k outside 1..r.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static Matrix<double> Gradient(ThinSingularValueDecomposition svd, int index) =>
        SingularValueGradient.Compute(svd, index);

    /// <summary>The Hessian of <c>s_k</c> with respect to <c>vec(A)</c> as an operator: products without the mn × mn matrix,
    /// the closed-form spectrum, and the dense matrix on request; see <see cref="HessianOperator.At"/>.</summary>
    /// <remarks>
    /// <c>Hess s_k = −2 Gᵀ S G</c> with <c>G vec(E) = H(E) w₀</c> and S the reduced resolvent at <c>s_k</c>; its eigenvalues are
    /// <c>1/(s_k ∓ s_i)</c> and <c>1/s_k</c>. Cost O(r log r) to build; O(mn + (m + n) r) per product.
    /// </remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="Errors.SpectralIndexOutOfRangeException">k outside 1..r.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static HessianOperator Hessian(ThinSingularValueDecomposition svd, int index) =>
        HessianOperator.At(svd, index);

    /// <summary>The order-N Taylor prediction of <c>s_k(A + ΔA)</c> with the first neglected term and a rigorous error bound;
    /// see <see cref="SingularValuePrediction.ToOrder"/>.</summary>
    /// <remarks>
    /// <c>s_k + ⟨u_k v_kᵀ, ΔA⟩ + ½ vec(ΔA)ᵀ Hess s_k vec(ΔA) + …</c>; the bound is Cauchy's estimate on the disk where <c>s_k</c>
    /// stays isolated (Kato, Ch. II §3). Cost O(N (mn + (m + n) r) + N² (m + n)).
    /// </remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="perturbation">ΔA, m × n, finite.</param>
    /// <param name="order">N, 1 ≤ N &lt; <see cref="SingularValueDerivatives.MaxOrder"/>; 2 (gradient and Hessian) when omitted.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Shape mismatch, non-finite entry, index or order out of range.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static TaylorPrediction Predict(ThinSingularValueDecomposition svd, int index, Matrix<double> perturbation, int order = 2) =>
        SingularValuePrediction.ToOrder(svd, index, perturbation, order);

    /// <summary>The mixed derivative <c>Dⁿ s_k(A)[E₁, …, E_n]</c>; see <see cref="SingularValueMultilinearForm.Evaluate"/>.</summary>
    /// <remarks>The multi-direction reduced-resolvent recursion (Kato, Ch. II §2); cost grows like 3ⁿ axpys of length m + n.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="directions">E₁ … E_n, each m × n, 1 ≤ n ≤ <see cref="SingularValueMultilinearForm.MaxOrder"/>.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">A direction has the wrong shape or a non-finite entry, or n is out of range.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static double MultilinearForm(ThinSingularValueDecomposition svd, int index, params IReadOnlyList<Matrix<double>> directions) =>
        SingularValueMultilinearForm.Evaluate(svd, index, directions);
}
