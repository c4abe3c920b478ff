using SpectralSensitivity.Errors;
using SpectralSensitivity.Spectrum;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Derivatives of every order of the extreme eigenvalues of a symmetric operator along a symmetric direction, without a full eigendecomposition.</summary>
/// <remarks>
/// The recursion of <see cref="EigenvalueDerivatives"/> (Kato, Ch. II §2) with the reduced resolvent applied by
/// <see cref="DeflatedResolvent"/>: exact partial fractions <c>1/(μ_i − μ_k)</c> on the other computed pairs, conjugate
/// gradients on their complement, where <c>±(μ_k − T)</c> is positive definite because every eigenvalue beyond
/// <c>μ_k</c> at its end is computed. Index k counts from the chosen end (1 the most extreme). Exactly homogeneous under
/// power-of-two scaling of T and E. Cost per order: one solve (products with T) and one product with E; for the values
/// alone (<see cref="Spectrum.VectorCoefficients.None"/>) ⌊N/2⌋ solves in all, by Wigner's 2n + 1 rule.
/// </remarks>
public static class KrylovEigenvalueDerivatives
{
    /// <summary>Expands <c>μ_k(T + tE)</c> to order N, computing the needed pairs first.</summary>
    /// <param name="t">T, n × n symmetric.</param>
    /// <param name="direction">E, n × n symmetric.</param>
    /// <param name="index">1-based k from the chosen end.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="order">N.</param>
    /// <param name="options">Tolerances; null for the defaults.</param>
    public static KrylovEigenvalueExpansion Expand(ILinearOperator t, ILinearOperator direction, int index, SpectrumEnd end, int order, KrylovOptions? options = null) =>
        Expand(t, direction, index, end, order, VectorCoefficients.Include, options);

    /// <summary>Expands <c>μ_k(T + tE)</c> to order N, computing the needed pairs first, with the eigenvector's coefficients of every order or only
    /// those the values need (<see cref="VectorCoefficients.None"/>: ⌊N/2⌋ solves, Wigner's 2n + 1 rule).</summary>
    /// <param name="t">T, n × n symmetric.</param>
    /// <param name="direction">E, n × n symmetric.</param>
    /// <param name="index">1-based k from the chosen end.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="order">N.</param>
    /// <param name="vectors">Whether the eigenvector coefficients of every order are wanted.</param>
    /// <param name="options">Tolerances; null for the defaults.</param>
    public static KrylovEigenvalueExpansion Expand(ILinearOperator t, ILinearOperator direction, int index, SpectrumEnd end, int order, VectorCoefficients vectors, KrylovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        MatrixGuard.RequireIndex(index, t.RowCount, "eigenvalue");
        return Expand(PartialSymmetricEigendecomposition.ComputeThrough(t, index, end, options), direction, index, order, vectors);
    }

    /// <summary>Expands <c>μ_k(T + tE)</c> and its eigenvector to order N from computed pairs (which must hold <c>μ_k</c> and the next value beyond it, unless they are all n).</summary>
    /// <remarks>Cost: N shifted solves.</remarks>
    /// <param name="eig">The pairs.</param>
    /// <param name="direction">E, symmetric.</param>
    /// <param name="index">1-based k from the chosen end.</param>
    /// <param name="order">N.</param>
    /// <exception cref="DegenerateSpectrumException"><c>μ_k</c> lies in a cluster; the message names it.</exception>
    public static KrylovEigenvalueExpansion Expand(PartialSymmetricEigendecomposition eig, ILinearOperator direction, int index, int order) =>
        Expand(eig, direction, index, order, VectorCoefficients.Include);

    /// <summary>Expands <c>μ_k(T + tE)</c> to order N from computed pairs, with the eigenvector's coefficients of every order or only those the values need.</summary>
    /// <remarks>With <see cref="VectorCoefficients.None"/>: ⌊N/2⌋ shifted solves, the orders above ⌊N/2⌋ from Wigner's 2n + 1 rule, eigenvector
    /// coefficients of orders 0..⌊(N − 1)/2⌋ only, the last solve of an even N to half the digits (see <see cref="KrylovSingularValueDerivatives.Expand(PartialSingularValueDecomposition, ILinearOperator, int, int, VectorCoefficients)"/>).</remarks>
    /// <param name="eig">The pairs.</param>
    /// <param name="direction">E, symmetric.</param>
    /// <param name="index">1-based k from the chosen end.</param>
    /// <param name="order">N.</param>
    /// <param name="vectors">Whether the eigenvector coefficients of every order are wanted.</param>
    /// <exception cref="DegenerateSpectrumException"><c>μ_k</c> lies in a cluster; the message names it.</exception>
    public static KrylovEigenvalueExpansion Expand(PartialSymmetricEigendecomposition eig, ILinearOperator direction, int index, int order, VectorCoefficients vectors)
    {
        ArgumentNullException.ThrowIfNull(eig);
        ArgumentNullException.ThrowIfNull(direction);
        MatrixGuard.RequireOrder(order, 1, SingularValueDerivatives.MaxOrder, "the matrix-free recursion");
        RequireIsolated(eig, index);
        OperatorGuard.RequireSameShape(eig.Normalized, direction, "direction E");
        var f = OperatorScaling.ExponentOf(direction);
        var normalizedDirection = OperatorScaling.Normalized(direction, f);
        OperatorGuard.RequireSymmetric(normalizedDirection, "direction E");
        var norm = OperatorScaling.NormBound(normalizedDirection);
        var options = eig.Options;
        var problem = new KrylovSymmetricEigenproblem(eig, normalizedDirection, norm, index, options.SolverTolerance, options.SolverIterationsFor(eig.Size));
        var run = KrylovRecursion.Run(problem, order, [Range.All], eig.Exponent, f, norm, eig.LargestDeflatedResidual, vectors);
        var condition = Results.ExpansionCondition.Of(eig.Size, eig.Size, eig.Eigenvalues.Max(Math.Abs), run.Gap, order);
        return new KrylovEigenvalueExpansion(index, run, condition, eig.Residuals[index - 1]);
    }

