using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Results;
using SpectralSensitivity.Series;

namespace SpectralSensitivity;

/// <summary>Derivatives of every order of a singular value <c>s_k(A + tE₁ + t²E₂ + …)</c> at t = 0.</summary>
/// <remarks>
/// <para>The singular value <c>s_k</c> of A is the eigenvalue of the Jordan–Wielandt operator <c>H(A)</c> with eigenvector
/// <c>(u_k; v_k)/√2</c>, and <c>H(A + tE) = H(A) + tH(E)</c>; Kato's analytic perturbation theory then gives every
/// order (Luo, O'Riordan, McDermott, JMAA 2025, arXiv 2506.03764, Thm 3.1 and eq. (3.5); Kato, Ch. II §2).</para>
/// <para><see cref="Expand(ThinSingularValueDecomposition, PerturbationPath, int, int, SpectralOptions?)"/> runs the O(N²) recursion;
/// <see cref="ClosedForm"/> sums Kato's trace formula (exponential in N, the exact reference). Both need
/// <c>s_k</c> simple and non-zero: otherwise a <see cref="Errors.DegenerateSpectrumException"/> names the collision.</para>
/// <para>Cost after the SVD: per order, one product with each path term and its transpose (O(mn)) and one
/// reduced-resolvent application (O((m + n) r)).</para>
/// </remarks>
public static class SingularValueDerivatives
{
    /// <summary>The highest order the recursion computes. Coefficients grow like <c>1/r₀ʲ</c>; beyond 100 they overflow for ordinary gaps.</summary>
    public const int MaxOrder = PathExpansion.MaxOrder;

    /// <summary>The highest order of the closed form (order 12 of a straight line sums 705 432 trace terms).</summary>
    public const int MaxClosedFormOrder = KatoClosedForm.MaxOrder;

    /// <summary>Expands <c>s_k(A + tE)</c> to order N, computing the thin SVD of A first.</summary>
    /// <remarks>The decomposition uses <see cref="SpectralOptions.Refinement"/> and <see cref="SpectralOptions.Tolerances"/>;
    /// cost: the thin SVD, O(mn min(m, n)), then the expansion (see <see cref="Expand(ThinSingularValueDecomposition, PerturbationPath, int, int, SpectralOptions?)"/>).</remarks>
    /// <param name="a">The m × n matrix A.</param>
    /// <param name="direction">The direction E, m × n.</param>
    /// <param name="index">1-based k (<c>s₁</c> the largest).</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <param name="options">Method, refinement, tolerances and threads; null for <see cref="SpectralOptions.Default"/>.</param>
    public static SingularValueExpansion Expand(Matrix<double> a, Matrix<double> direction, int index, int order, SpectralOptions? options = null)
    {
        options ??= SpectralOptions.Default;
        return options.Run(() => Expand(ThinSingularValueDecomposition.Compute(a, options.Refinement, options.Tolerances), PerturbationPath.Linear(direction), index, order, options));
    }

    /// <summary>Expands <c>s_k(A + tE)</c> along the straight line through E, from the thin SVD of A.</summary>
    /// <remarks>The same as <see cref="Expand(ThinSingularValueDecomposition, PerturbationPath, int, int, SpectralOptions?)"/> with
    /// <see cref="PerturbationPath.Linear"/>; cost O(N (mn + (m + n) r) + N² (m + n)).</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="direction">The direction E, m × n.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <param name="options">Method and threads; null for <see cref="SpectralOptions.Default"/>.</param>
    public static SingularValueExpansion Expand(ThinSingularValueDecomposition svd, Matrix<double> direction, int index, int order, SpectralOptions? options = null) =>
        Expand(svd, PerturbationPath.Linear(direction), index, order, options);

