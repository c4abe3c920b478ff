using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition.Refinement;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition.Refinement;

/// <summary>
/// The quadratic residual bound (<see cref="QuadraticResidualBound"/>): attained exactly by the 2 × 2 block <c>[[0, r], [r, η]]</c>
/// (checked through Vieta's relations, which share nothing with the formula, and against MathNet's eigensolver), obeyed by the sorted
/// eigenvalues of random symmetric matrices against an inexact subspace, exactly homogeneous under powers of two, and +∞ (never NaN)
/// when it does not apply.
/// </summary>
public class QuadraticResidualBoundTests
{
    [Fact]
    public void Is_the_exact_eigenvalue_shift_of_the_two_by_two_block_by_vietas_relations()
    {
        // [[0, r], [r, η]] has eigenvalues −b and η + b with b the bound: product −b (η + b) = −r², sum η.
        Prop.ForAll(Gen.Choose(1, 1 << 20).ToArbitrary(), Gen.Choose(1, 1 << 20).ToArbitrary(), Gen.Choose(-30, 30).ToArbitrary(), (rBits, etaBits, shift) =>
        {
            var r = rBits / (double)(1 << 16);
            var eta = Math.ScaleB(etaBits / (double)(1 << 16), shift);
            var b = QuadraticResidualBound.Of(r, eta);
            return b > 0 && Math.Abs((b * (eta + b)) - (r * r)) <= 16 * Tolerance.Epsilon * r * r;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.3, 2.5)]
    [InlineData(3.0, 0.7)]
    [InlineData(1e-4, 1.0)]
    [InlineData(0.5, 1e-3)]
    public void Equals_the_distance_of_the_two_by_two_blocks_eigenvalue_from_the_ritz_value(double r, double eta)
    {
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { 0, r }, { r, eta } });
        var lowest = h.Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum();                    // −b, the Ritz value 0 moved by r
        var tolerance = 16 * Tolerance.Epsilon * (eta + r);
        QuadraticResidualBound.Of(r, eta).Should().BeApproximately(-lowest, tolerance);
        QuadraticResidualBound.Of(r, eta).Should().BeLessThanOrEqualTo(Math.Min(r, r * r / eta) * (1 + (8 * Tolerance.Epsilon)));   // ≤ min(r, r²/η)
    }

    [Fact]
    public void Bounds_the_sorted_eigenvalue_differences_of_a_subspace_known_to_a_thousandth()
    {
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (seed, count) =>
        {
            const int n = 8;
            var lambda = Enumerable.Range(0, n).Select(i => (double)i + (0.25 * (i % 3))).ToArray();
            var q = TestMatrices.Orthonormal(n, n, seed);
            var h = q * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * q.Transpose();
            h = (h + h.Transpose()) / 2;
            var perturbed = q.SubMatrix(0, n, 0, count) + (1e-3 * TestMatrices.Gaussian(n, count, seed + 1));
            var full = perturbed.Append(TestMatrices.Gaussian(n, n - count, seed + 2)).QR().Q;     // [X, X⊥] orthonormal
            var x = full.SubMatrix(0, n, 0, count);
            var complement = full.SubMatrix(0, n, count, n - count);
            var ritz = (x.Transpose() * h * x).Evd(Symmetricity.Symmetric);
            x *= ritz.EigenVectors;                                                                   // Xᵀ H X = Θ diagonal
            var theta = ritz.EigenValues.Real();
            var residual = ((h * x) - (x * Matrix<double>.Build.DenseOfDiagonalVector(theta))).L2Norm();
            var w = (complement.Transpose() * h * complement).Evd(Symmetricity.Symmetric).EigenValues.Real();
            var eta = theta.Min(t => w.Min(value => Math.Abs(t - value)));
            var bound = QuadraticResidualBound.Of(residual, eta);
            var blocks = theta.Concat(w).Order().ToArray();
            var roundoff = 64 * Tolerance.Epsilon * n * lambda[^1];
            return eta > 0 && bound < 1e-2 && Enumerable.Range(0, n).All(i => Math.Abs(blocks[i] - lambda[i]) <= bound + roundoff);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Is_zero_when_nothing_else_is_in_the_spectrum() => QuadraticResidualBound.Of(0.5, double.PositiveInfinity).Should().Be(0);

    [Theory]
    [InlineData(-1000)]
    [InlineData(-600)]
    [InlineData(-100)]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(600)]
    [InlineData(1000)]
    public void Scales_exactly_with_a_power_of_two(int exponent)
    {
        foreach (var (r, eta) in new[] { (1.0, 1.0), (0.3, 2.5), (3.0, 0.7), (1e-4, 1.0) })
        {
            QuadraticResidualBound.Of(Math.ScaleB(r, exponent), Math.ScaleB(eta, exponent)).Should().Be(Math.ScaleB(QuadraticResidualBound.Of(r, eta), exponent));
        }
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(2.0, -0.0)]
    [InlineData(1.0, -1.0)]
    [InlineData(0.0, -1.0)]
    [InlineData(1.0, double.NegativeInfinity)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    public void Is_infinite_without_a_positive_separation_or_a_finite_residual(double r, double eta) =>
        QuadraticResidualBound.Of(r, eta).Should().Be(double.PositiveInfinity);

    [Fact]
    public void Is_zero_for_an_exact_subspace() => QuadraticResidualBound.Of(0, 1e-300).Should().Be(0);
}