    /// <summary>Expands the mean of the cluster that holds <c>μ_k</c>, computing pairs until the whole cluster and the next value beyond it are known.</summary>
    /// <param name="t">T, n × n symmetric.</param>
    /// <param name="direction">E, n × n symmetric.</param>
    /// <param name="index">1-based k from the chosen end, any member of the cluster.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="order">N.</param>
    /// <param name="clusterTolerance">Neighbouring values closer than this times <c>max|μ|</c> join the cluster; null for <see cref="KrylovOptions.Tolerance"/>.</param>
    /// <param name="options">Tolerances; null for the defaults.</param>
    public static KrylovClusterMeanExpansion ClusterMean(ILinearOperator t, ILinearOperator direction, int index, SpectrumEnd end, int order, double? clusterTolerance = null, KrylovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        MatrixGuard.RequireIndex(index, t.RowCount, "eigenvalue");
        return ClusterMean(PartialSymmetricEigendecomposition.ComputeCluster(t, index, end, options, clusterTolerance), direction, index, order, clusterTolerance);
    }

    /// <summary>Expands the mean of the cluster that holds <c>μ_k</c> from computed pairs: the block recursion with each member's
    /// solve deflating the whole cluster (see <see cref="KrylovSingularValueDerivatives.ClusterMean(PartialSingularValueDecomposition, ILinearOperator, int, int, double?)"/>).</summary>
    /// <remarks>Cost: g shifted solves per order. The cluster's members are numbered from the chosen end.</remarks>
    /// <param name="eig">Pairs holding the whole cluster and at least one value beyond it (all n when the cluster reaches the other end).</param>
    /// <param name="direction">E, symmetric.</param>
    /// <param name="index">1-based k from the chosen end.</param>
    /// <param name="order">N.</param>
    /// <param name="clusterTolerance">Relative tolerance as in the overload above.</param>
    /// <exception cref="InvalidSpectralInputException">The pairs end inside the cluster (compute more).</exception>
    public static KrylovClusterMeanExpansion ClusterMean(PartialSymmetricEigendecomposition eig, ILinearOperator direction, int index, int order, double? clusterTolerance = null)
    {
        var (problem, cluster, f, norm, scale) = PrepareCluster(eig, direction, index, order, clusterTolerance);
        return KrylovClusterRecursion.Run(problem, cluster, order, eig.Exponent, f, norm, eig.LargestDeflatedResidual,
            gap => Results.ExpansionCondition.Of(eig.Size, eig.Size, scale, gap, order), eig.Residuals.Skip(cluster.First - 1).Take(cluster.Count).ToArray());
    }

    /// <summary>The analytic branches of every member of the cluster that holds <c>μ_k</c> along <c>T + tE</c>, computing pairs until the
    /// whole cluster and the next value beyond it are known.</summary>
    /// <param name="t">T, n × n symmetric.</param>
    /// <param name="direction">E, n × n symmetric.</param>
    /// <param name="index">1-based k from the chosen end, any member of the cluster.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="order">N.</param>
    /// <param name="clusterTolerance">Neighbouring values closer than this times <c>max|μ|</c> join the cluster; null for <see cref="KrylovOptions.Tolerance"/>.</param>
    /// <param name="options">Tolerances; null for the defaults.</param>
    public static KrylovClusterBranches Branches(ILinearOperator t, ILinearOperator direction, int index, SpectrumEnd end, int order, double? clusterTolerance = null, KrylovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        MatrixGuard.RequireIndex(index, t.RowCount, "eigenvalue");
        return Branches(PartialSymmetricEigendecomposition.ComputeCluster(t, index, end, options, clusterTolerance), direction, index, order, clusterTolerance);
    }

