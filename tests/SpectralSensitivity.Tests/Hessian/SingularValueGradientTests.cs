using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using static SpectralSensitivity.Tests.Hessian.HessianTestCases;

namespace SpectralSensitivity.Tests.Hessian;

public class SingularValueGradientTests
{
    [Theory]
    [EveryCaseAndIndex]
    public void Gradient_matches_central_differences_of_the_singular_value(string name, int k)
    {
        var testCase = Named(name);
        var a = testCase.Matrix;
        var gradient = SingularValueGradient.Compute(testCase.Svd, k);
        var d = testCase.Svd.Gap(k);
        // central difference: truncation h²/6 |s'''| ≤ h² (2/d)², rounding ε‖A‖/h
        var h = Math.Cbrt(Epsilon * testCase.Svd.SingularValues[0] * d * d);
        var tolerance = 10 * (h * h * 4 / (d * d) + Epsilon * testCase.Svd.SingularValues[0] / h);
        for (var j = 0; j < a.ColumnCount; j++)
        {
            for (var i = 0; i < a.RowCount; i++)
            {
                var plus = a.Clone();
                plus[i, j] += h;
                var minus = a.Clone();
                minus[i, j] -= h;
                var difference = (plus.Svd(false).S[k - 1] - minus.Svd(false).S[k - 1]) / (2 * h);
                gradient[i, j].Should().BeApproximately(difference, tolerance, $"entry ({i}, {j})");
            }
        }
    }

    [Fact]
    public void Gradient_is_invariant_under_a_joint_sign_flip_of_the_singular_vectors()
    {
        var svd = Named("tall 7x4").Svd;
        var flip = Matrix<double>.Build.DenseDiagonal(svd.Size, svd.Size, i => i % 2 == 0 ? -1.0 : 1.0);
        var flipped = ThinSingularValueDecomposition.FromFactors(svd.LeftVectors * flip, svd.SingularValues, svd.RightVectors * flip);
        for (var k = 1; k <= svd.Size; k++)
        {
            (SingularValueGradient.Compute(flipped, k) - SingularValueGradient.Compute(svd, k)).FrobeniusNorm().Should().Be(0);
        }
    }

    [Fact]
    public void Several_gradients_at_once_equal_one_at_a_time_and_the_directional_derivative_is_their_inner_product()
    {
        var testCase = Named("wide 4x6");
        var direction = Gaussian(4, 6, 99);
        var gradients = SingularValueGradient.Compute(testCase.Svd, [3, 1]);
        gradients.Should().HaveCount(2);
        (gradients[0] - SingularValueGradient.Compute(testCase.Svd, 3)).FrobeniusNorm().Should().Be(0);
        var inner = gradients[1].PointwiseMultiply(direction).Enumerate().Sum();
        SingularValueGradient.Directional(testCase.Svd, 1, direction).Should().BeApproximately(inner, 8 * Epsilon * direction.FrobeniusNorm() * 24);
    }

    [Fact]
    public void Gradient_refuses_repeated_and_zero_singular_values()
    {
        var repeated = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseDiagonal(3, 3, i => i == 2 ? 1.0 : 2.0));
        var act = () => SingularValueGradient.Compute(repeated, 1);
        act.Should().Throw<DegenerateSpectrumException>().Which.Kind.Should().Be(Degeneracy.Repeated);
        var deficient = Named("rank-deficient 6x5 rank 3").Svd;
        var zero = () => SingularValueGradient.Compute(deficient, 5);
        zero.Should().Throw<DegenerateSpectrumException>().Which.Kind.Should().Be(Degeneracy.Zero);
        var outOfRange = () => SingularValueGradient.Compute(deficient, 6);
        outOfRange.Should().Throw<SpectralIndexOutOfRangeException>();
    }
}
