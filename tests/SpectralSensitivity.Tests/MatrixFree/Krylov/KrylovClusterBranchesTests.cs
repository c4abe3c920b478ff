using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Results;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>Branches of a cluster on the matrix-free path: the dense path's reduction fed by the matrix-free block recursion. Checked
/// against the dense path, the matrix-free mean (sum rule), one-sided Richardson differences of the sorted singular values of
/// A + tE (MathNet's SVD, no shared code), and exact power-of-two homogeneity.</summary>
public class KrylovClusterBranchesTests
{
    private const int Order = 4;

    [Theory]
    [InlineData(150, 100, 41)]
    [InlineData(100, 150, 42)]
    [InlineData(400, 300, 43)]
    public void Branches_of_a_planted_cluster_match_the_dense_path_and_the_estimates_cover_the_difference(int rows, int columns, int seed)
    {
        var (a, e) = KrylovClusterMeanTests.PlantedCluster(rows, columns, seed);
        var reference = SingularValueDerivatives.Branches(DenseFactors(a), PerturbationPath.Linear(Matrix<double>.Build.DenseOfMatrix(e)), 3, Order);
        var krylov = KrylovSingularValueDerivatives.Branches(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 3, Order);
        krylov.Branches.Cluster.Members.Should().Equal(2, 3, 4);
        krylov.Branches.TiedGroups.Should().BeEmpty("a random direction splits the cluster at first order");
        ShouldAgree(krylov, reference, 1e-8);
        krylov.MemberResiduals.Should().HaveCount(3);
        krylov.SolverResiduals.Should().HaveCount(3 * Order, "one solve per member and order");
    }

    [Fact]
    public void A_split_that_appears_only_at_order_2_matches_the_dense_path()
    {
        var (a, e0) = KrylovClusterMeanTests.PlantedCluster(150, 100, seed: 51);
        var dense = DenseFactors(a);
        var u = dense.LeftFactor.SubMatrix(0, 150, 1, 3);
        var e0Dense = Matrix<double>.Build.DenseOfMatrix(e0);
        var e = e0Dense - (u * u.TransposeThisAndMultiply(e0Dense));                      // U_cᵀ E = 0: M₁ = 0 on the cluster
        var reference = SingularValueDerivatives.Branches(dense, PerturbationPath.Linear(e), 2, Order);
        var krylov = KrylovSingularValueDerivatives.Branches(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 2, Order);
        foreach (var branch in krylov.Branches.Branches)
        {
            branch.Derivative(1).Should().BeApproximately(0, 1e-12, "the first order does not split");
        }

        reference.Branches.Select(b => b.Derivative(2)).Distinct().Should().HaveCount(3, "the second order splits all three");
        ShouldAgree(krylov, reference, 1e-8);
    }

    [Fact]
    public void The_branches_derivatives_sum_to_g_times_the_matrix_free_mean_and_the_first_order_to_the_eigenvalues_of_the_projected_direction()
    {
        var (a, e) = KrylovClusterMeanTests.PlantedCluster(120, 90, seed: 53);
        var (op, direction) = (LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e));
        var branches = KrylovSingularValueDerivatives.Branches(op, direction, 2, Order);
        var mean = KrylovSingularValueDerivatives.ClusterMean(op, direction, 2, Order);
        for (var n = 1; n <= Order; n++)
        {
            var sum = branches.Branches.Branches.Sum(b => b.Derivative(n));
            var expected = 3 * mean.Mean.Derivative(n);
            Math.Abs(sum - expected).Should().BeLessThan(1e-10 * Math.Max(1, branches.Branches.Branches.Max(b => Math.Abs(b.Derivative(n)))), "Σ_b D_{0} = g D_{0}(mean)", n);
        }