    /// <summary>The analytic branches (Rellich) of every member of the cluster that holds <c>μ_k</c>, orders 1..N, from computed pairs,
    /// largest first for small t &gt; 0: the reduction process of <see cref="EigenvalueDerivatives.Branches"/> on the cluster's matrices
    /// from the matrix-free block recursion (see <see cref="KrylovSingularValueDerivatives.Branches(PartialSingularValueDecomposition, ILinearOperator, int, int, double?)"/>).</summary>
    /// <remarks>Cost: g shifted solves per order plus <c>(N + 1) g²</c> reductions of the g × g problem for the error estimates. The
    /// cluster's members and <see cref="Results.SpectralExpansion.Index"/> are numbered from the chosen end.</remarks>
    /// <param name="eig">Pairs holding the whole cluster and at least one value beyond it (all n when the cluster reaches the other end).</param>
    /// <param name="direction">E, symmetric.</param>
    /// <param name="index">1-based k from the chosen end.</param>
    /// <param name="order">N.</param>
    /// <param name="clusterTolerance">Relative tolerance as in the overload above.</param>
    /// <exception cref="InvalidSpectralInputException">The pairs end inside the cluster (compute more).</exception>
    /// <exception cref="KrylovConvergenceException">A shifted solve did not converge.</exception>
    public static KrylovClusterBranches Branches(PartialSymmetricEigendecomposition eig, ILinearOperator direction, int index, int order, double? clusterTolerance = null)
    {
        var (problem, cluster, f, norm, scale) = PrepareCluster(eig, direction, index, order, clusterTolerance);
        return KrylovClusterRecursion.Branches(problem, cluster, order, eig.Exponent, f, norm, eig.LargestDeflatedResidual,
            gap => Results.ExpansionCondition.Of(eig.Size, eig.Size, scale, gap, order), eig.Residuals.Skip(cluster.First - 1).Take(cluster.Count).ToArray(),
            ascendingIndices: eig.End == SpectrumEnd.SmallestAlgebraic);
    }

    private static (KrylovClusterEigenproblem Problem, Decomposition.SpectralCluster Cluster, int DirectionExponent, double DirectionNorm, double Scale) PrepareCluster(
        PartialSymmetricEigendecomposition eig, ILinearOperator direction, int index, int order, double? clusterTolerance)
    {
        ArgumentNullException.ThrowIfNull(eig);
        ArgumentNullException.ThrowIfNull(direction);
        MatrixGuard.RequireOrder(order, 1, SingularValueDerivatives.MaxOrder, "the matrix-free recursion");
        MatrixGuard.RequireIndex(index, eig.Count, "eigenvalue");
        OperatorGuard.RequireSameShape(eig.Normalized, direction, "direction E");
        var mu = eig.Eigenvalues;
        var scale = mu.Max(Math.Abs);
        var tolerance = Decomposition.SpectralCluster.AbsoluteTolerance(clusterTolerance, scale, eig.ClusterTolerance);
        var (first, count) = Decomposition.SpectralCluster.Chain(mu, index, tolerance);
        (first, count) = RitzBounds.Extend(eig.EndValues, eig.ScaledResidual, first - 1, count, Math.ScaleB(tolerance, -eig.Exponent));   // neighbours the residuals cannot separate join
        first++;
        if (first + count - 1 == eig.Count && eig.Count < eig.Size)
        {
            throw new InvalidSpectralInputException(
                $"the cluster of eigenvalue {index} reaches the last computed pair {eig.Count}: compute more pairs so that the whole cluster and one value beyond it are known");
        }

        var f = OperatorScaling.ExponentOf(direction);
        var normalizedDirection = OperatorScaling.Normalized(direction, f);
        OperatorGuard.RequireSymmetric(normalizedDirection, "direction E");
        var norm = OperatorScaling.NormBound(normalizedDirection);
        var problem = KrylovClusterEigenproblem.ForEigenvalues(eig, normalizedDirection, norm, first - 1, count);
        var cluster = new Decomposition.SpectralCluster(first, count, mu.Skip(first - 1).Take(count).ToArray(), Math.ScaleB(problem.UnscaledGap, eig.Exponent), false, tolerance);
        return (problem, cluster, f, norm, scale);
    }

    private static void RequireIsolated(PartialSymmetricEigendecomposition eig, int index)
    {
        MatrixGuard.RequireIndex(index, eig.Count, "eigenvalue");
        if (index == eig.Count && eig.Count < eig.Size)
        {
            throw new InvalidSpectralInputException(
                $"the derivatives of eigenvalue {index} need the next eigenvalue beyond it: compute at least {index + 1} pairs (only {eig.Count} were computed)");
        }

        if (index > eig.ConvergedCount)
        {
            throw new InvalidSpectralInputException(
                $"eigenvalue {index} was computed only to bound a gap (residual {eig.Residuals[index - 1]:G3}): compute at least {index + 1} pairs");
        }

        var mu = eig.Eigenvalues;
        var tolerance = eig.ClusterTolerance;
        var k = index - 1;
        var (first, count) = RitzBounds.Extend(eig.EndValues, eig.ScaledResidual, k, 1, Math.ScaleB(tolerance, -eig.Exponent));   // the residual-corrected gaps decide
        var last = first + count - 1;
        if (first != last)
        {
            throw new DegenerateSpectrumException(Degeneracy.Repeated, index, mu[k], Enumerable.Range(first + 1, last - first + 1).ToArray(), tolerance, "eigenvalue");
        }
    }
}
