using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Results;
using SpectralSensitivity.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpectralSensitivity.Tests.Clusters;

/// <summary>
/// Cluster means and branches against the 60-digit reference of scripts/reference/make-cluster-reference.py (mpmath SVDs
/// and symmetric eigenvalues of A + tE at Chebyshev nodes; no resolvent, recursion or reduction): exact-in-binary matrices
/// with clusters of 2 to 5 members at the top, in the middle, at the bottom and at zero, tall, wide and square.
/// </summary>
public class ClusterReferenceTests(ITestOutputHelper output)
{
    private const double MeanTarget = 1e-10;
    private const double BranchTarget = 1e-9;

    public static TheoryData<string> MeanCases => [.. ClusterFixture.Cases.Where(c => c.Mean is not null).Select(c => c.Name)];

    /// <summary>Exact repeats and zeros. (A nearly repeated group's branches are its members' own expansions, whose radius is the
    /// spread: the reference's interval sees the group, not them; <see cref="NearlyRepeatedGroupTests"/> covers them.)</summary>
    public static TheoryData<string> BranchCases => [.. ClusterFixture.Cases.Where(c => c.Individual is null).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(MeanCases))]
    public void Cluster_mean_orders_1_to_6_match_the_reference(string name)
    {
        var c = ClusterFixture.Named(name);
        var expansion = Mean(c, 6);
        expansion.Cluster.First.Should().Be(c.First);
        expansion.Cluster.Count.Should().Be(c.Count);
        for (var j = 1; j <= 6; j++)
        {
            var error = Relative(expansion.Derivatives[j - 1], c.Mean![j - 1]);
            output.WriteLine($"{name}: order {j}: {expansion.Derivatives[j - 1]:G17} vs {c.Mean[j - 1]:G17}, error {error:G3}");
            error.Should().BeLessThan(MeanTarget, $"order {j}");
        }
    }

    [Theory]
    [MemberData(nameof(BranchCases))]
    public void Branches_orders_1_to_4_match_the_one_sided_reference(string name)
    {
        var c = ClusterFixture.Named(name);
        var result = Branches(c, 4);
        result.Branches.Should().HaveCount(c.Count);
        for (var b = 0; b < c.Count; b++)
        {
            for (var j = 1; j <= 4; j++)
            {
                var error = Relative(result.Branches[b].Derivatives[j - 1], c.Branches[b][j - 1]);
                output.WriteLine($"{name}: branch {b} order {j}: {result.Branches[b].Derivatives[j - 1]:G17} vs {c.Branches[b][j - 1]:G17}, error {error:G3}");
                error.Should().BeLessThan(BranchTarget, $"branch {b}, order {j}");
            }
        }

        if (c.LeftBranches is { } left)
        {
            // the reference sorts the values on t < 0: order the library's left-sided expansions the same way
            var mine = result.Branches.Select(b => b.LeftDerivatives.ToArray()).OrderByDescending(d => d, LeftOrder.Instance).ToArray();
            for (var b = 0; b < c.Count; b++)
            {
                for (var j = 1; j <= 4; j++)
                {
                    Relative(mine[b][j - 1], left[b][j - 1]).Should().BeLessThan(BranchTarget, $"left branch {b}, order {j}");
                }
            }
        }
    }

    internal static ClusterMeanExpansion Mean(ClusterCase c, int order, double? tolerance = null) => c.Symmetric
        ? EigenvalueDerivatives.ClusterMean(SymmetricEigendecomposition.Compute(c.Matrix), PerturbationPath.Linear(c.Direction), c.First, order, tolerance ?? Tolerance(c))
        : SingularValueDerivatives.ClusterMean(ThinSingularValueDecomposition.Compute(c.Matrix), PerturbationPath.Linear(c.Direction), c.First, order, tolerance ?? Tolerance(c));

    internal static ClusterBranches Branches(ClusterCase c, int order) => c.Symmetric
        ? EigenvalueDerivatives.Branches(SymmetricEigendecomposition.Compute(c.Matrix), PerturbationPath.Linear(c.Direction), c.First, order, Tolerance(c))
        : SingularValueDerivatives.Branches(ThinSingularValueDecomposition.Compute(c.Matrix), PerturbationPath.Linear(c.Direction), c.First, order, Tolerance(c));

    /// <summary>Nearly repeated groups need a tolerance wider than their spread; exact repeats use the default.</summary>
    private static double? Tolerance(ClusterCase c) => c.Individual is null ? null : 1e-5;

    private static double Relative(double value, double reference) => Math.Abs(value - reference) / Math.Max(1.0, Math.Abs(reference));

    /// <summary>Orders left-sided derivative lists by the value for small t &lt; 0: compare D_j (−1)^j lexicographically.</summary>
    private sealed class LeftOrder : IComparer<double[]>
    {
        public static readonly LeftOrder Instance = new();

        public int Compare(double[]? x, double[]? y)
        {
            for (var j = 0; j < x!.Length; j++)
            {
                var sign = j % 2 == 0 ? -1 : 1;                                   // t^(j+1) with t < 0
                var difference = sign * (x[j] - y![j]);
                if (Math.Abs(difference) > 1e-8 * Math.Max(1, Math.Abs(x[j])))
                {
                    return Math.Sign(difference);
                }
            }

            return 0;
        }
    }
}
