using SpectralSensitivity.Results;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>The JSON of <c>--branches</c>: one array <c>[D1..DN]</c> per member, largest first for small t &gt; 0.</summary>
/// <remarks><paramref name="LeftBranches"/> only for a zero cluster (left-sided derivatives, t → 0−); <paramref name="Tied"/> the
/// groups of branch positions (0-based) still equal after order N; <paramref name="StructuralZeros"/> the |m − n| zero
/// eigenvalues of H(A + tE) left out of a zero cluster.</remarks>
internal sealed record BranchesJson(
    int Index,
    int Order,
    string Method,
    string Refinement,
    double? SingularValue,
    double? Eigenvalue,
    IReadOnlyList<int> Cluster,
    double ClusterTolerance,
    IReadOnlyList<IReadOnlyList<double>> Branches,
    IReadOnlyList<IReadOnlyList<double>>? LeftBranches,
    IReadOnlyList<IReadOnlyList<int>>? Tied,
    int? StructuralZeros,
    double Gap,
    double ConvergenceRadius,
    int Rows,
    int Columns)
{
    public static BranchesJson From(ClusterBranches result, int index, double value, double tolerance, string refinement, bool singular, int rows, int columns) => new(
        index,
        result.Branches[0].Order,
        DerivativeMethod.Recursion,
        refinement,
        singular ? value : null,
        singular ? null : value,
        result.Cluster.Members,
        tolerance,
        [.. result.Branches.Select(b => b.Derivatives)],
        result.Cluster.IsZero ? [.. result.Branches.Select(b => b.LeftDerivatives)] : null,
        result.TiedGroups.Count > 0 ? result.TiedGroups : null,
        result.Cluster.IsZero ? result.StructuralZeroCount : null,
        result.Gap,
        result.Convergence.Radius,
        rows,
        columns);

    /// <summary>The decomposition used: "dense" or "krylov".</summary>
    public string? Decomposition { get; init; }

    /// <summary>Krylov: each member's pair residual (for singular values the larger of the two).</summary>
    public IReadOnlyList<double>? MemberResiduals { get; init; }

    /// <summary>Krylov: for each branch (same order as <see cref="Branches"/>), the estimated absolute error of D_1..D_N.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? BranchErrorEstimates { get; init; }

    /// <summary>Krylov: the true residual of each shifted solve (g per order).</summary>
    public IReadOnlyList<double>? SolverResiduals { get; init; }

    /// <summary>Krylov: the iterations of each shifted solve.</summary>
    public IReadOnlyList<int>? SolverIterations { get; init; }
}
