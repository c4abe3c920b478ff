using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Tests.Series;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests;

/// <summary>FsCheck properties over random shapes, seeds and indices.</summary>
public class PropertyTests
{
    private static readonly Gen<(int M, int N, int Seed, int K)> Cases =
        from m in Gen.Choose(1, 7)
        from n in Gen.Choose(1, 7)
        from seed in Gen.Choose(0, 100000)
        from k in Gen.Choose(1, Math.Min(m, n))
        select (m, n, seed, k);

    [Fact]
    public void Closed_form_equals_recursion_and_homogeneity_holds_on_random_shapes()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var a = TestMatrices.Gaussian(c.M, c.N, c.Seed);
            var e = TestMatrices.Gaussian(c.M, c.N, c.Seed + 1);
            var svd = ThinSingularValueDecomposition.Compute(a);
            if (svd.Gap(c.K) < 1e-3 * svd.SingularValues[0])
            {
                return true; // near-degenerate draws carry no information at this tolerance
            }

            var path = PerturbationPath.Linear(e);
            var recursion = SingularValueDerivatives.Expand(svd, path, c.K, 5);
            var closed = SingularValueDerivatives.ClosedForm(svd, path, c.K, 5);
            var scaled = SingularValueDerivatives.Expand(3 * a, e, c.K, 5);
            for (var j = 1; j <= 5; j++)
            {
                var tolerance = 64 * j * Tolerance.Epsilon * Math.Sqrt(c.M + c.N) * KatoClosedFormTests.CoefficientScale(recursion, j);
                if (Math.Abs(closed.TaylorCoefficients[j] - recursion.TaylorCoefficients[j]) > tolerance)
                {
                    return false;
                }

                if (Math.Abs(scaled.TaylorCoefficients[j] - Math.Pow(3, 1 - j) * recursion.TaylorCoefficients[j]) > tolerance)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void First_derivative_is_the_gradient_inner_product_and_along_A_is_s_k()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var a = TestMatrices.Gaussian(c.M, c.N, c.Seed);
            var e = TestMatrices.Gaussian(c.M, c.N, c.Seed + 1);
            var svd = ThinSingularValueDecomposition.Compute(a);
            if (svd.Gap(c.K) < 1e-3 * svd.SingularValues[0])
            {
                return true;
            }

            var u = svd.LeftVectors.Column(c.K - 1);
            var v = svd.RightVectors.Column(c.K - 1);
            var first = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(e), c.K, 1).Derivative(1);
            var alongA = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(a), c.K, 1).Derivative(1);
            var tolerance = Tolerance.Residual(a) + Tolerance.Residual(e);
            return Math.Abs(first - u.DotProduct(e * v)) <= tolerance && Math.Abs(alongA - svd.SingularValue(c.K)) <= tolerance;
        }).QuickCheckThrowOnFailure();
    }
}
