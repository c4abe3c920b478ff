using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
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
