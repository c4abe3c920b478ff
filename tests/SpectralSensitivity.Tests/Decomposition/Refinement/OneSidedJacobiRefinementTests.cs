using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition.Refinement;

/// <summary>
/// The extended-precision SVD (<see cref="DecompositionRefinement.ExtendedPrecision"/>). Its accuracy against a 50-digit reference is
/// checked in HighPrecisionReferenceTests (singular values to 0 ulps, derivatives of orders 1..8 within 1e-11); the
/// special matrices run through ThinSingularValueDecompositionTests with both refinements. Here: exact cases and invariances.
/// </summary>
public class OneSidedJacobiRefinementTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData(30, 20, 0)]
    [InlineData(25, 25, 0)]
    [InlineData(30, 20, 5)]   // rank-deficient: five zero singular values
    [InlineData(120, 80, 0)]
    public void Sweeps_started_from_the_double_SVD_converge_in_a_few(int m, int n, int nullity)
    {
        // From a double SVD the columns of A V₀ are orthogonal to about ε, so quadratic convergence needs one sweep that
        // rotates (ε → ε² ≈ 1e-32) and a second that finds nothing left (measured: 2 on every case here); allow one more.
        var a = nullity == 0 ? TestMatrices.Gaussian(m, n, 71) : TestMatrices.RankDeficient(m, n, n - nullity, 71);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var (_, _, _, sweeps) = SpectralSensitivity.Decomposition.Refinement.OneSidedJacobiRefinement.Refine(
            SpectralSensitivity.Operators.ColumnKernels.Storage(a), m, n,
            SpectralSensitivity.Operators.ColumnKernels.Storage(svd.LeftVectors), SpectralSensitivity.Operators.ColumnKernels.Storage(svd.RightVectors));
        output.WriteLine($"{m} x {n}, nullity {nullity}: {sweeps} sweeps");
        sweeps.Should().BeLessThanOrEqualTo(3);
    }

    [Fact]
    public void Diagonal_matrices_give_their_entries_exactly()
    {
        // Exact singular values |d_i|, sorted, and signed unit vectors: the refinement must return them to the last bit.
        double[] d = [0.1, -3.7, 2.0 / 3.0, 1e-9, 5.5];
        var a = Matrix<double>.Build.Dense(7, 5);
        for (var i = 0; i < 5; i++)
        {
            a[i, i] = d[i];
        }

        var svd = ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision);
        svd.SingularValues.ToArray().Should().Equal(d.Select(Math.Abs).OrderByDescending(x => x));
        var reconstructed = svd.LeftVectors * Matrix<double>.Build.DenseOfDiagonalVector(svd.SingularValues) * svd.RightVectors.Transpose();
        (reconstructed - a).Enumerate().Should().OnlyContain(x => Math.Abs(x) <= 1e-30 || Math.Abs(x) <= Tolerance.Epsilon * 4);
    }

    [Theory]
    [InlineData(12, 7)]
    [InlineData(7, 12)]
    [InlineData(9, 9)]
    public void Power_of_two_scaling_and_transposition_leave_the_refined_values_unchanged_to_the_bit(int m, int n)
    {
        var a = TestMatrices.Gaussian(m, n, 61);
        var s = ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision).SingularValues;
        var huge = ThinSingularValueDecomposition.Compute(a * Math.ScaleB(1.0, 900), DecompositionRefinement.ExtendedPrecision).SingularValues;
        var tiny = ThinSingularValueDecomposition.Compute(a * Math.ScaleB(1.0, -900), DecompositionRefinement.ExtendedPrecision).SingularValues;
        var transposed = ThinSingularValueDecomposition.Compute(a.Transpose(), DecompositionRefinement.ExtendedPrecision).SingularValues;
        huge.Select(x => Math.ScaleB(x, -900)).Should().Equal(s, "the refinement scales by powers of two, exactly");
        tiny.Select(x => Math.ScaleB(x, 900)).Should().Equal(s);
        transposed.Should().Equal(s, (p, q) => Math.Abs(p - q) <= Math.BitIncrement(q) - q, "A and Aᵀ have the same exact singular values");
    }

    [Fact]
    public void Refined_factors_stay_within_the_double_SVD_error_and_keep_its_signs()
    {
        var a = TestMatrices.Gaussian(15, 10, 62);
        var standard = ThinSingularValueDecomposition.Compute(a);
        var refined = ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision);
        for (var k = 1; k <= 10; k++)
        {
            // A double SVD is off by about ε s₁ in the values and ε s₁/gap in the vectors; the refinement moves no further.
            var bound = 64 * Tolerance.Epsilon * standard.SingularValue(1);
            refined.SingularValue(k).Should().BeApproximately(standard.SingularValue(k), bound);
            var vectorBound = bound / standard.Gap(k);
            (refined.LeftVectors.Column(k - 1) - standard.LeftVectors.Column(k - 1)).L2Norm().Should().BeLessThan(vectorBound);
            (refined.RightVectors.Column(k - 1) - standard.RightVectors.Column(k - 1)).L2Norm().Should().BeLessThan(vectorBound);
        }
    }

    [Fact]
    public void Refined_factors_are_orthonormal_reproduce_A_and_agree_with_the_double_SVD_on_random_shapes_and_ranks()
    {
        var cases =
            from m in Gen.Choose(1, 12)
            from n in Gen.Choose(1, 12)
            from rank in Gen.Choose(0, Math.Min(m, n))
            from seed in Gen.Choose(0, 100000)
            select (M: m, N: n, Rank: rank, Seed: seed);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var a = c.Rank == Math.Min(c.M, c.N) ? TestMatrices.Gaussian(c.M, c.N, c.Seed) : TestMatrices.RankDeficient(c.M, c.N, c.Rank, c.Seed);
            var standard = ThinSingularValueDecomposition.Compute(a);
            var refined = ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision);
            var r = Math.Min(c.M, c.N);
            var identity = Matrix<double>.Build.DenseIdentity(r);
            var orthonormality = 4 * Tolerance.Epsilon * Math.Sqrt(Math.Max(c.M, c.N));
            var reconstructed = refined.LeftVectors * Matrix<double>.Build.DenseOfDiagonalVector(refined.SingularValues) * refined.RightVectors.Transpose();
            var scale = Math.Max(standard.SingularValues[0], 1e-300);
            var ordered = Enumerable.Range(1, r - 1).All(i => refined.SingularValues[i] <= refined.SingularValues[i - 1]);
            var nearStandard = Enumerable.Range(0, r).All(i => Math.Abs(refined.SingularValues[i] - standard.SingularValues[i]) <= 64 * Tolerance.Epsilon * scale);
            return ordered
                && nearStandard
                && (refined.LeftVectors.TransposeThisAndMultiply(refined.LeftVectors) - identity).L2Norm() <= orthonormality
                && (refined.RightVectors.TransposeThisAndMultiply(refined.RightVectors) - identity).L2Norm() <= orthonormality
                && (reconstructed - a).L2Norm() <= 8 * Tolerance.Epsilon * Math.Sqrt(c.M + c.N) * scale
                && refined.Rank == standard.Rank;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Undefined_refinement_values_are_rejected_with_a_message_naming_the_choices()
    {
        FluentActions.Invoking(() => ThinSingularValueDecomposition.Compute(TestMatrices.Gaussian(3, 2, 1), (DecompositionRefinement)7))
            .Should().Throw<SpectralSensitivity.Errors.InvalidSpectralInputException>().WithMessage("*None, ExtendedPrecision*");
    }
}
