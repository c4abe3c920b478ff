using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Series;

public class PerturbationRecursionTests
{
    public static IEnumerable<object[]> Shapes() => TestMatrices.Shapes();

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Recursion_matches_the_Cauchy_integral_of_the_eigenvalues_of_H_to_order_6(int m, int n, bool rankDeficient)
    {
        var a = TestMatrices.ForShape(m, n, rankDeficient, 201);
        var e = TestMatrices.Gaussian(m, n, 202);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var h = JordanWielandt.Dense(a);
        var he = JordanWielandt.Dense(e);
        for (var k = 1; k <= svd.Rank; k++)
        {
            var expansion = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(e), k, 6);
            var radius = 0.5 * expansion.Convergence.Radius;
            var w0 = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(svd.LeftVectors.Column(k - 1).Concat(svd.RightVectors.Column(k - 1))) / Math.Sqrt(2);
            var reference = CauchyTaylorReference.Coefficients(h, he, svd.SingularValue(k), w0, expansion.Gap, radius, 6);
            for (var j = 1; j <= 6; j++)
            {
                // rounding in the reference: ≈ ε ‖H‖ √(m+n) / radiusʲ; the recursion's own error is far smaller
                var tolerance = 64 * Tolerance.Epsilon * Math.Sqrt(m + n) * (a.L2Norm() + radius * e.L2Norm()) / Math.Pow(radius, j);
                expansion.TaylorCoefficients[j].Should().BeApproximately(reference[j], tolerance, $"k = {k}, order {j}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Low_orders_match_Richardson_finite_differences(int m, int n, bool rankDeficient)
    {
        var a = TestMatrices.ForShape(m, n, rankDeficient, 301);
        var e = TestMatrices.Gaussian(m, n, 302);
        var svd = ThinSingularValueDecomposition.Compute(a);
        for (var k = 1; k <= svd.Rank; k++)
        {
            var expansion = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(e), k, 3);
            var index = k;
            double S(double t) => (a + t * e).Svd(computeVectors: false).S[index - 1];
            var h = 0.1 * expansion.Convergence.Radius;
            var scale = KatoClosedFormTests.CoefficientScale(expansion, 1);
            FiniteDifferences.First(S, h).Should().BeApproximately(expansion.Derivative(1), 1e-7 * scale, $"k = {k}, order 1");
            FiniteDifferences.Second(S, h).Should().BeApproximately(expansion.Derivative(2), 1e-5 * 2 * KatoClosedFormTests.CoefficientScale(expansion, 2), $"k = {k}, order 2");
            FiniteDifferences.Third(S, h).Should().BeApproximately(expansion.Derivative(3), 1e-3 * 6 * KatoClosedFormTests.CoefficientScale(expansion, 3), $"k = {k}, order 3");
        }
    }

    [Fact]
    public void Orders_up_to_the_maximum_stay_finite_on_a_well_separated_matrix()
    {
        var a = TestMatrices.WithSingularValues(6, 5, [5, 4, 3, 2, 1], 9);
        var e = TestMatrices.Gaussian(6, 5, 10) / 10;
        var expansion = SingularValueDerivatives.Expand(a, e, 3, SingularValueDerivatives.MaxOrder);
        expansion.Order.Should().Be(100);
        expansion.TaylorCoefficients.Should().OnlyContain(c => double.IsFinite(c));
    }
}
