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

    /// <summary>Expands the mean of the cluster of eigenvalues that holds <c>μ_k</c> along a path of symmetric terms, with the
    /// cluster's g × g coefficient matrices <c>M_j</c>.</summary>
    /// <remarks>The block recursion with the members' eigenvectors Q: <c>M_j = Qᵀ Σ_ν T_ν X_{j−ν}</c>, column c of
    /// <c>X_j = S_c(−Σ_ν T_ν X_{j−ν} + Σ_i X_{j−i} M_i)</c>, mean coefficients <c>tr(M_j)/g</c> (Kato, Ch. II §2.3). Cost: g times
    /// <see cref="Expand(SymmetricEigendecomposition, PerturbationPath, int, int, SpectralOptions)"/>.</remarks>
    /// <param name="eig">The eigendecomposition of T.</param>
    /// <param name="path">Symmetric path terms.</param>
    /// <param name="index">1-based k (ascending), any member.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <param name="clusterTolerance">Neighbours closer than this times <c>max|μ|</c> join; null for the default.</param>
    public static ClusterMeanExpansion ClusterMean(SymmetricEigendecomposition eig, PerturbationPath path, int index, int order, double? clusterTolerance = null)
    {
        var (cluster, problem) = PrepareCluster(eig, path, index, order, clusterTolerance);
        var (mean, matrices) = ClusterSeries.Mean(problem, order);
        var gap = Math.ScaleB(problem.Gap, problem.ValueExponent);
        return new ClusterMeanExpansion(cluster, mean, matrices, gap, ConvergenceBound.For(problem), ClusterCondition(eig, gap, order));
    }

    /// <summary>The analytic branches (Rellich) of every member of the cluster that holds <c>μ_k</c>, orders 1..N, by Kato's
    /// reduction process; largest first for small t &gt; 0 (branch i belongs to index First + g − 1 − i).</summary>
    /// <remarks>Same algorithm as <see cref="SingularValueDerivatives.Branches"/> on T(t) itself. Cost: that of <see cref="ClusterMean"/> plus O(N g⁴).</remarks>
    /// <param name="eig">The eigendecomposition of T.</param>
    /// <param name="path">Symmetric path terms.</param>
    /// <param name="index">1-based k (ascending), any member.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <param name="clusterTolerance">Relative tolerance as in <see cref="ClusterMean"/>.</param>
    public static ClusterBranches Branches(SymmetricEigendecomposition eig, PerturbationPath path, int index, int order, double? clusterTolerance = null)
    {
        var (cluster, problem) = PrepareCluster(eig, path, index, order, clusterTolerance);
        var branches = BranchReduction.LargestFirst(BranchReduction.Reduce(ClusterSeries.ScaledMatrices(problem, order)));
        var gap = Math.ScaleB(problem.Gap, problem.ValueExponent);
        return ClusterBranches.From(cluster, problem, branches, 0, false, true, gap, ConvergenceBound.For(problem), ClusterCondition(eig, gap, order));
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

    private static (SpectralCluster Cluster, SymmetricEigenproblem Problem) PrepareCluster(SymmetricEigendecomposition eig, PerturbationPath path, int index, int order, double? clusterTolerance)
    {
        ArgumentNullException.ThrowIfNull(eig);
        ArgumentNullException.ThrowIfNull(path);
        MatrixGuard.RequireOrder(order, 1, MaxOrder, "the recursion");
        MatrixGuard.RequireIndex(index, eig.Size, "eigenvalue");
        var cluster = eig.Cluster(index, clusterTolerance);
        return (cluster, SymmetricEigenproblem.ForCluster(eig, path, cluster));
    }

    private static ExpansionCondition ClusterCondition(SymmetricEigendecomposition eig, double gap, int order)
    {
        var scale = 0.0;
        foreach (var mu in eig.Factors.Values)
        {
            scale = Math.Max(scale, Math.Abs(mu));
        }

        return ExpansionCondition.Of(eig.Size, eig.Size, scale, gap, order);
    }

    private static SymmetricEigenproblem Prepare(SymmetricEigendecomposition eig, PerturbationPath path, int index)
    {
        ArgumentNullException.ThrowIfNull(eig);
        ArgumentNullException.ThrowIfNull(path);
        MatrixGuard.RequireIndex(index, eig.Size, "eigenvalue");
        return SymmetricEigenproblem.Create(eig, path, index);
    }
}
