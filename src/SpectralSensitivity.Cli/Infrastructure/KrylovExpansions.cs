using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Results;
using SpectralSensitivity.Spectrum;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>What <c>derivatives</c> and <c>eig-derivatives</c> compute with <c>--decomposition krylov</c>: the few triplets (pairs) needed,
/// then each selected value's expansion, its cluster's mean or its cluster's branches, with the residuals and error estimates in the JSON.</summary>
internal static class KrylovExpansions
{
    /// <summary>What one selected index gives, computed matrix-free.</summary>
    internal abstract record Result(int Index);

    /// <summary>One expansion (or cluster mean), as the command prints it.</summary>
    internal sealed record ExpansionResult(int Index, SpectralExpansion Expansion, ExpansionJson Json) : Result(Index);

    /// <summary>The branches of the index's cluster, as the command prints them; <paramref name="Number"/> maps a member to its printed index.</summary>
    internal sealed record BranchesResult(int Index, KrylovClusterBranches Branches, BranchesJson Json, Func<int, int> Number) : Result(Index);

    /// <summary>Why the request needs the full decomposition, or null when krylov serves it.</summary>
    public static string? Unsupported(string method, string refinement, IndexSelection selection, ClusterRequest request) =>
        method == DerivativeMethod.ClosedForm ? "--method closed-form sums over every singular pair, which needs the full decomposition"
        : refinement != RefinementOption.None ? "--refinement extended-precision refines a full decomposition"
        : selection.IsAll ? "-k all needs every value; give the indices (e.g. -k 1..5)"
        : null;

    /// <summary>Singular values <c>s_k(A + tE)</c> (or their clusters' means or branches) for the selected k; <paramref name="vectors"/> says whether a single
    /// value's expansion needs the vector coefficients of every order (else its values take ⌊N/2⌋ solves).</summary>
    public static IReadOnlyList<Result> OfSingularValues(ILinearOperator a, ILinearOperator e, IndexSelection selection, int order, ClusterRequest request, double? tolerance, VectorCoefficients vectors)
    {
        var indices = selection.Resolve(Math.Min(a.RowCount, a.ColumnCount), "singular value");
        if (request == ClusterRequest.Mean)
        {
            return indices.Select(k => Mean(KrylovSingularValueDerivatives.ClusterMean(a, e, k, order, tolerance), k, c => c, true, a, tolerance)).ToArray();
        }

        if (request == ClusterRequest.Branches)
        {
            return indices.Select(k => Branches(KrylovSingularValueDerivatives.Branches(a, e, k, order, tolerance), k, k, c => c, true, a, tolerance)).ToArray();
        }

        var svd = PartialSingularValueDecomposition.ComputeThrough(a, indices.Max());
        return indices.Select(k =>
        {
            var expansion = KrylovSingularValueDerivatives.Expand(svd, e, k, order, vectors);
            return new ExpansionResult(k, expansion, Value(expansion, k, true, a) with { LeftResidual = expansion.LeftResidual, RightResidual = expansion.RightResidual });
        }).ToArray();
    }

    /// <summary>Eigenvalues <c>μ_k(T + tT₁)</c> (ascending k) or their clusters' means or branches: k in the lower half from the smallest end, the rest from the largest;
    /// <paramref name="vectors"/> as for <see cref="OfSingularValues"/>.</summary>
    public static IReadOnlyList<Result> OfEigenvalues(ILinearOperator t, ILinearOperator e, IndexSelection selection, int order, ClusterRequest request, double? tolerance, VectorCoefficients vectors)
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

        if (request == ClusterRequest.Branches)
        {
            return indices.Select(k =>
            {
                var (end, fromEnd) = FromEnd(k, n);
                return Branches(KrylovEigenvalueDerivatives.Branches(t, e, fromEnd, end, order, tolerance), k, fromEnd, c => Ascending(c, end, n), false, t, tolerance);
            }).ToArray();
        }

        var decompositions = indices.Select(k => FromEnd(k, n)).GroupBy(x => x.End)
            .ToDictionary(g => g.Key, g => PartialSymmetricEigendecomposition.ComputeThrough(t, g.Max(x => x.Index), g.Key));
        return indices.Select(k =>
        {
            var (end, fromEnd) = FromEnd(k, n);
            var expansion = KrylovEigenvalueDerivatives.Expand(decompositions[end], e, fromEnd, order, vectors);
            return new ExpansionResult(k, expansion, Value(expansion, k, false, t) with { Residual = expansion.Residual });
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

    /// <summary>The summary lines below the branches' table: decomposition, the members' residuals and each branch's error estimates.</summary>
    public static void Render(IAnsiConsole console, BranchesJson json)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("decomposition", DecompositionOption.Krylov);
        grid.AddRow("pair residuals", string.Join(", ", json.MemberResiduals!.Select(Number.Short)));
        for (var b = 0; b < json.Branches.Count; b++)
        {
            grid.AddRow($"error estimates, branch {b + 1}", string.Join(", ", json.BranchErrorEstimates![b].Select(Number.Short)));
        }

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

    private static ExpansionResult Mean(KrylovClusterMeanExpansion result, int index, Func<int, int> member, bool singular, ILinearOperator a, double? tolerance) =>
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

    /// <summary>The branches of the cluster of index k (<paramref name="member"/> maps a member's own number to k's numbering), with the
    /// residuals and each branch's error estimates.</summary>
    private static BranchesResult Branches(KrylovClusterBranches result, int index, int own, Func<int, int> member, bool singular, ILinearOperator a, double? tolerance)
    {
        var branches = result.Branches;
        var value = branches.Branches.First(b => b.Index == own).Value;
        var json = BranchesJson.From(branches, index, value, tolerance ?? KrylovOptions.Default.Tolerance, RefinementOption.None, singular, a.RowCount, a.ColumnCount) with
        {
            Cluster = [.. branches.Cluster.Members.Select(member).Order()],
            Decomposition = DecompositionOption.Krylov,
            MemberResiduals = result.MemberResiduals,
            BranchErrorEstimates = result.DerivativeErrorEstimates,
            SolverResiduals = result.SolverResiduals,
            SolverIterations = result.SolverIterations,
        };
        return new BranchesResult(index, result, json, member);
    }

    /// <summary>Ascending k of n as (end, index from that end): the lower half from the smallest, the upper from the largest.</summary>
    private static (SpectrumEnd End, int Index) FromEnd(int k, int n) => k <= n - k + 1 ? (SpectrumEnd.SmallestAlgebraic, k) : (SpectrumEnd.LargestAlgebraic, n - k + 1);

    private static int Ascending(int fromEnd, SpectrumEnd end, int n) => end == SpectrumEnd.SmallestAlgebraic ? fromEnd : n - fromEnd + 1;
}
