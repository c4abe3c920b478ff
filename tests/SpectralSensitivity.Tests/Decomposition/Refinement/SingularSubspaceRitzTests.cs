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

    [Fact]
    public void A_window_that_cuts_a_tie_on_its_left_is_refused()
    {
        var planted = Matrix<double>.Build.DenseOfMatrix(ClusterBlocks.Planted(60, 40, 0.05, 17, [4.0, 3.0, 3.0, 3.0]));
        var svd = ThinSingularValueDecomposition.Compute(planted);
        var storage = ColumnKernels.Storage(planted);
        var (v, s) = (ColumnKernels.Storage(svd.RightVectors), svd.SingularValues.ToArray());
        SingularSubspaceRitz.Values(storage, 60, 40, v, s, 2, 2, Beta(60, 40, 4)).Should().BeNull("s_2 = s_3 lies outside the window, on its left");
        SingularSubspaceRitz.Values(storage, 60, 40, v, s, 1, 3, Beta(60, 40, 4)).Should().Equal(3.0, 3.0, 3.0);
    }

    [Fact]
    public void A_window_holding_an_exact_zero_is_refused()
    {
        var a = Matrix<double>.Build.DenseOfDiagonalArray(6, 4, [3.0, 2.0, 1.0, 0.0]);
        SingularSubspaceRitz.Values(ColumnKernels.Storage(a), 6, 4, ColumnKernels.Storage(Matrix<double>.Build.DenseIdentity(4)), [3.0, 2.0, 1.0, 0.0], 3, 1, Beta(6, 4, 3))
            .Should().BeNull("θ = 0 has no relative accuracy to certify");
    }

    /// <summary>
    /// A = diag(d) (m × n) and right vectors exact but for the window's column, turned by an angle with sine σ towards column k:
    /// v = c e_i + σ e_k. Closed form: θ² = c² d_i² + σ² d_k², r = ‖Aᵀu − θ v‖/√2 = |c σ| |d_i² − d_k²| / (θ √2), the nearest other
    /// eigenvalue of H at min(d_{i−1} − θ, θ − d_{i+1}, θ + (0 if m &gt; n else d_n)), η = that − β − r, bound 2r²/(η + √(η² + 4r²)).
    /// σ is tuned so that this bound is <paramref name="fraction"/> times the threshold 2^−56 θ: the window is certified exactly when the
    /// fraction is below one, and then its value is d_i exactly (the true Ritz error is below the bound).
    /// </summary>
    [Theory]
    [InlineData(6, 2, 1, 0.5)]       // left neighbour 1 + 2^−44 within 14 β: separation from the left, η ≈ 13 β
    [InlineData(6, 2, 1, 0.98)]
    [InlineData(6, 2, 1, 1.02)]
    [InlineData(6, 2, 1, 2.0)]
    [InlineData(6, 1, 2, 0.98)]      // the same pair seen from the right
    [InlineData(6, 1, 2, 1.02)]
    [InlineData(6, 3, 2, 0.5)]       // tall, smallest value 2^−20: its nearest other eigenvalue of H is the kernel 0, η ≈ θ
    [InlineData(6, 3, 2, 1.5)]
    [InlineData(4, 3, 2, 0.75)]      // square, smallest value 2^−20: its nearest other eigenvalue of H is −θ, η ≈ 2θ
    [InlineData(4, 3, 2, 1.5)]
    public void The_certificate_is_given_exactly_where_the_closed_form_quadratic_bound_crosses_an_eighth_of_an_ulp(int m, int window, int turnedTowards, double fraction)
    {
        const int n = 4;
        double[] d = [3.0, 1.0 + Math.ScaleB(1.0, -44), 1.0, Math.ScaleB(1.0, -20)];
        var beta = Beta(m, n, d[0]);
        var sine = 1e-30;
        for (var iteration = 0; iteration < 60; iteration++)
        {
            sine *= Math.Sqrt(fraction * Math.ScaleB(Theta(sine), -56) / Bound(sine));   // the bound grows as σ²
        }

        (Bound(sine) / Math.ScaleB(Theta(sine), -56)).Should().BeApproximately(fraction, 1e-9 * fraction, "σ is tuned to the fraction");

        var a = Matrix<double>.Build.DenseOfDiagonalArray(m, n, d);
        var v = Matrix<double>.Build.DenseIdentity(n);
        var cosine = Math.Sqrt(1 - (sine * sine));
        (v[window, window], v[turnedTowards, window], v[window, turnedTowards], v[turnedTowards, turnedTowards]) = (cosine, sine, -sine, cosine);
        var values = SingularSubspaceRitz.Values(ColumnKernels.Storage(a), m, n, ColumnKernels.Storage(v), d, window, 1, beta);
        if (fraction < 1)
        {
            values.Should().Equal([d[window]], "σ = {0:R}", sine);
        }
        else
        {
            values.Should().BeNull("σ = {0:R}: the bound is {1} times an eighth of an ulp", sine, fraction);
        }

        double Theta(double s) => Math.Sqrt(((1 - (s * s)) * d[window] * d[window]) + (s * s * d[turnedTowards] * d[turnedTowards]));

        double Bound(double s)
        {
            var theta = Theta(s);
            var r = Math.Sqrt(1 - (s * s)) * s * Math.Abs((d[window] - d[turnedTowards]) * (d[window] + d[turnedTowards])) / (theta * Math.Sqrt(2));
            var separation = theta + (m > n ? 0 : d[n - 1]);
            separation = window > 0 ? Math.Min(separation, d[window - 1] - theta) : separation;
            separation = window + 1 < n ? Math.Min(separation, theta - d[window + 1]) : separation;
            var eta = separation - beta - r;
            return 2 * r * r / (eta + Math.Sqrt((eta * eta) + (4 * r * r)));
        }
    }

    /// <summary>β = max(m, n) ε s₁, the bound taken on the double values' error.</summary>
    private static double Beta(int m, int n, double largest) => SpectralTolerances.DefaultThreshold(m, n, largest);
}
