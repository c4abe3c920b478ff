using SpectralSensitivity.Results;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The analytic branches of every member of a cluster computed matrix-free, with an error estimate for every derivative of
/// every branch and the residuals of the pairs and solves behind them.</summary>
/// <remarks>
/// <para><see cref="Branches"/> means what it means on the dense path: the cluster's coefficient matrices <c>M₀ … M_N</c> from the
/// block recursion (the cluster completed, each member's solve deflating the whole cluster), then Kato's reduction process on them
/// (Kato, Ch. II §2.3; Rellich 1969). Only the resolvent differs: shifted solves on the complement of the computed pairs instead
/// of the full decomposition.</para>
/// <para>Cost: g shifted solves per order (as for the mean), plus <c>(N + 1) g²</c> reductions of the g × g problem for the error estimates.</para>
/// </remarks>
public sealed class KrylovClusterBranches
{
    internal KrylovClusterBranches(ClusterBranches branches, IReadOnlyList<IReadOnlyList<double>> errors, IReadOnlyList<double> memberResiduals, double[] solverResiduals, int[] solverIterations)
    {
        Branches = branches;
        DerivativeErrorEstimates = errors;
        MemberResiduals = memberResiduals;
        SolverResiduals = solverResiduals;
        SolverIterations = solverIterations;
    }

    /// <summary>The branches, largest first for small t &gt; 0, the cluster, the tied groups, the gap and the convergence bound.</summary>
    public ClusterBranches Branches { get; }

    /// <summary>For each branch (same order as <see cref="ClusterBranches.Branches"/>), the estimated absolute error of its derivative
    /// of each order 1..N (index order − 1).</summary>
    public IReadOnlyList<IReadOnlyList<double>> DerivativeErrorEstimates { get; }

    /// <summary>The residual of each member's pair: <c>max(‖A v_c − s_c u_c‖, ‖Aᵀ u_c − s_c v_c‖)</c>, or <c>‖T q_c − μ_c q_c‖</c>.</summary>
    public IReadOnlyList<double> MemberResiduals { get; }

    /// <summary>The true residual of every shifted solve, g per order in member order (in the normalised units of the solve).</summary>
    public IReadOnlyList<double> SolverResiduals { get; }

    /// <summary>Iterations of every shifted solve, in the same order.</summary>
    public IReadOnlyList<int> SolverIterations { get; }

    /// <summary>One line: the branches, then the number of shifted solves, in the invariant culture.</summary>
    /// <returns>E.g. <c>KrylovClusterBranches { Branches = ClusterBranches { … }, Solves = 12 }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(nameof(KrylovClusterBranches), $"Branches = {Branches}", $"Solves = {SolverIterations.Count}");
}
