using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using static SpectralSensitivity.Tests.Hessian.HessianTestCases;

namespace SpectralSensitivity.Tests.Hessian;

public class SingularValueMultilinearFormTests
{
    [Theory]
    [EveryCaseAndIndex]
    public void Second_order_form_is_the_Hessian_bilinear_form_and_matches_polarization(string name, int k)
    {
        var testCase = Named(name);
        var (e, f, _) = Directions(testCase, k);
        var form = SingularValueMultilinearForm.Evaluate(testCase.Svd, k, e, f);
        var tolerance = DerivativeArithmeticScale(testCase.Svd, k, 2, e.FrobeniusNorm() + f.FrobeniusNorm());
        form.Should().BeApproximately(SingularValueMultilinearForm.Evaluate(testCase.Svd, k, f, e), tolerance);
        form.Should().BeApproximately(Vec(e) * (SingularValueHessian.Compute(testCase.Svd, k) * Vec(f)), tolerance);
        form.Should().BeApproximately(Polarization(testCase.Svd, k, e, f), tolerance);
    }

    [Theory]
    [EveryCaseAndIndex]
    public void Third_order_form_is_symmetric_matches_polarization_and_the_engine_along_a_line(string name, int k)
    {
        var testCase = Named(name);
        var (e, f, g) = Directions(testCase, k);
        var form = SingularValueMultilinearForm.Evaluate(testCase.Svd, k, e, f, g);
        var tolerance = DerivativeArithmeticScale(testCase.Svd, k, 3, e.FrobeniusNorm() + f.FrobeniusNorm() + g.FrobeniusNorm());
        foreach (var permutation in new[] { new[] { f, e, g }, [g, f, e], [e, g, f], [f, g, e], [g, e, f] })
        {
            SingularValueMultilinearForm.Evaluate(testCase.Svd, k, permutation).Should().BeApproximately(form, tolerance);
        }

        form.Should().BeApproximately(Polarization(testCase.Svd, k, e, f, g), tolerance);
        var along = SingularValueDerivatives.Expand(testCase.Svd, PerturbationPath.Linear(e), k, 3).Derivative(3);
        SingularValueMultilinearForm.Evaluate(testCase.Svd, k, e, e, e).Should().BeApproximately(along, DerivativeArithmeticScale(testCase.Svd, k, 3, e.FrobeniusNorm()));
    }

    [Fact]
    public void Higher_order_forms_along_one_direction_match_the_engine_and_obey_Euler_homogeneity()
    {
        var testCase = Named("wide 4x6");
        var e = Gaussian(4, 6, 41) / 4;
        var expansion = SingularValueDerivatives.Expand(testCase.Svd, PerturbationPath.Linear(e), 2, 6);
        for (var order = 1; order <= 6; order++)
        {
            var form = SingularValueMultilinearForm.Evaluate(testCase.Svd, 2, Enumerable.Repeat(e, order).ToArray());
            form.Should().BeApproximately(expansion.Derivative(order), DerivativeArithmeticScale(testCase.Svd, 2, order, e.FrobeniusNorm()), $"order {order}");
        }

        // s_k is positively homogeneous of degree 1, so D^(n−1) s_k is homogeneous of degree 2 − n and Euler's identity
        // gives Dⁿ s_k(A)[A, E, …, E] = (2 − n) D^(n−1) s_k(A)[E, …, E]: 0 for n = 2, −D² s_k[E, E] for n = 3
        var tolerance = DerivativeArithmeticScale(testCase.Svd, 2, 3, testCase.Matrix.FrobeniusNorm() + 2 * e.FrobeniusNorm());
        SingularValueMultilinearForm.Evaluate(testCase.Svd, 2, testCase.Matrix, e).Should().BeApproximately(0, tolerance);
        SingularValueMultilinearForm.Evaluate(testCase.Svd, 2, testCase.Matrix, e, e).Should().BeApproximately(-expansion.Derivative(2), tolerance);
    }

    [Fact]
    public void Form_refuses_bad_input()
    {
        var svd = Named("square 5x5").Svd;
        var none = () => SingularValueMultilinearForm.Evaluate(svd, 1);
        none.Should().Throw<DerivativeOrderOutOfRangeException>();
        var wrongShape = () => SingularValueMultilinearForm.Evaluate(svd, 1, Gaussian(5, 5, 1), Gaussian(4, 5, 2));
        wrongShape.Should().Throw<DimensionMismatchException>();
        var degenerate = () => SingularValueMultilinearForm.Evaluate(ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseIdentity(2)), 1, Gaussian(2, 2, 3));
        degenerate.Should().Throw<DegenerateSpectrumException>();
    }

    private static (Matrix<double> E, Matrix<double> F, Matrix<double> G) Directions(Case testCase, int k)
    {
        int m = testCase.Matrix.RowCount, n = testCase.Matrix.ColumnCount;
        return (Gaussian(m, n, 500 + k), Gaussian(m, n, 600 + k), Gaussian(m, n, 700 + k));
    }

    /// <summary>Dⁿ s_k[E₁..E_n] = (1/(2ⁿ n!)) Σ_ε ε₁⋯ε_n Dⁿ s_k[Σ ε_i E_i], each directional derivative from the core recursion.</summary>
    private static double Polarization(ThinSingularValueDecomposition svd, int k, params Matrix<double>[] directions)
    {
        var order = directions.Length;
        var sum = 0.0;
        for (var signs = 0; signs < 1 << order; signs++)
        {
            var combination = Matrix<double>.Build.Dense(svd.RowCount, svd.ColumnCount);
            var product = 1.0;
            for (var i = 0; i < order; i++)
            {
                var sign = (signs & (1 << i)) == 0 ? 1.0 : -1.0;
                combination += sign * directions[i];
                product *= sign;
            }

            sum += product * SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(combination), k, order).Derivative(order);
        }

        return sum / ((1 << order) * MathNet.Numerics.SpecialFunctions.Factorial(order));
    }
}