        var svd = PartialSingularValueDecomposition.Compute(op, 5);
        var projected = Matrix<double>.Build.Dense(3, 3, (i, j) => svd.LeftVectors.Column(i + 1).DotProduct(e * svd.RightVectors.Column(j + 1)));
        var splitting = (0.5 * (projected + projected.Transpose())).Evd().EigenValues.Select(x => x.Real).OrderDescending().ToArray();   // eigenvalues of sym(U_cᵀ E V_c)
        branches.Branches.Branches.Select(b => b.Derivative(1)).Should().Equal(splitting, (x, y) => Math.Abs(x - y) < 1e-11);
    }

    [Fact]
    public void One_sided_richardson_differences_of_the_sorted_singular_values_match_the_first_two_orders()
    {
        var (a, e) = KrylovClusterMeanTests.PlantedCluster(150, 100, seed: 55);
        var krylov = KrylovSingularValueDerivatives.Branches(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 4, Order).Branches.Branches;
        var (denseA, denseE) = (Matrix<double>.Build.DenseOfMatrix(a), Matrix<double>.Build.DenseOfMatrix(e));
        double[] Members(double t) => [.. (denseA + (t * denseE)).Svd(computeVectors: false).S.Skip(1).Take(3)];   // s₂ ≥ s₃ ≥ s₄ of A + tE: MathNet's SVD
        var at0 = Members(0);
        double[] First(double h) => [.. Members(h).Select((s, b) => (s - at0[b]) / h)];                           // D₁ + D₂ h/2 + O(h²)
        double[] Second(double h) => [.. Members(2 * h).Zip(Members(h), (s2, s1) => (s2, s1)).Select((p, b) => (p.s2 - (2 * p.s1) + at0[b]) / (h * h))];   // D₂ + D₃ h + O(h²)
        var (h1, h2) = (1e-4, 1e-2);
        var (first, firstHalf) = (First(h1), First(h1 / 2));
        var (second, secondHalf) = (Second(h2), Second(h2 / 2));
        for (var b = 0; b < 3; b++)
        {
            var d1 = (2 * firstHalf[b]) - first[b];                                                                // Richardson: D₁ + O(h²)
            var d2 = (2 * secondHalf[b]) - second[b];                                                              // D₂ + O(h²)
            krylov[b].Derivative(1).Should().BeApproximately(d1, 1e-8, "D₁ of branch {0}", b);
            krylov[b].Derivative(2).Should().BeApproximately(d2, 2e-4 * Math.Max(1, Math.Abs(d2)), "D₂ of branch {0}", b);
        }
    }

    [Theory]
    [InlineData(1000, 1000, Order)]
    [InlineData(-1000, -1000, Order)]
    [InlineData(0, 1000, 1)]
    [InlineData(0, -1000, 1)]
    [InlineData(1000, 0, 1)]
    [InlineData(-1000, 0, 1)]
    [InlineData(500, 125, Order)]
    [InlineData(-500, -125, Order)]
    [InlineData(0, 3, Order)]
    [InlineData(0, -200, 2)]
    public void Branches_and_their_error_estimates_are_exactly_homogeneous_under_powers_of_two(int matrixExponent, int directionExponent, int order)   // every D_n representable
    {
        var (a, e0) = KrylovClusterMeanTests.PlantedCluster(120, 90, seed: 57);
        var e = Math.ScaleB(1.0, -Math.ILogB(e0.Enumerate().Max(Math.Abs))) * e0;                                   // largest entry in [1, 2): E is used as stored, unscaled
        var plain = KrylovSingularValueDerivatives.Branches(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 3, order);
        var scaled = KrylovSingularValueDerivatives.Branches(LinearOperator.FromMatrix(Math.ScaleB(1.0, matrixExponent) * a),
            LinearOperator.FromMatrix(Math.ScaleB(1.0, directionExponent) * e), 3, order);
        scaled.Branches.Convergence.Radius.Should().Be(Math.ScaleB(plain.Branches.Convergence.Radius, matrixExponent - directionExponent), "r₀ = d/(2‖E‖₂)");
        scaled.SolverResiduals.Should().Equal(plain.SolverResiduals, "the solves run on the same normalised operators");
        for (var b = 0; b < 3; b++)
        {
            for (var n = 1; n <= order; n++)
            {
                var factor = matrixExponent + ((directionExponent - matrixExponent) * n);                              // D_n(2^a A)[2^b E] = 2^(a + (b − a) n) D_n(A)[E]
                scaled.Branches.Branches[b].Derivative(n).Should().Be(Math.ScaleB(plain.Branches.Branches[b].Derivative(n), factor));
                var estimate = Math.ScaleB(plain.DerivativeErrorEstimates[b][n - 1], factor);
                if (estimate >= 2.2250738585072014E-308)                                                               // subnormal: fewer than 53 bits, nothing exact to compare
                {
                    scaled.DerivativeErrorEstimates[b][n - 1].Should().Be(estimate, "the estimate of D_{0} of branch {1} at 2^{2} A, 2^{3} E", n, b, matrixExponent, directionExponent);
                }
            }
        }
    }

    [Theory]
    [InlineData(SpectrumEnd.LargestAlgebraic)]
    [InlineData(SpectrumEnd.SmallestAlgebraic)]
    public void Symmetric_branches_match_the_dense_eigenvalue_path_from_either_end(SpectrumEnd end)
    {
        var b = SparseTestMatrices.Random(60, 60, 0.05, seed: 59);
        var symmetric = Matrix<double>.Build.DenseOfMatrix(Math.ScaleB(1.0, -4) * (b + b.Transpose()));
        var sign = end == SpectrumEnd.LargestAlgebraic ? 1.0 : -1.0;
        ClusterBlocks.PlantSymmetric(symmetric, [0, 7, 19, 33], [4.0 * sign, 4.0 * sign, 4.0 * sign, 2.0 * sign]);
        var c = SparseTestMatrices.Random(60, 60, 0.05, seed: 60);
        var direction = Matrix<double>.Build.DenseOfMatrix(c + c.Transpose());
        var krylov = KrylovEigenvalueDerivatives.Branches(LinearOperator.FromMatrix(symmetric), LinearOperator.FromMatrix(direction), 2, end, Order);
        krylov.Branches.Cluster.Members.Should().Equal(1, 2, 3);
        var reference = EigenvalueDerivatives.Branches(SymmetricEigendecomposition.Compute(symmetric), PerturbationPath.Linear(direction), end == SpectrumEnd.LargestAlgebraic ? 59 : 2, Order);
        ShouldAgree(krylov, reference, 1e-8);
        var ascending = krylov.Branches.Branches.Select(x => end == SpectrumEnd.LargestAlgebraic ? 61 - x.Index : x.Index);
        ascending.Should().Equal(reference.Branches.Select(x => x.Index), "largest first; from the smallest end the indices fall as the values rise");
    }

    [Fact]
    public void A_zero_singular_value_is_refused_with_a_message_that_points_to_the_full_decomposition()
    {
        var random = SparseTestMatrices.Random(30, 20, 0.3, seed: 61);
        var a = Matrix<double>.Build.DenseOfMatrix(random.SubMatrix(0, 30, 0, 17) * Matrix<double>.Build.Random(17, 20, new MathNet.Numerics.Distributions.Normal(0, 1, new System.Random(62))));  // rank 17
        var e = Matrix<double>.Build.DenseOfMatrix(SparseTestMatrices.Random(30, 20, 0.3, seed: 63));
        var act = () => KrylovSingularValueDerivatives.Branches(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 19, 2);
        act.Should().Throw<InvalidSpectralInputException>().WithMessage("*s_19*zero*full decomposition*");
    }

    /// <summary>The dense path's thin SVD from MathNet's SVD as it comes, without the near-tie classification in extended precision
    /// (the planted cluster is an exact tie and needs none of it); the branches then come from the dense path's resolvent.</summary>
    internal static ThinSingularValueDecomposition DenseFactors(Matrix<double> a)
    {
        var svd = Matrix<double>.Build.DenseOfMatrix(a).Svd();
        var r = Math.Min(a.RowCount, a.ColumnCount);
        return ThinSingularValueDecomposition.FromFactors(svd.U.SubMatrix(0, a.RowCount, 0, r), svd.S, svd.VT.SubMatrix(0, r, 0, a.ColumnCount).Transpose());
    }

    internal static void ShouldAgree(KrylovClusterBranches krylov, ClusterBranches reference, double agreement)
    {
        krylov.Branches.Branches.Should().HaveCount(reference.Branches.Count);
        for (var b = 0; b < reference.Branches.Count; b++)
        {
            var (got, expected) = (krylov.Branches.Branches[b], reference.Branches[b]);
            got.Value.Should().BeApproximately(expected.Value, 1e-13 * Math.Max(1, Math.Abs(expected.Value)));
            for (var n = 1; n <= Order; n++)
            {
                var difference = Math.Abs(got.Derivative(n) - expected.Derivative(n));
                var scale = Math.Max(1, Math.Abs(expected.Derivative(n)));
                difference.Should().BeLessThan(agreement * scale, "order {0} of branch {1}", n, b);
                difference.Should().BeLessThan(krylov.DerivativeErrorEstimates[b][n - 1] + (1e-13 * scale), "the estimate covers the difference at order {0} of branch {1}", n, b);
                krylov.DerivativeErrorEstimates[b][n - 1].Should().BeLessThan(100 * agreement * scale, "the estimate (a worst case over the entries of M_j) stays informative at order {0} of branch {1}", n, b);
            }
        }
    }
}
