using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition.Refinement;

/// <summary>
/// The extended-precision SVD (<see cref="SvdRefinement.ExtendedPrecision"/>). Its accuracy against a 50-digit reference is
/// checked in HighPrecisionReferenceTests (singular values to 0 ulps, derivatives of orders 1..8 within 1e-11); the
/// special matrices run through ThinSingularValueDecompositionTests with both refinements. Here: exact cases and invariances.
/// </summary>
public class OneSidedJacobiRefinementTests
{
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

        var svd = ThinSingularValueDecomposition.Compute(a, SvdRefinement.ExtendedPrecision);
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
        var s = ThinSingularValueDecomposition.Compute(a, SvdRefinement.ExtendedPrecision).SingularValues;
        var huge = ThinSingularValueDecomposition.Compute(a * Math.ScaleB(1.0, 900), SvdRefinement.ExtendedPrecision).SingularValues;
        var tiny = ThinSingularValueDecomposition.Compute(a * Math.ScaleB(1.0, -900), SvdRefinement.ExtendedPrecision).SingularValues;
        var transposed = ThinSingularValueDecomposition.Compute(a.Transpose(), SvdRefinement.ExtendedPrecision).SingularValues;
        huge.Select(x => Math.ScaleB(x, -900)).Should().Equal(s, "the refinement scales by powers of two, exactly");
        tiny.Select(x => Math.ScaleB(x, 900)).Should().Equal(s);
        transposed.Should().Equal(s, (p, q) => Math.Abs(p - q) <= Math.BitIncrement(q) - q, "A and Aᵀ have the same exact singular values");
    }

    [Fact]
    public void Refined_factors_stay_within_the_double_SVD_error_and_keep_its_signs()
    {
        var a = TestMatrices.Gaussian(15, 10, 62);
        var standard = ThinSingularValueDecomposition.Compute(a);
        var refined = ThinSingularValueDecomposition.Compute(a, SvdRefinement.ExtendedPrecision);
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
    public void Undefined_refinement_values_are_rejected_with_a_message_naming_the_choices()
    {
        FluentActions.Invoking(() => ThinSingularValueDecomposition.Compute(TestMatrices.Gaussian(3, 2, 1), (SvdRefinement)7))
            .Should().Throw<SpectralSensitivity.Errors.InvalidSpectralInputException>().WithMessage("*None, ExtendedPrecision*");
    }
}
