using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Results;

/// <summary>The analytic branches of every member of a cluster along a path, largest first for small t &gt; 0.</summary>
/// <remarks>
/// <para>Rellich's theorem: along one analytic path each eigenvalue of a symmetric family is analytic, even through a
/// crossing; Kato's reduction process finds the branches order by order from the cluster's coefficient matrices (a split
/// may appear only at order 2 or later). Branches whose coefficients agree to the last order computed are reported in
/// <see cref="TiedGroups"/>: they are equal to that order, and which one is "the c-th" cannot be decided.</para>
/// <para>For the zero singular values of A: one signed branch per zero singular value (see <see cref="Branch"/>); the
/// <see cref="StructuralZeroCount"/> = |m − n| eigenvalues of <c>H(A(t))</c> that stay 0 are not singular values and are left out.</para>
/// </remarks>
public sealed class ClusterBranches
{
    internal ClusterBranches(SpectralCluster cluster, IReadOnlyList<Branch> branches, IReadOnlyList<IReadOnlyList<int>> tied, int structuralZeros, double gap, ConvergenceBound convergence)
    {
        Cluster = cluster;
        Branches = branches;
        TiedGroups = tied;
        StructuralZeroCount = structuralZeros;
        Gap = gap;
        Convergence = convergence;
    }

    /// <summary>The cluster: its members, spread and gap.</summary>
    public SpectralCluster Cluster { get; }

    /// <summary>One branch per member, largest first for small t &gt; 0 (for singular values, branch i belongs to index First + i).</summary>
    public IReadOnlyList<Branch> Branches { get; }

    /// <summary>Groups of branch indices (0-based into <see cref="Branches"/>) still equal after the last order computed.</summary>
    public IReadOnlyList<IReadOnlyList<int>> TiedGroups { get; }

    /// <summary>|m − n| for the zero singular values of a rectangular A (left out of <see cref="Branches"/>); 0 otherwise.</summary>
    public int StructuralZeroCount { get; }

    /// <summary>The cluster's gap d to the rest of the spectrum.</summary>
    public double Gap { get; }

    /// <summary>The convergence bound of the cluster's series (radius <c>r₀</c> with the cluster's gap).</summary>
    public ConvergenceBound Convergence { get; }

    /// <summary>One line: the cluster, the number of branches and the tied groups.</summary>
    /// <returns>E.g. <c>ClusterBranches { Cluster = [2, 3], Branches = 2, Tied = 0, Gap = 0.5 }</c>.</returns>
    public override string ToString() => ResultText.Members(
        nameof(ClusterBranches),
        $"Cluster = {ResultText.List(Cluster.Count, i => (Cluster.First + i).ToString(System.Globalization.CultureInfo.InvariantCulture))}",
        $"Branches = {Branches.Count}",
        $"Tied = {TiedGroups.Count}",
        $"Gap = {ResultText.Number(Gap)}");

    /// <summary>Builds the result from branches in the problem's scaled units (exact zero branches added up to the cluster's size).</summary>
    internal static ClusterBranches From(SpectralCluster cluster, IsolatedEigenproblem? problem, double[][] scaledSorted, int structuralZeros, bool signed, bool ascendingIndices, double gap, ConvergenceBound convergence, ExpansionCondition condition) =>
        From(cluster, problem is null ? ScaledCoefficients.Unscaled : branch => ScaledCoefficients.Of(problem, branch), scaledSorted, structuralZeros, signed, ascendingIndices, gap, convergence, condition);

    /// <summary>Builds the result from branches in scaled units, largest first, each given its powers of two to the caller's units by
    /// <paramref name="toCallerUnits"/>; exact zero branches are added up to the cluster's size. Without padding the order given is kept.</summary>
    internal static ClusterBranches From(SpectralCluster cluster, Func<double[], ScaledCoefficients> toCallerUnits, double[][] scaledSorted, int structuralZeros, bool signed, bool ascendingIndices, double gap, ConvergenceBound convergence, ExpansionCondition condition)
    {
        var padded = scaledSorted.Length == cluster.Count
            ? scaledSorted
            : BranchReduction.LargestFirst(scaledSorted.Concat(Enumerable.Range(0, cluster.Count - scaledSorted.Length).Select(_ => new double[condition.Order + 1])));
        var tied = BranchReduction.Ties(padded).Select(group => (IReadOnlyList<int>)group).ToArray();
        var branches = new List<Branch>();
        for (var i = 0; i < cluster.Count; i++)
        {
            var index = ascendingIndices ? cluster.First + cluster.Count - 1 - i : cluster.First + i;
            var leading = Array.FindIndex(padded[i], c => !BranchReduction.IsZero(c, padded[i]));
            var leftSign = signed && leading > 0 && leading % 2 == 1 ? -1 : 1;            // s(t) = (−1)^q s̃(t) for t < 0
            branches.Add(new Branch(index, toCallerUnits(padded[i]), gap, convergence, condition, leftSign));
        }

        return new ClusterBranches(cluster, branches, tied, structuralZeros, gap, convergence);
    }
}