    /// <summary>Expands <c>s_k</c> along a polynomial path with the recursion: values, derivatives and singular-vector coefficients.</summary>
    /// <remarks>
    /// <c>λ_j = Σ_ν w₀ᵀ H(E_ν) w_{j−ν}</c>, <c>w_j = S(−Σ_ν H(E_ν) w_{j−ν} + Σ_{i=1}^{j−1} λ_i w_{j−i})</c>, <c>w₀ = (u_k; v_k)/√2</c>
    /// (Rayleigh–Schrödinger recursion in reduced-resolvent form, Kato, Ch. II §2.2). Cost O(N · (L mn + (m + n) r) + N² (m + n)).
    /// </remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="path">The path terms <c>E₁ … E_L</c>, each m × n.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">Shape mismatch, non-finite path term, index or order out of range.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    /// <exception cref="Errors.SeriesOverflowException">A coefficient overflowed double precision.</exception>
    /// <param name="options">Method and threads; null for <see cref="SpectralOptions.Default"/> (the recursion). With
    /// <see cref="ExpansionMethod.ClosedForm"/> the coefficients come from Kato's trace sum (orders up to
    /// <see cref="MaxClosedFormOrder"/>) and the singular-vector coefficients from the recursion.</param>
    public static SingularValueExpansion Expand(ThinSingularValueDecomposition svd, PerturbationPath path, int index, int order, SpectralOptions? options = null)
    {
        var (values, vectors, gap, convergence) = PathExpansion.Expand(
            () => Prepare(svd, path, index), order, [Range.EndAt(svd.RowCount), Range.StartAt(svd.RowCount)], options);
        return new SingularValueExpansion(index, values, VectorSeries.Wrap(vectors[0]), VectorSeries.Wrap(vectors[1]), gap, convergence, ExpansionCondition.For(svd, index, order));
    }

    /// <summary>Computes the Taylor coefficients of <c>s_k</c> from Kato's closed-form trace sum: the exact reference.</summary>
    /// <remarks>
    /// <c>λ^(n) = Σ_p ((−1)^p/p) Σ_{ν₁+…+ν_p=n} Σ_{k₁+…+k_p=p−1} tr[H(E_{ν₁}) S^(k₁) ⋯ H(E_{ν_p}) S^(k_p)]</c>, <c>S^(0) = −P</c>
    /// (Kato, Ch. II eq. (2.12); Luo et al. 2025, Thm 3.1). Cost grows like 4ⁿ: see <see cref="ClosedFormTermCount"/>.
    /// </remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="path">The path terms.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxClosedFormOrder"/>.</param>
    public static ClosedFormExpansion ClosedForm(ThinSingularValueDecomposition svd, PerturbationPath path, int index, int order)
    {
        var (values, terms, gap, convergence) = PathExpansion.ClosedForm(() => Prepare(svd, path, index), order);
        return new ClosedFormExpansion(index, values, terms, gap, convergence, ExpansionCondition.For(svd, index, order));
    }

    /// <summary>Expands the mean of the cluster that holds <c>s_k</c> along a polynomial path: every order, with the cluster's
    /// g × g coefficient matrices <c>M_j</c>.</summary>
    /// <remarks>
    /// <para>The block recursion on <c>H(A(t))</c> for the members' eigenvectors <c>Q = [(u_c; v_c)/√2]</c>:
    /// <c>R_j = Σ_ν H(E_ν) X_{j−ν}</c>, <c>M_j = Qᵀ R_j</c>, column c of <c>X_j = S_c(−R_j + Σ_{i=1}^{j−1} X_{j−i} M_i)</c>, with
    /// <c>S_c</c> the reduced resolvent with the whole cluster removed at <c>s_c</c>; the mean's coefficients are <c>tr(M_j)/g</c>
    /// (Kato, Ch. II §2.3). The mean is analytic where the members cross, and stays well-conditioned for a
    /// nearly repeated group (give a wider <paramref name="clusterTolerance"/>) while the members' own derivatives blow up.</para>
    /// <para>Cost: g times <see cref="Expand(ThinSingularValueDecomposition, PerturbationPath, int, int, SpectralOptions)"/> plus O(N² g² (m + n)).</para>
    /// </remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="path">The path terms.</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <param name="clusterTolerance">Neighbouring values closer than this times <c>s₁</c> join the cluster; null for the
    /// default (exact repeats up to rounding, <see cref="ThinSingularValueDecomposition.ClusterTolerance"/>).</param>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero: the mean of <c>|s̃_i(t)|</c> is not analytic; ask for <see cref="Branches"/>.</exception>
    public static ClusterMeanExpansion ClusterMean(ThinSingularValueDecomposition svd, PerturbationPath path, int index, int order, double? clusterTolerance = null)
    {
        var cluster = PrepareCluster(svd, path, index, order, clusterTolerance);
        if (cluster.IsZero)
        {
            throw new Errors.DegenerateSpectrumException(Errors.Degeneracy.Zero, index, svd.Factors.Values[index - 1], cluster.Members, svd.ZeroTolerance, "singular value");
        }

        var problem = SingularValueEigenproblem.ForCluster(svd, path, cluster);
        var (mean, matrices) = ClusterSeries.Mean(problem, order);
        return new ClusterMeanExpansion(cluster, mean, matrices, TrueGap(problem), ConvergenceBound.For(problem), Condition(svd, TrueGap(problem), order));
    }

