using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Spectrum;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

public class KrylovEigenvalueDerivativesTests
{
    private static Matrix<double> Symmetric(int n, int seed)
    {
        var a = SparseTestMatrices.Random(n, n, 0.03, seed);
        return a + a.Transpose();
    }

    [Theory]
    [InlineData(SpectrumEnd.LargestAlgebraic)]
    [InlineData(SpectrumEnd.SmallestAlgebraic)]
    public void Extreme_eigenvalues_and_orders_1_to_4_agree_with_the_dense_path(SpectrumEnd end)
    {
        const int n = 240;
        var t = Symmetric(n, 31);
        var e = Symmetric(n, 32);
        var dense = Matrix<double>.Build.DenseOfMatrix(t);
        var eDense = Matrix<double>.Build.DenseOfMatrix(e);
        var eig = PartialSymmetricEigendecomposition.Compute(LinearOperator.FromMatrix(t), 4, end);
        var scale = eig.Eigenvalues.Max(Math.Abs);
        for (var k = 1; k <= 3; k++)
        {
            var ascending = end == SpectrumEnd.LargestAlgebraic ? n - k + 1 : k;
            var reference = EigenvalueDerivatives.Expand(dense, eDense, ascending, 4);
            eig.Eigenvalues[k - 1].Should().BeApproximately(reference.Value, 1e-11 * scale);
            eig.Residuals[k - 1].Should().BeLessThan(2e-12 * scale);
            var krylov = KrylovEigenvalueDerivatives.Expand(eig, LinearOperator.FromMatrix(e), k, 4);
            for (var j = 1; j <= 4; j++)
            {
                var expected = reference.Derivative(j);
                var tolerance = 1e-8 * Math.Max(Math.Abs(expected), 1e-3 * Math.Abs(reference.Derivative(1)));
                krylov.Derivative(j).Should().BeApproximately(expected, tolerance, "order {0} of eigenvalue {1} from the {2} end", j, k, end);
            }
        }
    }

    [Theory]
    [InlineData(SpectrumEnd.LargestAlgebraic, 4)]
    [InlineData(SpectrumEnd.SmallestAlgebraic, 5)]
    [InlineData(SpectrumEnd.LargestAlgebraic, 8)]
    public void Values_only_take_half_the_solves_and_agree_with_the_dense_path_within_their_estimates(SpectrumEnd end, int order)
    {
        const int n = 240;
        var t = Symmetric(n, 31);
        var e = Symmetric(n, 32);
        var eig = PartialSymmetricEigendecomposition.Compute(LinearOperator.FromMatrix(t), 4, end);
        for (var k = 1; k <= 3; k++)
        {
            var ascending = end == SpectrumEnd.LargestAlgebraic ? n - k + 1 : k;
            var reference = EigenvalueDerivatives.Expand(Matrix<double>.Build.DenseOfMatrix(t), Matrix<double>.Build.DenseOfMatrix(e), ascending, order);
            var krylov = KrylovEigenvalueDerivatives.Expand(eig, LinearOperator.FromMatrix(e), k, order, VectorCoefficients.None);
            krylov.SolverIterations.Should().HaveCount(order / 2);
            krylov.EigenvectorCoefficients.Should().HaveCount(((order - 1) / 2) + 1, "an even order's last solve only feeds λ_N: its vector is not returned");
            for (var j = 1; j <= order; j++)
            {
                var expected = reference.Derivative(j);
                var scale = Math.Max(Math.Abs(expected), 1e-3 * Math.Abs(reference.Derivative(1)));
                var difference = Math.Abs(krylov.Derivative(j) - expected);
                difference.Should().BeLessThan(1e-8 * scale, "order {0} of eigenvalue {1} from the {2} end", j, k, end);
                difference.Should().BeLessThan(krylov.DerivativeErrorEstimates[j - 1] + (1e-13 * scale), "the estimate covers the error at order {0}", j);
            }
        }
    }

    [Fact]
    public void A_non_symmetric_operator_is_refused_by_name()
    {
        var a = SparseTestMatrices.Random(50, 50, 0.1, 4);
        var act = () => PartialSymmetricEigendecomposition.Compute(LinearOperator.FromMatrix(a), 2, SpectrumEnd.LargestAlgebraic);
        act.Should().Throw<InvalidSpectralInputException>().WithMessage("T is not symmetric*");
    }

    [Fact]
    public void Eigenvalue_derivatives_and_their_error_estimates_are_exactly_homogeneous()
    {
        var t = Symmetric(60, 41);
        var e0 = Symmetric(60, 42);
        var e = e0 * Math.ScaleB(1.0, -Math.ILogB(e0.Enumerate().Max(Math.Abs)));                                   // largest entry in [1, 2): E is used as stored, unscaled
        var reference = KrylovEigenvalueDerivatives.Expand(LinearOperator.FromMatrix(t), LinearOperator.FromMatrix(e), 1, SpectrumEnd.LargestAlgebraic, 3);
        foreach (var (p, q) in new[] { (-1000, -1000), (1000, 1000), (7, 7), (0, 3), (0, -300) })
        {
            var scaled = KrylovEigenvalueDerivatives.Expand(LinearOperator.FromMatrix(t * Math.ScaleB(1.0, p)), LinearOperator.FromMatrix(e * Math.ScaleB(1.0, q)), 1, SpectrumEnd.LargestAlgebraic, 3);
            scaled.Convergence.Radius.Should().Be(Math.ScaleB(reference.Convergence.Radius, p - q));
            for (var j = 0; j <= 3; j++)
            {
                var exponent = p + ((q - p) * j);                                                                        // coefficient j of 2^p T + t 2^q E
                scaled.TaylorCoefficients[j].Should().Be(Math.ScaleB(reference.TaylorCoefficients[j], exponent));
                var estimate = j == 0 ? 0 : Math.ScaleB(reference.DerivativeErrorEstimates[j - 1], exponent);
                if (double.IsNormal(estimate))                                                                          // a subnormal has fewer than 53 bits: nothing exact to compare
                {
                    scaled.DerivativeErrorEstimates[j - 1].Should().Be(estimate, "order {0} at 2^{1} T, 2^{2} E", j, p, q);
                }
            }
        }
    }
}
