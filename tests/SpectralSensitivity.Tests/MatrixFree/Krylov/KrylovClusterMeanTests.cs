using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>Cluster means on the matrix-free path: the cluster is completed, every member's solve deflates it, and the mean agrees
/// with the dense block recursion and with finite differences of the members' sum.</summary>
public class KrylovClusterMeanTests
{
    [Fact]
    public void The_cluster_of_computed_values_matches_the_dense_decompositions_cluster()
    {
        var (a, _) = PlantedCluster(150, 100, seed: 43);
        var dense = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a));
        var svd = PartialSingularValueDecomposition.ComputeCluster(LinearOperator.FromMatrix(a), 3);
        foreach (var k in new[] { 2, 3, 4 })
        {
            var cluster = KrylovSingularValueDerivatives.Cluster(svd, k);
            var expected = dense.Cluster(k);
            cluster.Members.Should().Equal(expected.Members);
            cluster.Mean.Should().BeApproximately(expected.Mean, 1e-12 * dense.SingularValue(1));
            cluster.Gap.Should().BeApproximately(expected.Gap, 1e-10 * dense.SingularValue(1));
        }

        KrylovSingularValueDerivatives.Cluster(svd, 1).Members.Should().Equal(1);
    }

    [Fact]
    public void The_cluster_gap_is_one_rigorous_lower_bound_shared_by_the_cluster_the_mean_and_the_gradient_error()
    {
        var loose = KrylovOptions.Default with { Tolerance = 1e-7 };                          // residuals large enough to matter
        foreach (var seed in new[] { 43, 51, 57 })
        {
            var (a, e) = PlantedCluster(150, 100, seed);
            var denseSvd = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a));
            var svd = PartialSingularValueDecomposition.ComputeCluster(LinearOperator.FromMatrix(a), 3, loose);
            var residual = Enumerable.Range(0, svd.Count).Max(i => Math.Max(svd.LeftResiduals[i], svd.RightResiduals[i]));
            residual.Should().BeGreaterThan(1e-12 * svd.SingularValues[0], "the test needs residuals visible against the gap");
            var cluster = KrylovSingularValueDerivatives.Cluster(svd, 3);
            var expected = denseSvd.Cluster(3, loose.Tolerance);
            cluster.Members.Should().Equal(expected.Members);
            cluster.Gap.Should().BeLessThanOrEqualTo(expected.Gap * (1 + 1e-15), "a lower bound on the true distance to the rest of spec H (seed {0})", seed);
            cluster.Gap.Should().BeGreaterThanOrEqualTo(expected.Gap - (4 * residual), "within the residuals of the true distance");
            var mean = KrylovSingularValueDerivatives.ClusterMean(svd, LinearOperator.FromMatrix(e), 3, 1);
            mean.Mean.Cluster.Gap.Should().Be(cluster.Gap, "one bound for the cluster and the mean's series");

            var gradient = KrylovSingularValueDerivatives.ClusterMeanGradient(svd, 3);
            var members = Enumerable.Range(cluster.First - 1, cluster.Count).Max(i => Math.Max(svd.LeftResiduals[i], svd.RightResiduals[i]));
            gradient.ErrorEstimate.Should().Be(2 * members / cluster.Gap, "Davis–Kahan with the cluster's gap bound");
            var difference = (gradient.ToDense() - ClusterMeanDerivatives.At(denseSvd, 3, loose.Tolerance).Gradient()).FrobeniusNorm();
            difference.Should().BeLessThanOrEqualTo(gradient.ErrorEstimate, "the estimate covers the actual error (seed {0})", seed);
        }
    }

    [Fact]
    public void A_neighbour_that_the_residuals_cannot_separate_joins_the_cluster_so_the_gap_bound_stays_positive()
    {
        // s₃ sits 2e-8 below s₂ = 3, with a dense spectrum below them so that Lanczos converges slowly: apart at a cluster tolerance of
        // 1e-9 · s₁, but the loose residuals cannot certify that distance, so s₃ joins s₂; the dense decomposition keeps them apart.
        var values = new[] { 4.0, 3.0, 3.0 - 2e-8 }.Concat(Enumerable.Range(0, 77).Select(i => 2.99 - (0.01 * i))).ToArray();
        var a = TestMatrices.WithSingularValues(120, 80, values, seed: 61);
        var loose = KrylovOptions.Default with { Tolerance = 1e-5 };
        var svd = PartialSingularValueDecomposition.ComputeCluster(LinearOperator.FromMatrix(a), 2, loose, clusterTolerance: 1e-9);
        svd.Count.Should().BeGreaterThan(4);
        var chainEnd = Math.ScaleB(svd.ScaledGapBelow(1), svd.Exponent);
        chainEnd.Should().BeLessThanOrEqualTo(1e-9 * svd.SingularValues[0], "the premise: the bound below s₂ is not above the tolerance");
        (svd.SingularValues[1] - svd.SingularValues[2]).Should().BeGreaterThan(1e-9 * svd.SingularValues[0], "the premise: the computed values are apart");
        var cluster = KrylovSingularValueDerivatives.Cluster(svd, 2, 1e-9);
        cluster.Members.Should().Equal(2, 3);
        cluster.Gap.Should().BeGreaterThan(1e-9 * svd.SingularValues[0]);
        ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a)).Cluster(2, 1e-9).Members.Should().Equal(2);
    }

    [Fact]
    public void A_planted_exact_cluster_is_completed_and_its_mean_matches_the_dense_path()
    {
        var (a, e) = PlantedCluster(150, 100, seed: 41);
        var dense = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a));
        var denseE = Matrix<double>.Build.DenseOfMatrix(e);
        foreach (var index in new[] { 2, 3, 4 })
        {
            var krylov = KrylovSingularValueDerivatives.ClusterMean(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), index, 4);
            var reference = SingularValueDerivatives.ClusterMean(dense, PerturbationPath.Linear(denseE), index, 4);
            krylov.Mean.Cluster.Members.Should().Equal(2, 3, 4);
            krylov.Mean.Value.Should().BeApproximately(3.0, 1e-14, "the planted value is exact in binary");
            for (var n = 1; n <= 4; n++)
            {
                var expected = reference.Derivative(n);
                Math.Abs(krylov.Mean.Derivative(n) - expected).Should().BeLessThan(1e-9 * Math.Max(1, Math.Abs(expected)), "order {0} of the mean at k = {1}", n, index);
                krylov.DerivativeErrorEstimates[n - 1].Should().BeGreaterThan(0);
            }

            krylov.SolverResiduals.Should().HaveCount(3 * 4, "one solve per member and order");
            krylov.MemberResiduals.Should().HaveCount(3);
        }
    }

    [Fact]
    public void The_first_order_mean_is_the_trace_of_the_projected_direction_and_the_second_matches_finite_differences_of_the_sum()
    {
        var (a, e) = PlantedCluster(120, 90, seed: 43);
        var krylov = KrylovSingularValueDerivatives.ClusterMean(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 3, 2);
        var svd = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), 5);
        var trace = Enumerable.Range(1, 3).Sum(c => svd.LeftVectors.Column(c).DotProduct(e * svd.RightVectors.Column(c)));
        krylov.Mean.Derivative(1).Should().BeApproximately(trace / 3, 1e-11, "D1 of the mean = tr(U_cᵀ E V_c)/g");
        double Sum(double t) => ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a + (t * e))).SingularValues.Skip(1).Take(3).Sum() / 3;
        var h = 1e-3;
        var second = (Sum(h) - (2 * Sum(0)) + Sum(-h)) / (h * h);
        krylov.Mean.Derivative(2).Should().BeApproximately(second, 1e-5 * Math.Max(1, Math.Abs(second)), "central differences of the members' mean");
    }

    [Fact]
    public void Without_a_request_the_clustered_value_is_refused_naming_the_cluster_and_a_simple_value_is_the_cluster_of_one()
    {
        var (a, e) = PlantedCluster(120, 90, seed: 45);
        var act = () => KrylovSingularValueDerivatives.Expand(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 3, 2);
        act.Should().Throw<DegenerateSpectrumException>().Which.CollidingIndices.Should().Equal(2, 3, 4);
        var single = KrylovSingularValueDerivatives.Expand(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 1, 4);
        var asCluster = KrylovSingularValueDerivatives.ClusterMean(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 1, 4);
        asCluster.Mean.Cluster.Members.Should().Equal(1);
        for (var n = 1; n <= 4; n++)
        {
            asCluster.Mean.Derivative(n).Should().BeApproximately(single.Derivative(n), 1e-10 * Math.Max(1, Math.Abs(single.Derivative(n))));
        }
    }

    [Fact]
    public void A_symmetric_cluster_mean_matches_the_dense_eigenvalue_path()
    {
        var b = SparseTestMatrices.Random(60, 60, 0.05, seed: 47);
        var symmetric = Matrix<double>.Build.DenseOfMatrix(Math.ScaleB(1.0, -4) * (b + b.Transpose()));
        ClusterBlocks.PlantSymmetric(symmetric, [0, 7, 19, 33], [4.0, 4.0, 4.0, 2.0]);
        var c = SparseTestMatrices.Random(60, 60, 0.05, seed: 48);
        var direction = Matrix<double>.Build.DenseOfMatrix(c + c.Transpose());
        var krylov = KrylovEigenvalueDerivatives.ClusterMean(LinearOperator.FromMatrix(symmetric), LinearOperator.FromMatrix(direction), 2, SpectrumEnd.LargestAlgebraic, 4);
        krylov.Mean.Cluster.Members.Should().Equal(1, 2, 3);
        var reference = EigenvalueDerivatives.ClusterMean(SymmetricEigendecomposition.Compute(symmetric), PerturbationPath.Linear(direction), 59, 4);
        for (var n = 1; n <= 4; n++)
        {
            krylov.Mean.Derivative(n).Should().BeApproximately(reference.Derivative(n), 1e-9 * Math.Max(1, Math.Abs(reference.Derivative(n))));
        }

    }

    /// <summary>A sparse m × n matrix with an exact cluster {s₂, s₃, s₄} = 3 below s₁ = 4 (a Hadamard block on four scattered rows and
    /// columns) over a random sparse remainder of norm below 1, and a random sparse direction.</summary>
    internal static (Matrix<double> A, Matrix<double> E) PlantedCluster(int rows, int columns, int seed) =>
        (ClusterBlocks.Planted(rows, columns, 0.05, seed, [4.0, 3.0, 3.0, 3.0]), SparseTestMatrices.Random(rows, columns, 0.05, seed + 1));
}
