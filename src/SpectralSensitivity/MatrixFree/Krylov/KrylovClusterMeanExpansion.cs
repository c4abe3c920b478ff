using SpectralSensitivity.Results;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The Taylor expansion of a cluster's mean computed matrix-free, with an error estimate for every derivative and the
/// residuals of the pairs and solves behind it.</summary>
/// <remarks>
/// <para><see cref="Mean"/> means what it means on the dense path (<c>tr(M_j)/g</c> from the block recursion; Kato, Ch. II §2.3):
/// the cluster was completed (every member computed) and each member's solve deflates the whole cluster
/// (docs/theory.md, matrix-free section).</para>
/// <para>Cost: g shifted solves per order, one product with E and Eᵀ per solve.</para>
/// </remarks>
public sealed class KrylovClusterMeanExpansion
{
    internal KrylovClusterMeanExpansion(ClusterMeanExpansion mean, double[] errors, IReadOnlyList<double> memberResiduals, double[] solverResiduals, int[] solverIterations)
    {
        Mean = mean;
        DerivativeErrorEstimates = errors;
        MemberResiduals = memberResiduals;
        SolverResiduals = solverResiduals;
        SolverIterations = solverIterations;
    }

    /// <summary>The mean's expansion, its cluster and the coefficient matrices <c>M_j</c>.</summary>
    public ClusterMeanExpansion Mean { get; }

    /// <summary>Estimated absolute error of the mean's derivative of each order 1..N (index order − 1).</summary>
    public IReadOnlyList<double> DerivativeErrorEstimates { get; }

    /// <summary>The residual of each member's pair: <c>max(‖A v_c − s_c u_c‖, ‖Aᵀ u_c − s_c v_c‖)</c>, or <c>‖T q_c − μ_c q_c‖</c>.</summary>
    public IReadOnlyList<double> MemberResiduals { get; }

    /// <summary>The true residual of every shifted solve, g per order in member order (in the normalised units of the solve).</summary>
    public IReadOnlyList<double> SolverResiduals { get; }

    /// <summary>Iterations of every shifted solve, in the same order.</summary>
    public IReadOnlyList<int> SolverIterations { get; }

    /// <summary>The first-order block <c>X₁</c> of the recursion in the caller's units, one column per member: <c>X₁ e_c = −S_c H(E) q_c</c>
    /// (<c>q_c = (u_c; v_c)/√2</c>), what the Hessian-vector product of the mean is made of.</summary>
    internal IReadOnlyList<double[]> FirstOrderBlock { get; init; } = [];

    /// <summary>Estimated absolute error of each column of <see cref="FirstOrderBlock"/>.</summary>
    internal double FirstOrderBlockError { get; init; }

    /// <summary>One line: the mean's expansion, then the error estimates and the number of shifted solves, in the invariant culture.</summary>
    /// <returns>E.g. <c>KrylovClusterMeanExpansion { Mean = ClusterMeanExpansion { … }, ErrorEstimates = [...], Solves = 9 }</c>.</returns>
    public override string ToString() => ResultText.Members(
        nameof(KrylovClusterMeanExpansion), $"Mean = {Mean}", $"ErrorEstimates = {ResultText.List(DerivativeErrorEstimates)}", $"Solves = {SolverIterations.Count}");
}
