using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>Matrix-free branches of an exact cluster {s₂, s₃, s₄} of a 3000 × 2000 sparse matrix (1 % density) against the dense path's
/// branches (SingularValueDerivatives.Branches on MKL's SVD), orders 1..4, and the sum rule against the matrix-free mean.</summary>
/// <remarks>The dense reference needs MKL's SVD: skipped with the reason locally when MKL does not load, required in CI.</remarks>
[Collection(GlobalProviderCollection.Name)]
public sealed class LargeSparseClusterBranchesTests
{
    [NativeFact(NativeBackend.Mkl)]
    public void Branches_of_a_cluster_at_3000_x_2000_agree_with_the_dense_path_within_1e_8()
    {
        var a = ClusterBlocks.Planted(3000, 2000, 0.01, seed: 71, [4.0, 3.0, 3.0, 3.0]);
        var e = SparseTestMatrices.Random(3000, 2000, 0.01, seed: 72);
        var dense = ProviderSwitch.On("mkl", () => KrylovClusterBranchesTests.DenseFactors(a));
        var reference = SingularValueDerivatives.Branches(dense, PerturbationPath.Linear(Matrix<double>.Build.DenseOfMatrix(e)), 2, 4);
        var (op, direction) = (LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e));
        var krylov = KrylovSingularValueDerivatives.Branches(op, direction, 2, 4);
        krylov.Branches.Cluster.Members.Should().Equal(2, 3, 4);
        KrylovClusterBranchesTests.ShouldAgree(krylov, reference, 1e-8);
        var mean = KrylovSingularValueDerivatives.ClusterMean(op, direction, 2, 4);
        for (var n = 1; n <= 4; n++)
        {
            var sum = krylov.Branches.Branches.Sum(b => b.Derivative(n));
            Math.Abs(sum - (3 * mean.Mean.Derivative(n))).Should().BeLessThan(1e-10 * Math.Max(1, Math.Abs(sum)), "Σ_b D_{0} = g D_{0}(mean)", n);
        }
    }
}
