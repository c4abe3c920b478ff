using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Tests.Results;

public class SpectralExpansionTests
{
    [Fact]
    public void Predictions_of_lower_order_and_derivatives_follow_the_coefficients()
    {
        // s₁(diag(3, 1) + t [[0, 1], [1, 0]]) = 2 + √(1 + t²)
        var expansion = SingularValueDerivatives.Expand(
            Matrix<double>.Build.DenseOfDiagonalArray([3.0, 1.0]), Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 1.0 }, { 1.0, 0.0 } }), 1, 4);
        expansion.Order.Should().Be(4);
        expansion.Value.Should().BeApproximately(3, 1e-15);
        expansion.Predict(0.1, 0).Should().BeApproximately(3, 1e-15);
        expansion.Predict(0.1, 2).Should().BeApproximately(3 + 0.005, 1e-15);
        expansion.Derivative(2).Should().BeApproximately(1, 1e-14);
        expansion.Gap.Should().BeApproximately(2, 1e-14);
        Math.Abs(expansion.Predict(0.1) - (2 + Math.Sqrt(1.01))).Should().BeLessThanOrEqualTo(expansion.PredictionErrorBound(0.1));
        FluentActions.Invoking(() => expansion.Derivative(5)).Should().Throw<DerivativeOrderOutOfRangeException>();
        FluentActions.Invoking(() => expansion.Predict(0.1, 5)).Should().Throw<DerivativeOrderOutOfRangeException>();
    }
}
