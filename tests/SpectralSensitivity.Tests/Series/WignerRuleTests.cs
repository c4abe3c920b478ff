using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Series;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Series;

public class WignerRuleTests
{
    [Fact]
    public void A_two_by_two_problem_matches_the_binomial_series_of_its_closed_form_eigenvalue()
    {
        // T = diag(a, b), T₁ = [[0, c], [c, 0]]: λ(t) = (a + b)/2 + √(h² + c²t²), h = (a − b)/2, = (a + b)/2 + h Σ_j binom(1/2, j) (c t / h)^{2j}
        var (a, b, c) = (3.0, 1.0, 0.75);
        var h = (a - b) / 2;
        var t = Matrix<double>.Build.DenseOfArray(new[,] { { a, 0 }, { 0, b } });
        var t1 = Matrix<double>.Build.DenseOfArray(new[,] { { 0, c }, { c, 0 } });
        const int order = 11;
        var expected = new double[order + 1];
        expected[0] = a;
        var binomial = 1.0;
        for (var j = 1; 2 * j <= order; j++)
        {
            binomial *= (0.5 - (j - 1)) / j;                                                  // binom(1/2, j)
            expected[2 * j] = h * binomial * Math.Pow(c / h, 2 * j);
        }

        for (var vectorOrder = 0; vectorOrder <= 5; vectorOrder++)
        {
            var values = Extend(t, t1, 2, Math.Min(order, (2 * vectorOrder) + 1), vectorOrder);
            for (var j = 0; j < values.Length; j++)
            {
                values[j].Should().BeApproximately(expected[j], 8 * Tolerance.Epsilon * Math.Pow(c / h, j) * a, "order {0} from the vectors through order {1}", j, vectorOrder);
            }
        }
    }

    [Fact]
    public void Every_order_it_reaches_equals_the_full_recursion_and_the_Cauchy_integral_on_random_symmetric_matrices()
    {
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (seed, vectorOrder) =>
        {
            var n = 6 + (seed % 5);
            var g = TestMatrices.Gaussian(n, n, seed);
            var t = g + g.Transpose();
            var e = TestMatrices.Gaussian(n, n, seed + 1);
            var t1 = e + e.Transpose();
            var eig = SymmetricEigendecomposition.Compute(t);
            var index = 1 + (seed % n);
            var order = (2 * vectorOrder) + 1;
            var full = FullRecursion(eig, t1, index, order);
            var wigner = Extend(t, t1, index, order, vectorOrder);
            var problem = SymmetricEigenproblem.Create(eig, PerturbationPath.Linear(t1), index);
            var gap = Math.ScaleB(problem.Gap, problem.ValueExponent);
            var scale = Tolerance.Epsilon * n * (t.L2Norm() + t1.L2Norm());
            for (var j = 0; j <= order; j++)
            {
                var size = Math.Pow(2 * t1.L2Norm() / gap, j) * gap;                             // |λ_j| ≲ d (2‖T₁‖/d)^j inside the convergence disk
                Math.Abs(wigner[j] - full[j]).Should().BeLessThan(64 * scale * Math.Pow(4 * t1.L2Norm() / gap, j) + (1e-12 * size), "order {0}, vectors through {1}, seed {2}", j, vectorOrder, seed);
            }

            var radius = 0.25 * gap / t1.L2Norm();
            var reference = CauchyTaylorReference.Coefficients(t, t1, eig.Eigenvalue(index), eig.Eigenvectors.Column(index - 1), gap, radius, order);
            for (var j = 1; j <= order; j++)
            {
                wigner[j].Should().BeApproximately(reference[j], 64 * scale * Math.Sqrt(n) / Math.Pow(radius, j), "Cauchy reference, order {0}, seed {1}", j, seed);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Orders_beyond_twice_the_vector_order_plus_one_are_refused()
    {
        var t = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 0 }, { 0, 1 } });
        var act = () => Extend(t, t, 1, 4, 1);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_value_beyond_the_double_range_in_scaled_units_is_refused_naming_its_order()
    {
        // eigenvalues 1 and 1 + 2^−40 coupled by T₁: w_j grows like 2^(40 j), λ_j like 2^(40 (j − 1)), so λ_27 (from w_13) overflows
        var t = Matrix<double>.Build.DenseOfArray(new[,] { { 1 + Math.ScaleB(1, -40), 0, 0 }, { 0, 1, 0 }, { 0, 0, -2 } });
        var t1 = Matrix<double>.Build.DenseOfArray(new[,] { { 0, 1.0, 0 }, { 1.0, 0, 0 }, { 0, 0, 0 } });
        var act = () => Extend(t, t1, 3, 27, 13);
        act.Should().Throw<SpectralSensitivity.Errors.SeriesOverflowException>().Which.Order.Should().BeGreaterThan(13, "the vectors through order 13 are finite; a value of the rule overflows");
    }

    /// <summary>λ₀ … λ_N by the rule from the recursion's vectors through <paramref name="vectorOrder"/>, in the caller's units.</summary>
    private static double[] Extend(Matrix<double> t, Matrix<double> t1, int index, int order, int vectorOrder)
    {
        var problem = SymmetricEigenproblem.Create(SymmetricEigendecomposition.Compute(t), PerturbationPath.Linear(t1), index);
        problem.UseBasis(new PowerMonomials(order, 1));
        var (values, vectors) = PerturbationRecursion.Run(problem, vectorOrder + 1);
        return ScaledCoefficients.Of(problem, WignerRule.Extend(problem, values, vectors, order)).Coefficients();
    }

    private static double[] FullRecursion(SymmetricEigendecomposition eig, Matrix<double> t1, int index, int order)
    {
        var problem = SymmetricEigenproblem.Create(eig, PerturbationPath.Linear(t1), index);
        problem.UseBasis(new PowerMonomials(order, 1));
        var (values, _) = PerturbationRecursion.Run(problem);
        return ScaledCoefficients.Of(problem, values).Coefficients();
    }
}
