using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Results;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>What <c>derivatives</c> and <c>eig-derivatives</c> compute with <c>--decomposition krylov</c>: the few triplets (pairs) needed,
/// then each selected value's expansion or its cluster's mean, with the residuals and error estimates in the JSON.</summary>
internal static class KrylovExpansions
{
    /// <summary>One expansion (or cluster mean) computed matrix-free, as the command prints it.</summary>
    internal sealed record Result(int Index, SpectralExpansion Expansion, ExpansionJson Json);

    /// <summary>Why the request needs the full decomposition, or null when krylov serves it.</summary>
    public static string? Unsupported(string method, string refinement, IndexSelection selection, ClusterRequest request) =>
        method == DerivativeMethod.ClosedForm ? "--method closed-form sums over every singular pair, which needs the full decomposition"
        : refinement != RefinementOption.None ? "--refinement extended-precision refines a full decomposition"
        : selection.IsAll ? "-k all needs every value; give the indices (e.g. -k 1..5)"
        : request == ClusterRequest.Branches ? "--branches runs on the full decomposition; --cluster-mean works matrix-free"
        : null;

    /// <summary>Singular values <c>s_k(A + tE)</c> (or their clusters' means) for the selected k.</summary>
    public static IReadOnlyList<Result> OfSingularValues(ILinearOperator a, ILinearOperator e, IndexSelection selection, int order, ClusterRequest request, double? tolerance)
    {
        var indices = selection.Resolve(Math.Min(a.RowCount, a.ColumnCount), "singular value");
        if (request == ClusterRequest.Mean)
        {
            return indices.Select(k => Mean(KrylovSingularValueDerivatives.ClusterMean(a, e, k, order, tolerance), k, c => c, true, a, tolerance)).ToArray();
        }

        var svd = PartialSingularValueDecomposition.ComputeThrough(a, indices.Max());
        return indices.Select(k =>
        {
            var expansion = KrylovSingularValueDerivatives.Expand(svd, e, k, order);
            return new Result(k, expansion, Value(expansion, k, true, a) with { LeftResidual = expansion.LeftResidual, RightResidual = expansion.RightResidual });
        }).ToArray();
    }

    /// <summary>Eigenvalues <c>μ_k(T + tT₁)</c> (ascending k) or their clusters' means: k in the lower half from the smallest end, the rest from the largest.</summary>
    public static IReadOnlyList<Result> OfEigenvalues(ILinearOperator t, ILinearOperator e, IndexSelection selection, int order, ClusterRequest request, double? tolerance)
    {
        var n = t.RowCount;
        var indices = selection.Resolve(n, "eigenvalue");
        if (request == ClusterRequest.Mean)
        {
            return indices.Select(k =>
            {
                var (end, fromEnd) = FromEnd(k, n);
                return Mean(KrylovEigenvalueDerivatives.ClusterMean(t, e, fromEnd, end, order, tolerance), k, c => Ascending(c, end, n), false, t, tolerance);
            }).ToArray();
        }

        var decompositions = indices.Select(k => FromEnd(k, n)).GroupBy(x => x.End)
            .ToDictionary(g => g.Key, g => PartialSymmetricEigendecomposition.ComputeThrough(t, g.Max(x => x.Index), g.Key));
        return indices.Select(k =>
        {
            var (end, fromEnd) = FromEnd(k, n);
            var expansion = KrylovEigenvalueDerivatives.Expand(decompositions[end], e, fromEnd, order);
            return new Result(k, expansion, Value(expansion, k, false, t) with { Residual = expansion.Residual });
        }).ToArray();
    }

    /// <summary>The summary lines below the table: decomposition, residuals and the error estimate of each derivative.</summary>
    public static void Render(IAnsiConsole console, ExpansionJson json)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("decomposition", DecompositionOption.Krylov);
        var residuals = json.MemberResiduals ?? [.. new[] { json.LeftResidual, json.RightResidual, json.Residual }.OfType<double>()];
        grid.AddRow("pair residuals", string.Join(", ", residuals.Select(Number.Short)));
        grid.AddRow("error estimates D_1..D_N", string.Join(", ", json.DerivativeErrorEstimates!.Select(Number.Short)));
        console.Write(grid);
    }

    private static ExpansionJson Value(KrylovExpansion expansion, int index, bool singular, ILinearOperator a) =>
        Expansions.ToJson(expansion, DerivativeMethod.Recursion, RefinementOption.None, singular, a.RowCount, a.ColumnCount) with
        {
            Index = index,
            Decomposition = DecompositionOption.Krylov,
            DerivativeErrorEstimates = expansion.DerivativeErrorEstimates,
            SolverResiduals = expansion.SolverResiduals,
            SolverIterations = expansion.SolverIterations,
        };

    private static Result Mean(KrylovClusterMeanExpansion result, int index, Func<int, int> member, bool singular, ILinearOperator a, double? tolerance) =>
        new(index, result.Mean, Expansions.ToJson(result.Mean, DerivativeMethod.Recursion, RefinementOption.None, singular, a.RowCount, a.ColumnCount) with
        {
            Index = index,
            Cluster = [.. result.Mean.Cluster.Members.Select(member).Order()],
            ClusterTolerance = tolerance ?? KrylovOptions.Default.Tolerance,
            Decomposition = DecompositionOption.Krylov,
            MemberResiduals = result.MemberResiduals,
            DerivativeErrorEstimates = result.DerivativeErrorEstimates,
            SolverResiduals = result.SolverResiduals,
            SolverIterations = result.SolverIterations,
        });

    /// <summary>Ascending k of n as (end, index from that end): the lower half from the smallest, the upper from the largest.</summary>
    private static (SpectrumEnd End, int Index) FromEnd(int k, int n) => k <= n - k + 1 ? (SpectrumEnd.SmallestAlgebraic, k) : (SpectrumEnd.LargestAlgebraic, n - k + 1);

    private static int Ascending(int fromEnd, SpectrumEnd end, int n) => end == SpectrumEnd.SmallestAlgebraic ? fromEnd : n - fromEnd + 1;
}
