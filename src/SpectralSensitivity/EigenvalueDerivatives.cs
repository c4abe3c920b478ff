using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Results;
using SpectralSensitivity.Series;

namespace SpectralSensitivity;

/// <summary>Derivatives of every order of an eigenvalue <c>μ_k(T + tT₁ + t²T₂ + …)</c> of a real symmetric matrix at t = 0.</summary>
/// <remarks>
/// <para>The same engine as <see cref="SingularValueDerivatives"/> without the embedding: Kato's reduced resolvent
/// <c>S = Σ_{i≠k} q_i q_iᵀ/(μ_i − μ_k)</c>, the recursion <c>λ_j = Σ_ν q_kᵀ T_ν w_{j−ν}</c>,
/// <c>w_j = S(−Σ_ν T_ν w_{j−ν} + Σ_{i=1}^{j−1} λ_i w_{j−i})</c>, and the closed-form trace sum (Kato, Ch. II §2).
/// Index k is 1-based in ascending order (<c>μ₁</c> the smallest). Cost after the eigendecomposition: O(n²) per order.</para>
/// </remarks>
public static class EigenvalueDerivatives
{
    /// <summary>The highest order the recursion computes.</summary>
    public const int MaxOrder = SingularValueDerivatives.MaxOrder;

    /// <summary>The highest order of the closed form.</summary>
    public const int MaxClosedFormOrder = KatoClosedForm.MaxOrder;

    /// <summary>Expands <c>μ_k(T + tT₁)</c> to order N, computing the eigendecomposition of T first.</summary>
    /// <param name="t">The symmetric n × n matrix T.</param>
    /// <param name="direction">The symmetric direction T₁.</param>
    /// <param name="index">1-based k, ascending order.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <param name="options">Method, refinement, tolerances and threads; null for <see cref="SpectralOptions.Default"/>.</param>
    public static EigenvalueExpansion Expand(Matrix<double> t, Matrix<double> direction, int index, int order, SpectralOptions? options = null)
    {
        options ??= SpectralOptions.Default;
        return options.Run(() => Expand(SymmetricEigendecomposition.Compute(t, options.Refinement, options.Tolerances), PerturbationPath.Linear(direction), index, order, options));
    }

    /// <summary>Expands <c>λ_k(T + tT₁)</c> along the straight line through T₁, from the eigendecomposition of T.</summary>
    /// <remarks>The same as the path overload with <see cref="PerturbationPath.Linear"/>; cost O(N n² + N² n).</remarks>
    /// <param name="eig">The eigendecomposition of T.</param>
    /// <param name="direction">The symmetric direction T₁.</param>
    /// <param name="index">1-based k (ascending order).</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <param name="options">Method and threads; null for <see cref="SpectralOptions.Default"/>.</param>
    public static EigenvalueExpansion Expand(SymmetricEigendecomposition eig, Matrix<double> direction, int index, int order, SpectralOptions? options = null) =>
        Expand(eig, PerturbationPath.Linear(direction), index, order, options);

    /// <summary>Expands <c>μ_k</c> along a polynomial path of symmetric terms with the recursion.</summary>
    /// <param name="eig">The eigendecomposition of T.</param>
    /// <param name="path">Symmetric path terms <c>T₁ … T_L</c>.</param>
    /// <param name="index">1-based k, ascending order.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <param name="options">Method and threads; null for <see cref="SpectralOptions.Default"/> (the recursion). With
    /// <see cref="ExpansionMethod.ClosedForm"/> the coefficients come from Kato's trace sum and the eigenvector coefficients from the recursion.</param>
    public static EigenvalueExpansion Expand(SymmetricEigendecomposition eig, PerturbationPath path, int index, int order, SpectralOptions? options = null)
    {
        var (values, vectors, gap, convergence) = PathExpansion.Expand(() => Prepare(eig, path, index), order, [Range.All], options);
        return new EigenvalueExpansion(index, values, VectorSeries.Wrap(vectors[0]), gap, convergence, ExpansionCondition.For(eig, index, order));
    }

    /// <summary>Computes the Taylor coefficients of <c>μ_k</c> from Kato's closed-form trace sum.</summary>
    /// <param name="eig">The eigendecomposition of T.</param>
    /// <param name="path">Symmetric path terms.</param>
    /// <param name="index">1-based k, ascending order.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxClosedFormOrder"/>.</param>
    public static ClosedFormExpansion ClosedForm(SymmetricEigendecomposition eig, PerturbationPath path, int index, int order)
    {
        var (values, terms, gap, convergence) = PathExpansion.ClosedForm(() => Prepare(eig, path, index), order);
        return new ClosedFormExpansion(index, values, terms, gap, convergence, ExpansionCondition.For(eig, index, order));
    }

    private static SymmetricEigenproblem Prepare(SymmetricEigendecomposition eig, PerturbationPath path, int index)
    {
        ArgumentNullException.ThrowIfNull(eig);
        ArgumentNullException.ThrowIfNull(path);
        MatrixGuard.RequireIndex(index, eig.Size, "eigenvalue");
        return SymmetricEigenproblem.Create(eig, path, index);
    }
}
