using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Series;

public class KatoClosedFormTests
{
    public static IEnumerable<object[]> Shapes() => TestMatrices.Shapes();

    /// <summary>Scale of the n-th Taylor coefficient: Cauchy's bound ρ / r₀ⁿ.</summary>
    internal static double CoefficientScale(SpectralSensitivity.Results.SpectralExpansion expansion, int n) =>
        expansion.Convergence.Bound / Math.Pow(expansion.Convergence.Radius, n);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Closed_form_and_recursion_agree_to_order_7(int m, int n, bool rankDeficient)
    {
        var a = TestMatrices.ForShape(m, n, rankDeficient, 101);
        var e = TestMatrices.Gaussian(m, n, 102);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var path = PerturbationPath.Linear(e);
        for (var k = 1; k <= svd.Rank; k++)
        {
            var recursion = SingularValueDerivatives.Expand(svd, path, k, 7);
            var closed = SingularValueDerivatives.ClosedForm(svd, path, k, 7);
            for (var j = 1; j <= 7; j++)
            {
                var tolerance = 8 * j * Tolerance.Epsilon * Math.Sqrt(m + n) * CoefficientScale(recursion, j);
                closed.TaylorCoefficients[j].Should().BeApproximately(recursion.TaylorCoefficients[j], tolerance, $"k = {k}, order {j}");
            }
        }
    }

    [Fact]
    public void Polynomial_path_agrees_with_the_recursion()
    {
        var a = TestMatrices.Gaussian(5, 4, 7);
        var path = PerturbationPath.Polynomial(TestMatrices.Gaussian(5, 4, 8), TestMatrices.Gaussian(5, 4, 9), TestMatrices.Gaussian(5, 4, 10));
        var svd = ThinSingularValueDecomposition.Compute(a);
        for (var k = 1; k <= 4; k++)
        {
            var recursion = SingularValueDerivatives.Expand(svd, path, k, 6);
            var closed = SingularValueDerivatives.ClosedForm(svd, path, k, 6);
            for (var j = 1; j <= 6; j++)
            {
                var tolerance = 8 * j * Tolerance.Epsilon * 3 * CoefficientScale(recursion, j);
                closed.TaylorCoefficients[j].Should().BeApproximately(recursion.TaylorCoefficients[j], tolerance, $"k = {k}, order {j}");
            }
        }
    }

    [Fact]
    public void Polynomial_path_equals_the_line_of_its_composition()
    {
        // A + tE₁ + t²E₂ with E₂ = 0 must reproduce the straight line exactly.
        var a = TestMatrices.Gaussian(4, 3, 3);
        var e = TestMatrices.Gaussian(4, 3, 4);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var line = SingularValueDerivatives.ClosedForm(svd, PerturbationPath.Linear(e), 2, 5);
        var padded = SingularValueDerivatives.ClosedForm(svd, PerturbationPath.Polynomial(e, Matrix<double>.Build.Dense(4, 3)), 2, 5);
        padded.TaylorCoefficients.Should().Equal(line.TaylorCoefficients, (x, y) => Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(y)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(5, 1 + 2 + 6 + 20 + 70)]
    [InlineData(10, 1 + 2 + 6 + 20 + 70 + 252 + 924 + 3432 + 12870 + 48620)]
    public void Term_count_is_the_sum_of_central_binomials(int order, long expected)
    {
        SingularValueDerivatives.ClosedFormTermCount(order).Should().Be(expected);
        var svd = ThinSingularValueDecomposition.Compute(TestMatrices.Gaussian(3, 2, 1));
        if (order <= 5)
        {
            SingularValueDerivatives.ClosedForm(svd, PerturbationPath.Linear(TestMatrices.Gaussian(3, 2, 2)), 1, order).TermCount.Should().Be(expected);
        }
    }
}
