using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Results;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Series;
using SpectralSensitivity.Spectrum;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Derivatives of every order, gradients and Hessian-vector products of the largest singular values of an
/// operator, without a full SVD: each order is one shifted solve on the complement of the computed triplets.</summary>
/// <remarks>
/// <para>The recursion is the one of <see cref="SingularValueDerivatives"/> (Kato, Ch. II §2; Luo, O'Riordan,
/// McDermott, JMAA 2025): <c>λ_j = w₀ᵀ H(E) w_{j−1}</c>, <c>w_j = S(−H(E) w_{j−1} + Σ λ_i w_{j−i})</c>, with the reduced
/// resolvent S applied by <see cref="DeflatedResolvent"/>: exact partial fractions <c>1/(±s_i − s_k)</c> on the
/// computed triplets, conjugate gradients (MINRES as fallback) with <c>s_k I − H(A)</c> on their complement, where it
/// is positive definite because every singular value above <c>s_k</c> is among the computed ones.</para>
/// <para>Exact power-of-two homogeneity: A and E are normalised by powers of two (<c>2^−e A</c>, <c>2^−f E</c>)
/// before anything is computed, and <c>dⁿ s_k(A + tE)/dtⁿ = 2^(e + (f − e) n) dⁿ s_k(A' + tE')/dtⁿ</c>.</para>
/// <para>Cost per order: one solve (iterations ~ √((s_k + s_{K+1}) / (s_k − s_{K+1})) log(1/tol), each one product
/// with A and Aᵀ) plus one product with E and Eᵀ; for the values alone (<see cref="VectorCoefficients.None"/>) ⌊N/2⌋ solves
/// in all, by Wigner's 2n + 1 rule. Memory: <c>8 (m + n) (2K + N + 6)</c> bytes beyond the operators.</para>
/// </remarks>
public static class KrylovSingularValueDerivatives
{
    /// <summary>Expands <c>s_k(A + tE)</c> to order N, computing the needed triplets first (k and the next value outside its cluster).</summary>
    /// <param name="a">A, m × n.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
    /// <param name="options">Tolerances; null for the defaults.</param>
    public static KrylovSingularValueExpansion Expand(ILinearOperator a, ILinearOperator direction, int index, int order, KrylovOptions? options = null) =>
        Expand(a, direction, index, order, VectorCoefficients.Include, options);

    /// <summary>Expands <c>s_k(A + tE)</c> to order N, computing the needed triplets first, with the singular vectors' coefficients of every order
    /// or only those the values need (<see cref="VectorCoefficients.None"/>: ⌊N/2⌋ solves, Wigner's 2n + 1 rule).</summary>
    /// <param name="a">A, m × n.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
    /// <param name="vectors">Whether the vector coefficients of every order are wanted.</param>
    /// <param name="options">Tolerances; null for the defaults.</param>
    public static KrylovSingularValueExpansion Expand(ILinearOperator a, ILinearOperator direction, int index, int order, VectorCoefficients vectors, KrylovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        MatrixGuard.RequireIndex(index, Math.Min(a.RowCount, a.ColumnCount), "singular value");
        return Expand(PartialSingularValueDecomposition.ComputeThrough(a, index, options), direction, index, order, vectors);
    }

    /// <summary>Expands <c>s_k(A + tE)</c> and its singular vectors to order N from computed triplets.</summary>
    /// <remarks>The triplets must hold <c>s_k</c> and at least one value below it (all of them when k = min(m, n)).
    /// Cost: N shifted solves; see the type's remarks.</remarks>
    /// <param name="svd">The k-or-more largest triplets of A.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N.</param>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero or lies in a cluster (at <see cref="PartialSingularValueDecomposition.ClusterTolerance"/>); the message names the cluster.</exception>
    /// <exception cref="KrylovConvergenceException">A shifted solve did not converge.</exception>
    public static KrylovSingularValueExpansion Expand(PartialSingularValueDecomposition svd, ILinearOperator direction, int index, int order) =>
        Expand(svd, direction, index, order, VectorCoefficients.Include);

