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

    /// <summary>
    /// T = diag(μ) and eigenvectors exact but for the window's column, turned by an angle with sine σ towards column k:
    /// q = c e_i + σ e_k. Closed form: θ = c² μ_i + σ² μ_k, r = ‖T q − θ q‖ = |c σ| |μ_i − μ_k|, η = min(θ − μ_{i−1}, μ_{i+1} − θ) − β − r,
    /// bound 2r²/(η + √(η² + 4r²)). σ is tuned so that this bound is <paramref name="fraction"/> times the threshold 2^−56 |θ|: the window
    /// is certified exactly when the fraction is below one, and then its value is μ_i exactly (the true Ritz error is below the bound).
    /// </summary>
    [Theory]
    [InlineData(2, 1, 0.5)]       // left neighbour 1 within 2^−44 ≈ 21 β: separation from the left
    [InlineData(2, 1, 0.98)]
    [InlineData(2, 1, 1.02)]
    [InlineData(2, 1, 2.0)]
    [InlineData(1, 2, 0.98)]      // the same pair seen from the right
    [InlineData(1, 2, 1.02)]
    [InlineData(0, 1, 0.5)]       // a negative value, no left neighbour
    [InlineData(0, 1, 2.0)]
    [InlineData(3, 2, 0.5)]       // the largest value, no right neighbour
    [InlineData(3, 2, 2.0)]
    public void The_certificate_is_given_exactly_where_the_closed_form_quadratic_bound_crosses_an_eighth_of_an_ulp(int window, int turnedTowards, double fraction)
    {
        const int n = 4;
        double[] mu = [-2.0, 1.0, 1.0 + Math.ScaleB(1.0, -44), 3.0];
        var beta = SpectralTolerances.DefaultThreshold(n, n, 3.0);
        var sine = 1e-30;
        for (var iteration = 0; iteration < 60; iteration++)
        {
            sine *= Math.Sqrt(fraction * Math.ScaleB(Math.Abs(Theta(sine)), -56) / Bound(sine));   // the bound grows as σ²
        }

        (Bound(sine) / Math.ScaleB(Math.Abs(Theta(sine)), -56)).Should().BeApproximately(fraction, 1e-9 * fraction, "σ is tuned to the fraction");
        var t = Matrix<double>.Build.DenseOfDiagonalArray(mu);
        var q = Matrix<double>.Build.DenseIdentity(n);
        var cosine = Math.Sqrt(1 - (sine * sine));
        (q[window, window], q[turnedTowards, window], q[window, turnedTowards], q[turnedTowards, turnedTowards]) = (cosine, sine, -sine, cosine);
        var values = SymmetricSubspaceRitz.Values(ColumnKernels.Storage(t), n, ColumnKernels.Storage(q), mu, window, 1, beta);
        if (fraction < 1)
        {
            values.Should().Equal([mu[window]], "σ = {0:R}", sine);
        }
        else
        {
            values.Should().BeNull("σ = {0:R}: the bound is {1} times an eighth of an ulp", sine, fraction);
        }

        double Theta(double s) => ((1 - (s * s)) * mu[window]) + (s * s * mu[turnedTowards]);

        double Bound(double s)
        {
            var theta = Theta(s);
            var r = Math.Sqrt(1 - (s * s)) * s * Math.Abs(mu[window] - mu[turnedTowards]);
            var separation = double.PositiveInfinity;
            separation = window > 0 ? Math.Min(separation, theta - mu[window - 1]) : separation;
            separation = window + 1 < n ? Math.Min(separation, mu[window + 1] - theta) : separation;
            var eta = separation - beta - r;
            return 2 * r * r / (eta + Math.Sqrt((eta * eta) + (4 * r * r)));
        }
    }
}