    /// <summary>The analytic branches of every member of the cluster that holds <c>s_k</c> along a path, orders 1..N, by
    /// Kato's reduction process; for zero singular values the signed branches and the one-sided derivatives.</summary>
    /// <remarks>
    /// <para>The cluster's <c>M₀ … M_N</c> from the block recursion (see <see cref="ClusterMean"/>) define the small family
    /// <c>M(t)</c> whose eigenvalues are the members' branches; they are found level by level (<c>M₁</c>'s eigenvalues split the
    /// first order, equal ones are split by the next level, ...). For a zero cluster the recursion runs at the eigenvalue 0 of
    /// <c>H(B)</c>, B the small matrix <c>Wᵀ A</c> with W a basis of <c>range([A E₁ …])</c> (memory independent of the long
    /// dimension), and the kernel's <c>±s̃_i(t)</c> pairs give one signed branch each (Kato, Ch. II §2; Bunse-Gerstner et al., Numer. Math. 60 (1991)).</para>
    /// <para>Cost: that of <see cref="ClusterMean"/> plus O(N g⁴) for the small problems.</para>
    /// </remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="path">The path terms (a straight line <c>A + tE</c> is <see cref="PerturbationPath.Linear"/>).</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="MaxOrder"/>.</param>
    /// <param name="clusterTolerance">Relative tolerance as in <see cref="ClusterMean"/>.</param>
    public static ClusterBranches Branches(ThinSingularValueDecomposition svd, PerturbationPath path, int index, int order, double? clusterTolerance = null)
    {
        var cluster = PrepareCluster(svd, path, index, order, clusterTolerance);
        if (!cluster.IsZero)
        {
            var problem = SingularValueEigenproblem.ForCluster(svd, path, cluster);
            var branches = BranchReduction.LargestFirst(BranchReduction.Reduce(ClusterSeries.ScaledMatrices(problem, order)));
            return ClusterBranches.From(cluster, problem, branches, 0, false, false, TrueGap(problem), ConvergenceBound.For(problem), Condition(svd, TrueGap(problem), order));
        }

        var structural = Math.Abs(svd.RowCount - svd.ColumnCount);
        var zero = ZeroClusterProblem.Create(svd, path, cluster.First - 1);
        if (zero.Problem is not { } atZero)
        {
            var none = new ConvergenceBound(double.PositiveInfinity, cluster.Gap / 2) { ExactFromOrder = 0 };
            return ClusterBranches.From(cluster, (IsolatedEigenproblem?)null, [], structural, true, false, cluster.Gap, none, Condition(svd, cluster.Gap, order));
        }

        var signed = zero.SignedBranches(BranchReduction.Reduce(ClusterSeries.ScaledMatrices(atZero, order)));
        return ClusterBranches.From(cluster, atZero, signed, structural, true, false, TrueGap(atZero), ConvergenceBound.For(atZero), Condition(svd, TrueGap(atZero), order));
    }

    /// <summary>The number of trace terms the closed form sums for orders 1..N on a path of degree L.</summary>
    /// <remarks>For a straight line, <c>Σ_{n=1}^{N} C(2n−2, n−1)</c>; <see cref="long.MaxValue"/> when the count exceeds it (from N = 34 on a line).</remarks>
    public static long ClosedFormTermCount(int order, int degree = 1) => KatoClosedForm.TermCount(order, degree);

    private static SpectralCluster PrepareCluster(ThinSingularValueDecomposition svd, PerturbationPath path, int index, int order, double? clusterTolerance)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(path);
        MatrixGuard.RequireOrder(order, 1, MaxOrder, "the recursion");
        MatrixGuard.RequireIndex(index, svd.Size, "singular value");
        return svd.Cluster(index, clusterTolerance);
    }

    private static ExpansionCondition Condition(ThinSingularValueDecomposition svd, double gap, int order) =>
        ExpansionCondition.Of(svd.RowCount, svd.ColumnCount, svd.Factors.Values[0], gap, order);

    private static double TrueGap(SingularValueEigenproblem problem) => Math.ScaleB(problem.Gap, problem.ValueExponent);

    private static SingularValueEigenproblem Prepare(ThinSingularValueDecomposition svd, PerturbationPath path, int index)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(path);
        MatrixGuard.RequireIndex(index, svd.Size, "singular value");
        return SingularValueEigenproblem.Create(svd, path, index);
    }
}