    /// <summary>Expands <c>s_k(A + tE)</c> to order N from computed triplets, with the singular vectors' coefficients of every order or only those the values need.</summary>
    /// <remarks>
    /// <para>With <see cref="VectorCoefficients.Include"/> this is the overload above: N solves, vector coefficients of orders 0..N.</para>
    /// <para>With <see cref="VectorCoefficients.None"/> the recursion stops at the vector coefficients of order ⌊N/2⌋ and the values of the
    /// orders above come from Wigner's 2n + 1 rule (<c>λ_{2n+1} = w_nᵀ H(E) w_n − Σ_{k,l=1}^{n} λ_{2n+1−k−l} w_kᵀ w_l</c>, and the
    /// analogue for <c>λ_{2n}</c>; Wigner 1935, Hirschfelder, Byers Brown and Epstein, Adv. Quantum Chem. 1 (1964) §4): the same
    /// derivatives from ⌊N/2⌋ shifted solves (two for orders 1..4), at most ⌊N/2⌋ + 1 extra products with E. For an even N the last
    /// vector <c>w_{N/2}</c> enters only <c>λ_N</c>, as the quadratic form <c>−bᵀ S b</c> of its own right-hand side b: its solve stops at the
    /// square root of the solver tolerance and a stationary correction (<c>z̃ᵀρ</c>, ρ its true residual) leaves an error of at most
    /// <c>‖ρ‖² / d_c</c> (Hylleraas's variational form; docs/theory.md §9), about half the iterations of that solve. The vector coefficients
    /// returned are those of orders 0..⌊(N − 1)/2⌋, each to the solver tolerance. Each derivative's error estimate is propagated through the rule.</para>
    /// </remarks>
    /// <param name="svd">The k-or-more largest triplets of A.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N.</param>
    /// <param name="vectors">Whether the vector coefficients of every order are wanted.</param>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero or lies in a cluster (at <see cref="PartialSingularValueDecomposition.ClusterTolerance"/>); the message names the cluster.</exception>
    /// <exception cref="KrylovConvergenceException">A shifted solve did not converge.</exception>
    public static KrylovSingularValueExpansion Expand(PartialSingularValueDecomposition svd, ILinearOperator direction, int index, int order, VectorCoefficients vectors)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(direction);
        MatrixGuard.RequireOrder(order, 1, SingularValueDerivatives.MaxOrder, "the matrix-free recursion");
        RequireIsolated(svd, index);
        OperatorGuard.RequireSameShape(svd.Normalized, direction, "direction E");
        var f = OperatorScaling.ExponentOf(direction);
        var e = svd.Exponent;
        var normalizedDirection = OperatorScaling.Normalized(direction, f);
        var norm = OperatorScaling.NormBound(normalizedDirection);
        var options = svd.Options;
        var problem = new KrylovSingularValueEigenproblem(svd, normalizedDirection, norm, index, options.SolverTolerance, options.SolverIterationsFor(svd.RowCount + svd.ColumnCount));
        var largestResidual = svd.LargestDeflatedResidual;                                   // of the deflated triplets
        var run = KrylovRecursion.Run(problem, order, [Range.EndAt(svd.RowCount), Range.StartAt(svd.RowCount)], e, f, norm, largestResidual, vectors);
        var k = index - 1;
        var condition = ExpansionCondition.Of(svd.RowCount, svd.ColumnCount, svd.SingularValues[0], run.Gap, order);
        return new KrylovSingularValueExpansion(index, run, condition, svd.LeftResiduals[k], svd.RightResiduals[k]);
    }

    /// <summary>Expands the mean of the cluster that holds <c>s_k</c>, computing the triplets first until the whole cluster and the next value below it are known.</summary>
    /// <param name="a">A, m × n.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="order">N.</param>
    /// <param name="clusterTolerance">Neighbouring values closer than this times <c>s₁</c> join the cluster; null for <see cref="KrylovOptions.Tolerance"/>.</param>
    /// <param name="options">Tolerances; null for the defaults.</param>
    public static KrylovClusterMeanExpansion ClusterMean(ILinearOperator a, ILinearOperator direction, int index, int order, double? clusterTolerance = null, KrylovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        MatrixGuard.RequireIndex(index, Math.Min(a.RowCount, a.ColumnCount), "singular value");
        return ClusterMean(PartialSingularValueDecomposition.ComputeCluster(a, index, options, clusterTolerance), direction, index, order, clusterTolerance);
    }

    /// <summary>Expands the mean <c>(1/g) Σ_c s_c(A + tE)</c> of the cluster that holds <c>s_k</c> to order N from computed triplets.</summary>
    /// <remarks>
    /// <para>The block recursion of <see cref="SingularValueDerivatives.ClusterMean"/> (Kato, Ch. II §2.3) with every member's reduced
    /// resolvent applied matrix-free: the whole cluster is projected out (no partial fraction for its members), the other computed
    /// <c>+s_i</c> and every computed <c>−s_i</c> get exact partial fractions, and conjugate gradients solve on the complement, where
    /// <c>s_c I − H(A)</c> is definite because the triplets reach below the cluster. A simple <c>s_k</c> is the cluster of one.</para>
    /// <para>Cost: g shifted solves per order (members with equal values share their solver's setup), one product with E and Eᵀ each.</para>
    /// </remarks>
    /// <param name="svd">Triplets holding the whole cluster and at least one value below it (all of them when the cluster reaches s_min).</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
    /// <param name="clusterTolerance">Relative tolerance as in the overload above.</param>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero.</exception>
    /// <exception cref="InvalidSpectralInputException">The triplets end inside the cluster (compute more).</exception>
    public static KrylovClusterMeanExpansion ClusterMean(PartialSingularValueDecomposition svd, ILinearOperator direction, int index, int order, double? clusterTolerance = null)
    {
        var (problem, cluster, f, norm, largestResidual, members) = PrepareCluster(svd, direction, index, order, clusterTolerance, zero: null);   // the mean of |s̃_i(t)| is not analytic
        return KrylovClusterRecursion.Run(problem, cluster, order, svd.Exponent, f, norm, largestResidual,
            gap => ExpansionCondition.Of(svd.RowCount, svd.ColumnCount, svd.SingularValues[0], gap, order), members);
    }

    /// <summary>The analytic branches of every member of the cluster that holds <c>s_k</c> along <c>A + tE</c>, computing the triplets
    /// first until the whole cluster and the next value below it are known.</summary>
    /// <param name="a">A, m × n.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="order">N.</param>
    /// <param name="clusterTolerance">Neighbouring values closer than this times <c>s₁</c> join the cluster; null for <see cref="KrylovOptions.Tolerance"/>.</param>
    /// <param name="options">Tolerances; null for the defaults.</param>
    public static KrylovClusterBranches Branches(ILinearOperator a, ILinearOperator direction, int index, int order, double? clusterTolerance = null, KrylovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        MatrixGuard.RequireIndex(index, Math.Min(a.RowCount, a.ColumnCount), "singular value");
        return Branches(PartialSingularValueDecomposition.ComputeCluster(a, index, options, clusterTolerance), direction, index, order, clusterTolerance);
    }

    /// <summary>The analytic branches (Rellich) of every member of the cluster that holds <c>s_k</c> along <c>A + tE</c>, orders 1..N, from
    /// computed triplets, largest first for small t &gt; 0.</summary>
    /// <remarks>
    /// <para>The cluster's coefficient matrices <c>M₀ … M_N</c> come from the block recursion of <see cref="ClusterMean(PartialSingularValueDecomposition, ILinearOperator, int, int, double?)"/>
    /// (the whole cluster deflated in every member's solve); Kato's reduction process then finds the branches as on the dense path
    /// (<see cref="SingularValueDerivatives.Branches"/>), the same code: <c>sym(M₁)</c>'s eigenvalues split the first order, equal ones are
    /// split by the next level, branches equal to the last order are reported as tied (Kato, Ch. II §2.3; Rellich 1969). Every
    /// derivative carries an error estimate: the errors of the entries of <c>M_j</c> (from the solve and pair residuals, as for the
    /// mean) propagated through the reduction to first order.</para>
    /// <para>Zero singular values are refused: their signed branches need the left singular vectors of every non-zero singular value,
    /// the full decomposition.</para>
    /// <para>Cost: g shifted solves per order (members with equal values share their solver's setup), one product with E and Eᵀ each,
    /// plus <c>(N + 1) g²</c> reductions of the g × g problem for the error estimates.</para>
    /// </remarks>
    /// <param name="svd">Triplets holding the whole cluster and at least one value below it (all of them when the cluster reaches s_min).</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
    /// <param name="clusterTolerance">Relative tolerance as in the overload above.</param>
    /// <exception cref="InvalidSpectralInputException"><c>s_k</c> is zero (use the full decomposition), or the triplets end inside the cluster (compute more).</exception>
    /// <exception cref="KrylovConvergenceException">A shifted solve did not converge.</exception>
    public static KrylovClusterBranches Branches(PartialSingularValueDecomposition svd, ILinearOperator direction, int index, int order, double? clusterTolerance = null)
    {
        var (problem, cluster, f, norm, largestResidual, members) = PrepareCluster(svd, direction, index, order, clusterTolerance, ZeroSingularValue.BranchesNeedTheFullDecomposition);
        return KrylovClusterRecursion.Branches(problem, cluster, order, svd.Exponent, f, norm, largestResidual,
            gap => ExpansionCondition.Of(svd.RowCount, svd.ColumnCount, svd.SingularValues[0], gap, order), members, ascendingIndices: false);
    }

    /// <summary>The gradient of the mean of the cluster that holds <c>s_k</c>, <c>∇ s̄ = (1/g) U_c V_cᵀ</c>, as a rank-g factorisation.</summary>
    /// <remarks>Basis-free: any orthonormal basis of the cluster's singular subspaces gives the same product (the dense path's
    /// <see cref="Hessian.ClusterMeanDerivatives.Gradient"/>; Kato, Ch. II §2.3). Cost O((m + n) g). The error estimate is twice the largest
    /// member residual over the lower bound on the cluster's gap (Davis–Kahan), the gap of <see cref="Cluster"/>.</remarks>
    /// <param name="svd">Triplets holding the whole cluster and at least one value below it.</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="clusterTolerance">Relative tolerance as in <see cref="ClusterMean(PartialSingularValueDecomposition, ILinearOperator, int, int, double?)"/>.</param>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero.</exception>
    /// <exception cref="InvalidSpectralInputException">The triplets end inside the cluster (compute more).</exception>
    public static FactoredMatrix ClusterMeanGradient(PartialSingularValueDecomposition svd, int index, double? clusterTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(svd);
        MatrixGuard.RequireIndex(index, svd.Count, "singular value");
        var (first, count, _) = ClusterMembers(svd, index, clusterTolerance);
        var gap = svd.ScaledClusterGapBound(first - 1, first + count - 2);                                  // in the units of 2^−e A, like the residuals:
        var residual = Enumerable.Range(first - 1, count).Max(svd.ScaledResidual);                        // their ratio is then exact at every scale of A
        var left = svd.LeftVectors.SubMatrix(0, svd.RowCount, first - 1, count) / count;                  // U_c / g
        return new FactoredMatrix(left, svd.RightVectors.SubMatrix(0, svd.ColumnCount, first - 1, count), 2 * residual / gap);
    }

    /// <summary>The cluster of computed singular values that holds <c>s_k</c>: its members, values, and gap to the computed neighbours.</summary>
    /// <remarks>Neighbouring computed values closer than the tolerance join, as in <see cref="ThinSingularValueDecomposition.Cluster"/>, and so
    /// does a neighbour whose residual-corrected distance is not above it. The gap is a rigorous lower bound on the distance from the members
    /// to the rest of the spectrum of <c>H(A)</c> (the same quantity as the dense cluster's gap): with Ritz values <c>θ_i ≤ s_i ≤ θ_i + ρ_i</c>,
    /// <c>min(θ_{first−1} − (θ_first + ρ_first), θ_last − (θ_{last+1} + ρ_{last+1}))</c>, and <c>θ_last</c> (m ≠ n) or <c>2 θ_last</c> (m = n)
    /// when the cluster ends the spectrum. Cost O(g).</remarks>
    /// <param name="svd">Triplets holding the whole cluster and at least one value below it.</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="clusterTolerance">Relative tolerance as in <see cref="ClusterMean(PartialSingularValueDecomposition, ILinearOperator, int, int, double?)"/>.</param>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero.</exception>
    /// <exception cref="InvalidSpectralInputException">The triplets end inside the cluster (compute more).</exception>
    public static SpectralCluster Cluster(PartialSingularValueDecomposition svd, int index, double? clusterTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(svd);
        MatrixGuard.RequireIndex(index, svd.Count, "singular value");
        var (first, count, tolerance) = ClusterMembers(svd, index, clusterTolerance);
        var values = svd.SingularValues.Skip(first - 1).Take(count).ToArray();
        return new SpectralCluster(first, count, values, ClusterGap(svd, first, count), false, tolerance);
    }

    /// <summary>The Hessian-vector product of the mean of the cluster that holds <c>s_k</c>, <c>∇² s̄ [E] = d/dt (1/g) U_c(t) V_c(t)ᵀ</c>,
    /// as a rank-2g factorisation.</summary>
    /// <remarks>
    /// <para>With <c>X(t) = Q + t X₁ + …</c> the block recursion's basis of the cluster's invariant subspace of <c>H(A + tE)</c>
    /// (<c>Q = [U_c; V_c]/√2</c>, <c>Qᵀ X₁ = 0</c>, so X(t) is orthonormal to first order) and <c>U_c(t) V_c(t)ᵀ = 2 X_top X_botᵀ</c> for
    /// any orthonormal basis of it: <c>∇² s̄ [E] = (1/g)(√2 X₁,top V_cᵀ + U_c (√2 X₁,bot)ᵀ)</c>, where column c of X₁ is
    /// <c>−S_c H(E) q_c</c>, one solve per member with the whole cluster deflated (the dense path's
    /// <see cref="Hessian.ClusterMeanDerivatives.HessianVectorProduct"/>; Kato, Ch. II §2.3). Factors
    /// <c>L = [√2 X₁,top / g, U_c / g]</c>, <c>R = [V_c, √2 X₁,bot]</c>.</para>
    /// <para>Cost: g shifted solves and one product with E and Eᵀ each; never an m × n matrix.</para>
    /// </remarks>
    /// <param name="svd">Triplets holding the whole cluster and at least one value below it.</param>
    /// <param name="direction">E, m × n.</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="clusterTolerance">Relative tolerance as in <see cref="ClusterMean(PartialSingularValueDecomposition, ILinearOperator, int, int, double?)"/>.</param>
    public static FactoredMatrix ClusterMeanHessianVectorProduct(PartialSingularValueDecomposition svd, ILinearOperator direction, int index, double? clusterTolerance = null)
    {
        var expansion = ClusterMean(svd, direction, index, 1, clusterTolerance);
        var gradient = ClusterMeanGradient(svd, index, clusterTolerance);
        var (first, g) = (expansion.Mean.Cluster.First, expansion.Mean.Cluster.Count);
        int m = svd.RowCount, n = svd.ColumnCount;
        var left = Matrix<double>.Build.Dense(m, 2 * g);
        var right = Matrix<double>.Build.Dense(n, 2 * g);
        var largest = 0.0;
        for (var c = 0; c < g; c++)
        {
            var x = expansion.FirstOrderBlock[c];
            largest = Math.Max(largest, VectorMath.Norm(x));
            for (var i = 0; i < m; i++)
            {
                left[i, c] = Math.Sqrt(2) * x[i] / g;                                     // √2 X₁,top e_c / g
                left[i, g + c] = svd.LeftVectors[i, first - 1 + c] / g;                     // u_c / g
            }

            for (var j = 0; j < n; j++)
            {
                right[j, c] = svd.RightVectors[j, first - 1 + c];                           // v_c
                right[j, g + c] = Math.Sqrt(2) * x[m + j];                                  // √2 X₁,bot e_c
            }
        }

        var error = (2 * Math.Sqrt(2) * expansion.FirstOrderBlockError) + (Math.Sqrt(2) * largest * gradient.ErrorEstimate);   // ‖δX₁‖ terms + ‖δQ‖ ‖X₁‖
        return new FactoredMatrix(left, right, error);
    }

    /// <summary>The gradient <c>∇ s_k = u_k v_kᵀ</c> as a rank-one factorisation.</summary>
    /// <remarks>Exact from the triplet; cost O(m + n). The error estimate is the triplet residual over the gap.</remarks>
    /// <param name="svd">The triplets.</param>
    /// <param name="index">1-based k.</param>
    public static FactoredMatrix Gradient(PartialSingularValueDecomposition svd, int index)
    {
        ArgumentNullException.ThrowIfNull(svd);
        RequireIsolated(svd, index);
        var k = index - 1;
        var error = 2 * svd.ScaledResidual(k) / svd.ScaledGapBound(k);                      // ‖δ(u vᵀ)‖_F ≲ ‖δu‖ + ‖δv‖ ≲ 2ρ/d, in the units of 2^−e A (exact at every scale)
        return new FactoredMatrix(ColumnMatrix(svd.LeftVectors.Column(k)), ColumnMatrix(svd.RightVectors.Column(k)), error);
    }

    /// <summary>The Hessian-vector product <c>∇² s_k [E] = u̇ v_kᵀ + u_k v̇ᵀ</c> as a rank-two factorisation.</summary>
    /// <remarks>
    /// <c>∇² s_k[E] = d/dt (u_k(t) v_k(t)ᵀ)</c> at t = 0, with <c>u̇, v̇</c> the first Taylor coefficients of the unit
    /// singular vectors along E: one shifted solve. Factors <c>L = [u̇, u_k]</c>, <c>R = [v_k, v̇]</c>.
    /// </remarks>
    /// <param name="svd">The triplets.</param>
    /// <param name="direction">E.</param>
    /// <param name="index">1-based k.</param>
    public static FactoredMatrix HessianVectorProduct(PartialSingularValueDecomposition svd, ILinearOperator direction, int index)
    {
        var expansion = Expand(svd, direction, index, 1);
        var k = index - 1;
        var left = Matrix<double>.Build.DenseOfColumnVectors(expansion.LeftVectorCoefficients[1], svd.LeftVectors.Column(k));
        var right = Matrix<double>.Build.DenseOfColumnVectors(svd.RightVectors.Column(k), expansion.RightVectorCoefficients[1]);
        var derivatives = expansion.LeftVectorCoefficients[1].L2Norm() + expansion.RightVectorCoefficients[1].L2Norm();
        var errors = expansion.VectorErrorEstimates;
        var error = (2 * Math.Sqrt(2) * errors[1]) + (Math.Sqrt(2) * errors[0] * derivatives);   // ‖δu̇‖ + ‖δv̇‖ + (‖δu‖ + ‖δv‖) ‖(u̇, v̇)‖
        return new FactoredMatrix(left, right, error);
    }

    private static (KrylovClusterEigenproblem Problem, SpectralCluster Cluster, int DirectionExponent, double DirectionNorm, double LargestResidual, double[] MemberResiduals) PrepareCluster(
        PartialSingularValueDecomposition svd, ILinearOperator direction, int index, int order, double? clusterTolerance, Func<PartialSingularValueDecomposition, int, Exception>? zero)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(direction);
        MatrixGuard.RequireOrder(order, 1, SingularValueDerivatives.MaxOrder, "the matrix-free recursion");
        MatrixGuard.RequireIndex(index, svd.Count, "singular value");
        OperatorGuard.RequireSameShape(svd.Normalized, direction, "direction E");
        var s = svd.SingularValues;
        var (first, count, tolerance) = ClusterMembers(svd, index, clusterTolerance, zero);
        var f = OperatorScaling.ExponentOf(direction);
        var normalizedDirection = OperatorScaling.Normalized(direction, f);
        var norm = OperatorScaling.NormBound(normalizedDirection);
        var problem = KrylovClusterEigenproblem.ForSingularValues(svd, normalizedDirection, norm, first - 1, count);
        var members = Enumerable.Range(first - 1, count).Select(i => Math.Max(svd.LeftResiduals[i], svd.RightResiduals[i])).ToArray();
        var cluster = new SpectralCluster(first, count, s.Skip(first - 1).Take(count).ToArray(), Math.ScaleB(problem.UnscaledGap, svd.Exponent), false, tolerance);
        var largestResidual = svd.LargestDeflatedResidual;
        return (problem, cluster, f, norm, largestResidual, members);
    }

    /// <summary>The lower bound of <see cref="PartialSingularValueDecomposition.ScaledClusterGapBound"/> on the distance from the cluster (1-based first, count)
    /// to the rest of the spectrum of <c>H(A)</c>, in A's units.</summary>
    private static double ClusterGap(PartialSingularValueDecomposition svd, int first, int count) =>
        Math.ScaleB(svd.ScaledClusterGapBound(first - 1, first + count - 2), svd.Exponent);

    /// <summary>The chain of computed values around <c>s_k</c> (first 1-based, count, absolute tolerance), extended over every neighbour whose
    /// residual-corrected distance (<see cref="PartialSingularValueDecomposition.ScaledClusterGapBound"/>) is not above the tolerance, so the
    /// cluster's gap bound is positive; refused when <c>s_k</c> is zero
    /// (by <paramref name="zero"/>, given the triplets and k; <see cref="ZeroSingularValue.Undefined"/> when null) or the
    /// chain reaches the last computed triplet before the end of the spectrum.</summary>
    private static (int First, int Count, double Tolerance) ClusterMembers(PartialSingularValueDecomposition svd, int index, double? clusterTolerance,
        Func<PartialSingularValueDecomposition, int, Exception>? zero = null)
    {
        var s = svd.SingularValues;
        var tolerance = SpectralCluster.AbsoluteTolerance(clusterTolerance, s[0], svd.ClusterTolerance);
        if (s[index - 1] <= svd.ClusterTolerance)
        {
            throw (zero ?? ZeroSingularValue.Undefined)(svd, index);
        }

        var (first, count) = SpectralCluster.Chain(s, index, tolerance);
        (first, count) = RitzBounds.Extend(svd.Scaled.Values, svd.ScaledResidual, first - 1, count, Math.ScaleB(tolerance, -svd.Exponent));   // neighbours the residuals cannot separate join
        first++;
        var last = first + count - 1;
        if (last == svd.Count && svd.Count < Math.Min(svd.RowCount, svd.ColumnCount))
        {
            throw new InvalidSpectralInputException(
                $"the cluster of s_{index} reaches the last computed triplet s_{last}: compute more triplets so that the whole cluster and one value below it are known");
        }

        return (first, count, tolerance);
    }

    /// <summary>Requires <c>s_index</c> converged, non-zero and apart from its neighbours: the lower bounds on the gaps
    /// (<see cref="PartialSingularValueDecomposition.GapBound"/>) above the cluster tolerance.</summary>
    private static void RequireIsolated(PartialSingularValueDecomposition svd, int index)
    {
        var limit = Math.Min(svd.RowCount, svd.ColumnCount);
        MatrixGuard.RequireIndex(index, svd.Count, "singular value");
        if (index == svd.Count && svd.Count < limit)
        {
            throw new InvalidSpectralInputException(
                $"the derivatives of s_{index} need the next singular value below it: compute at least {index + 1} triplets (only {svd.Count} were computed)");
        }

        if (index > svd.ConvergedCount)
        {
            throw new InvalidSpectralInputException(
                $"s_{index} was computed only to bound a gap (residual {Math.Max(svd.LeftResiduals[index - 1], svd.RightResiduals[index - 1]):G3}): compute at least {index + 1} triplets");
        }

        var s = svd.SingularValues;
        var tolerance = svd.ClusterTolerance;
        var k = index - 1;
        if (s[k] <= tolerance)
        {
            throw ZeroSingularValue.Undefined(svd, index);
        }

        var (first, count) = RitzBounds.Extend(svd.Scaled.Values, svd.ScaledResidual, k, 1, Math.ScaleB(tolerance, -svd.Exponent));   // the residual-corrected gaps decide
        var last = first + count - 1;
        if (first != last)
        {
            throw new DegenerateSpectrumException(Degeneracy.Repeated, index, s[k], Enumerable.Range(first + 1, last - first + 1).ToArray(), tolerance, "singular value");
        }
    }

    private static Matrix<double> ColumnMatrix(Vector<double> x) => Matrix<double>.Build.DenseOfColumnVectors(x);
}
