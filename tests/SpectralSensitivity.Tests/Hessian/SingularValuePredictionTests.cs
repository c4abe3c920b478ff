using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using static SpectralSensitivity.Tests.Hessian.HessianTestCases;

namespace SpectralSensitivity.Tests.Hessian;

public class SingularValuePredictionTests
{
    [Theory]
    [EveryCaseAndIndex]
    public void Second_order_prediction_is_gradient_plus_half_the_Hessian_form_and_within_its_bounds(string name, int k)
    {
        var testCase = Named(name);
        var direction = Gaussian(testCase.Matrix.RowCount, testCase.Matrix.ColumnCount, 800 + k);
        var perturbation = 0.01 * testCase.Svd.Gap(k) / direction.FrobeniusNorm() * direction;
        var prediction = SingularValuePrediction.SecondOrder(testCase.Svd, k, perturbation);
        // Each term's rounding scales with its own order: the first-order term is a sum of size ‖E‖, the second of ‖E‖²/d.
        var firstOrderScale = DerivativeArithmeticScale(testCase.Svd, k, 1, perturbation.FrobeniusNorm());
        var secondOrderScale = DerivativeArithmeticScale(testCase.Svd, k, 2, perturbation.FrobeniusNorm());
        prediction.Order.Should().Be(2);
        prediction.Terms[0].Should().Be(testCase.Svd.SingularValue(k));
        prediction.Terms[1].Should().BeApproximately(SingularValueGradient.Directional(testCase.Svd, k, perturbation), firstOrderScale);
        prediction.Terms[2].Should().BeApproximately(0.5 * HessianVectorProduct.At(testCase.Svd, k).QuadraticForm(perturbation), secondOrderScale);
        prediction.Prediction.Should().BeApproximately(prediction.Terms.Sum(), 4 * Epsilon * prediction.Prediction);

        var actual = ThinSingularValueDecomposition.Compute(testCase.Matrix + perturbation).SingularValue(k);
        var rounding = 8 * Epsilon * testCase.Svd.SingularValues[0] * Math.Sqrt(testCase.Matrix.RowCount * testCase.Matrix.ColumnCount);
        var error = Math.Abs(actual - prediction.Prediction);
        error.Should().BeLessThanOrEqualTo(prediction.ErrorBound + rounding, "the Cauchy bound is rigorous");
        error.Should().BeLessThanOrEqualTo(4 * Math.Abs(prediction.NextTerm) + rounding, "at 1% of the gap the series converges fast, so the next term dominates the error");
    }

    [Fact]
    public void Higher_order_predictions_shrink_the_error()
    {
        var testCase = Named("tall 7x4");
        var direction = Gaussian(7, 4, 77);
        var perturbation = 0.1 * testCase.Svd.Gap(3) / direction.FrobeniusNorm() * direction;
        var actual = ThinSingularValueDecomposition.Compute(testCase.Matrix + perturbation).SingularValue(3);
        var errors = Enumerable.Range(1, 4).Select(order => Math.Abs(SingularValuePrediction.ToOrder(testCase.Svd, 3, perturbation, order).Prediction - actual)).ToArray();
        errors.Should().BeInDescendingOrder();
        var far = SingularValuePrediction.SecondOrder(testCase.Svd, 3, 10 * testCase.Svd.Gap(3) / direction.FrobeniusNorm() * direction);
        far.ErrorBound.Should().Be(double.PositiveInfinity, "beyond the disk where s_k stays isolated there is no bound");
        var badOrder = () => SingularValuePrediction.ToOrder(testCase.Svd, 3, perturbation, 0);
        badOrder.Should().Throw<DerivativeOrderOutOfRangeException>();
    }
}
