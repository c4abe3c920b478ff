using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Decomposition.Refinement;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition.Refinement;

/// <summary>
/// Extended-precision values of a window of eigenvalues from its own subspace (<see cref="SymmetricSubspaceRitz"/>), checked against the
/// whole two-sided Jacobi refinement and against values exact in binary; the certificate refuses rather than return an uncertified value.
/// </summary>
public class SymmetricSubspaceRitzTests
{
    [Fact]
    public void Windows_of_random_symmetric_matrices_agree_with_the_whole_refinement_to_an_ulp()
    {
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), Gen.Choose(0, 12).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (seed, first, count) =>
        {
            const int n = 16;
            var g = TestMatrices.Gaussian(n, n, seed);
            var t = g + g.Transpose();
            var storage = ColumnKernels.Storage(t);
            var eig = SymmetricEigendecomposition.Compute(t);
            var whole = SymmetricJacobiRefinement.Refine(storage, n, ColumnKernels.Storage(eig.Eigenvectors)).Values;
            var largest = Math.Max(Math.Abs(whole[0]), Math.Abs(whole[^1]));
            var window = SymmetricSubspaceRitz.Values(storage, n, ColumnKernels.Storage(eig.Eigenvectors), eig.Eigenvalues.ToArray(), first, count, SpectralTolerances.DefaultThreshold(n, n, largest));
            if (window is null)
            {
                return Enumerable.Range(first, count).Any(i => Math.Abs(whole[i]) < 1e-6 * largest);   // refused only for a value too close to zero for an eighth of its ulp
            }

            return Enumerable.Range(0, count).All(j => Math.Abs(window[j] - whole[first + j]) <= Math.BitIncrement(Math.Abs(whole[first + j])) - Math.Abs(whole[first + j]));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_planted_exact_cluster_is_returned_exactly_and_a_window_that_cuts_it_is_refused()
    {
        var b = SparseTestMatrices.Random(40, 40, 0.1, seed: 5);
        var t = Matrix<double>.Build.DenseOfMatrix(Math.ScaleB(1.0, -4) * (b + b.Transpose()));
        ClusterBlocks.PlantSymmetric(t, [0, 7, 19, 33], [4.0, 4.0, 4.0, 2.0]);
        var eig = SymmetricEigendecomposition.Compute(t);
        var storage = ColumnKernels.Storage(t);
        var beta = SpectralTolerances.DefaultThreshold(40, 40, 4.0);
        SymmetricSubspaceRitz.Values(storage, 40, ColumnKernels.Storage(eig.Eigenvectors), eig.Eigenvalues.ToArray(), 37, 3, beta).Should().Equal(4.0, 4.0, 4.0);
        SymmetricSubspaceRitz.Values(storage, 40, ColumnKernels.Storage(eig.Eigenvectors), eig.Eigenvalues.ToArray(), 37, 2, beta).Should().BeNull("μ_40 = μ_39 lies outside the window");
    }
}
