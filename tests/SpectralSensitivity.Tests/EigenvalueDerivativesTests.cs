using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Tests.Series;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests;

public class EigenvalueDerivativesTests
{
    private static Matrix<double> Symmetric(int n, int seed)
    {
        var g = TestMatrices.Gaussian(n, n, seed);
        return (g + g.Transpose()) / 2;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    public void Recursion_closed_form_and_Cauchy_reference_agree(int n)
    {
        var t = Symmetric(n, 10 + n);
        var t1 = Symmetric(n, 20 + n);
        var eig = SymmetricEigendecomposition.Compute(t);
        for (var k = 1; k <= n; k++)
        {
            var recursion = EigenvalueDerivatives.Expand(eig, PerturbationPath.Linear(t1), k, 7);
            var closed = EigenvalueDerivatives.ClosedForm(eig, PerturbationPath.Linear(t1), k, 7);
            var radius = 0.5 * recursion.Convergence.Radius;
            var reference = CauchyTaylorReference.Coefficients(t, t1, eig.Eigenvalue(k), eig.Eigenvectors.Column(k - 1), recursion.Gap, radius, 6);
            for (var j = 1; j <= 7; j++)
            {
                var scale = KatoClosedFormTests.CoefficientScale(recursion, j);
                closed.TaylorCoefficients[j].Should().BeApproximately(recursion.TaylorCoefficients[j], 8 * j * Tolerance.Epsilon * Math.Sqrt(n) * scale, $"k = {k}, order {j}");
                if (j <= 6)
                {
                    var tolerance = 64 * Tolerance.Epsilon * Math.Sqrt(n) * (t.L2Norm() + radius * t1.L2Norm()) / Math.Pow(radius, j);
                    recursion.TaylorCoefficients[j].Should().BeApproximately(reference[j], tolerance, $"Cauchy, k = {k}, order {j}");
                }
            }
        }
    }

    [Fact]
    public void Eigenvector_series_predicts_the_recomputed_eigenvector()
    {
        var t = Symmetric(6, 31);
        var t1 = Symmetric(6, 32);
        var expansion = EigenvalueDerivatives.Expand(t, t1, 3, 8);
        var step = 0.05 * expansion.Convergence.Radius;
        var perturbed = SymmetricEigendecomposition.Compute(t + step * t1);
        var q = perturbed.Eigenvectors.Column(2);
        var predicted = expansion.PredictEigenvector(step);
        var sign = Math.Sign(q.DotProduct(predicted));
        (predicted - sign * q).L2Norm().Should().BeLessThan(1e-9);
        expansion.Predict(step).Should().BeApproximately(perturbed.Eigenvalue(3), expansion.PredictionErrorBound(step) + 1e-14);
    }

    [Fact]
    public void One_by_one_matrix_is_its_own_polynomial_path()
    {
        var t = Matrix<double>.Build.Dense(1, 1, 2.0);
        var path = PerturbationPath.Polynomial(Matrix<double>.Build.Dense(1, 1, 3.0), Matrix<double>.Build.Dense(1, 1, -1.0));
        var expansion = EigenvalueDerivatives.Expand(SymmetricEigendecomposition.Compute(t), path, 1, 4);
        expansion.TaylorCoefficients.Should().Equal(2, 3, -1, 0, 0);
        expansion.PredictionErrorBound(10).Should().Be(0);
    }

    [Fact]
    public void Non_symmetric_direction_is_rejected()
    {
        var t = Symmetric(3, 1);
        var t1 = TestMatrices.Gaussian(3, 3, 2);
        FluentActions.Invoking(() => EigenvalueDerivatives.Expand(t, t1, 1, 3)).Should().Throw<NotSymmetricException>().WithMessage("*direction T1*");
        FluentActions.Invoking(() => EigenvalueDerivatives.Expand(t, Symmetric(4, 3), 1, 3)).Should().Throw<DimensionMismatchException>();
    }
}
