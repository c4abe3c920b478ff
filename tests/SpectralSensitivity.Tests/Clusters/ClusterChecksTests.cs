using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpectralSensitivity.Tests.Clusters;

/// <summary>Checks of the cluster mean and the branches that share no code with the recursion: finite differences of the
/// members' values, the first-order splitting as eigenvalues of <c>sym(U_cᵀ E V_c)</c>, exact zeros, and homogeneity.</summary>
public class ClusterChecksTests(ITestOutputHelper output)
{
    public static TheoryData<string> ExactClusters =>
        [.. ClusterFixture.Cases.Where(c => !c.Zero && !c.Symmetric && c.Individual is null).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(ExactClusters))]
    public void Mean_matches_finite_differences_of_the_members_sum(string name)
    {
        var c = ClusterFixture.Named(name);
        var mean = ClusterReferenceTests.Mean(c, 3);
        double MembersMean(double t) => ThinSingularValueDecomposition.Compute(c.Matrix + t * c.Direction).SingularValues
            .Skip(c.First - 1).Take(c.Count).Average();
        var h = 0.05 * mean.Convergence.Radius;
        var first = FiniteDifferences.First(MembersMean, h);
        var second = FiniteDifferences.Second(MembersMean, h);
        output.WriteLine($"{name}: D1 {mean.Derivatives[0]:G15} vs {first:G15}; D2 {mean.Derivatives[1]:G15} vs {second:G15}");
        first.Should().BeApproximately(mean.Derivatives[0], 1e-8 * Math.Max(1, Math.Abs(first)));
        second.Should().BeApproximately(mean.Derivatives[1], 1e-5 * Math.Max(1, Math.Abs(second)));
    }

    [Theory]
    [MemberData(nameof(ExactClusters))]
    public void First_order_branches_are_the_eigenvalues_of_the_symmetric_part_of_the_projected_direction(string name)
    {
        var c = ClusterFixture.Named(name);
        var svd = ThinSingularValueDecomposition.Compute(c.Matrix);
        var uc = svd.LeftVectors.SubMatrix(0, svd.RowCount, c.First - 1, c.Count);
        var vc = svd.RightVectors.SubMatrix(0, svd.ColumnCount, c.First - 1, c.Count);
        var projected = uc.TransposeThisAndMultiply(c.Direction) * vc;
        var symmetric = 0.5 * (projected + projected.Transpose());
        var expected = symmetric.Evd(Symmetricity.Symmetric).EigenValues.Select(x => x.Real).OrderDescending().ToArray();
        var branches = ClusterReferenceTests.Branches(c, 1).Branches.Select(b => b.Derivatives[0]).ToArray();
        branches.Should().Equal(expected, (x, y) => Math.Abs(x - y) <= 1e-13 * Math.Max(1, Math.Abs(y)));
    }

    [Fact]
    public void Nearly_repeated_groups_have_an_accurate_mean_while_the_members_own_derivatives_blow_up()
    {
        foreach (var c in ClusterFixture.Cases.Where(c => c.Individual is not null))
        {
            var mean = ClusterReferenceTests.Mean(c, 5);
            mean.Cluster.Count.Should().Be(3);
            var svd = ThinSingularValueDecomposition.Compute(c.Matrix);
            svd.Cluster(c.First).Count.Should().Be(1, "the default tolerance sees distinct values");
            for (var member = 0; member < c.Count; member++)
            {
                var own = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(c.Direction), c.First + member, 3);
                output.WriteLine($"{c.Name}: member {c.First + member}: D1..D3 = {string.Join(", ", own.Derivatives.Select(d => d.ToString("G4")))}; reference D2 {c.Individual![member][1]:G4}; mean D2 {mean.Derivatives[1]:G6}");
                // the members' singular vectors are only determined to about ε s₁ / spread, and so is their first derivative
                var conditioning = 64 * Tolerance.Epsilon * svd.SingularValues[0] / mean.Cluster.Spread;
                own.Derivatives[0].Should().BeApproximately(c.Individual[member][0], conditioning);
                Math.Abs(own.Derivatives[1]).Should().BeGreaterThan(1e5 * Math.Max(1, Math.Abs(mean.Derivatives[1])), "the member's D2 grows like 1/spread");
                Math.Sign(own.Derivatives[1]).Should().Be(Math.Sign(c.Individual[member][1]));
            }

            for (var j = 1; j <= 5; j++)
            {
                Math.Abs(mean.Derivatives[j - 1] - c.Mean![j - 1]).Should().BeLessThan(1e-10 * Math.Max(1, Math.Abs(c.Mean[j - 1])));
            }
        }
    }

    [Fact]
    public void A_zero_singular_value_that_cannot_move_is_exactly_zero_and_the_moving_one_matches_its_first_order_formula()
    {
        // 10 x 4 of rank 2 along a rank-one E = x yᵀ: A + tE has rank at most 3, so s_4(t) = 0 for every t.
        var c = ClusterFixture.Named("tall 9x6, rank 3: zero cluster of 3");
        var random = new Random(5);
        var u = Matrix<double>.Build.Dense(10, 2, (i, j) => random.NextDouble() - 0.5);
        var v = Matrix<double>.Build.Dense(4, 2, (i, j) => random.NextDouble() - 0.5);
        var a = u * v.Transpose();
        var x = Vector<double>.Build.Dense(10, _ => random.NextDouble() - 0.5);
        var y = Vector<double>.Build.Dense(4, _ => random.NextDouble() - 0.5);
        var e = x.OuterProduct(y);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var result = SingularValueDerivatives.Branches(svd, PerturbationPath.Linear(e), 4, 3);
        result.Cluster.Members.Should().Equal(3, 4);
        result.StructuralZeroCount.Should().Be(6);
        result.Branches.Should().HaveCount(2);
        result.Branches[1].TaylorCoefficients.Should().OnlyContain(value => value == 0.0);
        result.Branches[1].LeftDerivatives.Should().OnlyContain(value => value == 0.0);

        // first order: the singular value of (I − U₊U₊ᵀ) E V₀ = ‖(I − U₊U₊ᵀ) x‖ ‖V₀ᵀ y‖
        var uPlus = svd.LeftVectors.SubMatrix(0, 10, 0, 2);
        var v0 = svd.RightVectors.SubMatrix(0, 4, 2, 2);
        var expected = (x - uPlus * (uPlus.TransposeThisAndMultiply(x))).L2Norm() * v0.TransposeThisAndMultiply(y).L2Norm();
        result.Branches[0].Derivatives[0].Should().BeApproximately(expected, 1e-13 * expected);
        result.Branches[0].LeftDerivatives[0].Should().Be(-result.Branches[0].Derivatives[0], "s(t) = |s̃(t)| has a kink");

        // one-sided difference of s_3(A + tE) at t > 0 (Richardson on h, 2h)
        double S3(double t) => ThinSingularValueDecomposition.Compute(a + t * e).SingularValues[2];
        var h = 1e-4;
        ((4 * S3(h) - S3(2 * h)) / (2 * h)).Should().BeApproximately(expected, 1e-6 * expected);
        _ = c;
    }

    public static TheoryData<string, int> Scales
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var name in new[] { "wide 5x7, middle cluster of 3", "tall 9x6, rank 3: zero cluster of 3", "wide 4x7, rank 2: zero cluster of 2", "symmetric 6x6, cluster of 3" })
            {
                foreach (var exponent in new[] { -1000, -500, 500, 1000 })
                {
                    data.Add(name, exponent);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Means_and_branches_are_exactly_homogeneous(string name, int exponent)
    {
        var c = ClusterFixture.Named(name);
        var scaled = c with { Matrix = c.Matrix * Math.ScaleB(1, exponent), Direction = c.Direction * Math.ScaleB(1, exponent) };
        var baseBranches = ClusterReferenceTests.Branches(c, 4).Branches;
        var scaledBranches = ClusterReferenceTests.Branches(scaled, 4).Branches;
        for (var b = 0; b < baseBranches.Count; b++)
        {
            Same(baseBranches[b].TaylorCoefficients, scaledBranches[b].TaylorCoefficients, exponent);
            Same(baseBranches[b].LeftDerivatives, scaledBranches[b].LeftDerivatives, exponent);
        }

        if (!c.Zero)
        {
            Same(ClusterReferenceTests.Mean(c, 6).TaylorCoefficients, ClusterReferenceTests.Mean(scaled, 6).TaylorCoefficients, exponent);
        }
    }

    /// <summary>s(2^k A + t 2^k E) = 2^k s(A + tE): every coefficient scales by 2^k exactly, where the result is a normal number.</summary>
    private static void Same(IReadOnlyList<double> expected, IReadOnlyList<double> actual, int exponent)
    {
        for (var j = 0; j < expected.Count; j++)
        {
            var target = Math.ScaleB(expected[j], exponent);
            if (target == 0 || Math.Abs(target) >= 2.2250738585072014e-308)
            {
                actual[j].Should().Be(target, $"coefficient {j} at 2^{exponent}");
            }
        }
    }
}
