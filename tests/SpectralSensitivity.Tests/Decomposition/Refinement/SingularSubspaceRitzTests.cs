using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Decomposition.Refinement;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Tests.Providers.Mkl;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition.Refinement;

/// <summary>
/// Extended-precision values of a window of singular values from its own subspace (<see cref="SingularSubspaceRitz"/>), checked against
/// the whole one-sided Jacobi refinement (a different algorithm on the whole SVD) and against values exact in binary; and the certificate
/// refuses (null) whenever its bound is not below an eighth of an ulp, rather than returning an uncertified value.
/// </summary>
public class SingularSubspaceRitzTests
{
    [Fact]
    public void Windows_of_random_matrices_agree_with_the_whole_refinement_to_an_ulp()
    {
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), Gen.Choose(0, 11).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (seed, first, count) =>
        {
            var (m, n) = (24, 16);
            var a = TestMatrices.Gaussian(m, n, seed);
            var (storage, svd) = (ColumnKernels.Storage(a), ThinSingularValueDecomposition.Compute(a));
            var whole = OneSidedJacobiRefinement.Refine(storage, m, n, ColumnKernels.Storage(svd.LeftVectors), ColumnKernels.Storage(svd.RightVectors)).S;
            var window = SingularSubspaceRitz.Values(storage, m, n, ColumnKernels.Storage(svd.RightVectors), svd.SingularValues.ToArray(), first, count, Beta(m, n, whole[0]));
            window.Should().NotBeNull("the values of a Gaussian matrix are far apart: the bound is far below an ulp");
            for (var j = 0; j < count; j++)
            {
                Math.Abs(window![j] - whole[first + j]).Should().BeLessThanOrEqualTo(Math.BitIncrement(whole[first + j]) - whole[first + j], "s_{0}, seed {1}", first + j + 1, seed);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_planted_exact_cluster_is_returned_exactly()
    {
        var a = Matrix<double>.Build.DenseOfMatrix(ClusterBlocks.Planted(60, 40, 0.05, 17, [4.0, 3.0, 3.0, 3.0]));
        var svd = ThinSingularValueDecomposition.Compute(a);
        var window = SingularSubspaceRitz.Values(ColumnKernels.Storage(a), 60, 40, ColumnKernels.Storage(svd.RightVectors), svd.SingularValues.ToArray(), 1, 3, Beta(60, 40, 4));
        window.Should().Equal(3.0, 3.0, 3.0);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(1.1)]
    [InlineData(3.0)]
    public void A_nearly_repeated_pair_gets_the_values_of_the_whole_refinement(double gapInTolerances)
    {
        var tolerance = SpectralTolerances.DefaultThreshold(5, 4, 3.0);
        var a = RepeatedClassificationOnProvidersTests.NearlyRepeated(gapInTolerances * tolerance, 5);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var storage = ColumnKernels.Storage(a);
        var whole = OneSidedJacobiRefinement.Refine(storage, 5, 4, ColumnKernels.Storage(svd.LeftVectors), ColumnKernels.Storage(svd.RightVectors)).S;
        var window = SingularSubspaceRitz.Values(storage, 5, 4, ColumnKernels.Storage(svd.RightVectors), svd.SingularValues.ToArray(), 1, 2, Beta(5, 4, 3));
        window.Should().NotBeNull();
        window![0].Should().BeApproximately(whole[1], Math.BitIncrement(whole[1]) - whole[1]);
        window[1].Should().BeApproximately(whole[2], Math.BitIncrement(whole[2]) - whole[2]);
    }

    [Fact]
    public void Inaccurate_vectors_or_a_window_that_cuts_a_tie_are_refused()
    {
        var a = TestMatrices.Gaussian(24, 16, 3);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var v = svd.RightVectors;
        v.SetColumn(2, (v.Column(2) + (1e-6 * v.Column(3))).Normalize(2));                 // a subspace off by 1e-6: residual 1e-6, bound 1e-12 ≫ ulp
        var storage = ColumnKernels.Storage(a);
        SingularSubspaceRitz.Values(storage, 24, 16, ColumnKernels.Storage(v), svd.SingularValues.ToArray(), 2, 1, Beta(24, 16, svd.SingularValues[0])).Should().BeNull();
        var planted = Matrix<double>.Build.DenseOfMatrix(ClusterBlocks.Planted(60, 40, 0.05, 17, [4.0, 3.0, 3.0, 3.0]));
        var plantedSvd = ThinSingularValueDecomposition.Compute(planted);
        SingularSubspaceRitz.Values(ColumnKernels.Storage(planted), 60, 40, ColumnKernels.Storage(plantedSvd.RightVectors), plantedSvd.SingularValues.ToArray(), 1, 2, Beta(60, 40, 4))
            .Should().BeNull("s_4 = s_3 lies outside the window: no separation");
    }

    /// <summary>β = max(m, n) ε s₁, the bound taken on the double values' error.</summary>
    private static double Beta(int m, int n, double largest) => SpectralTolerances.DefaultThreshold(m, n, largest);
}
