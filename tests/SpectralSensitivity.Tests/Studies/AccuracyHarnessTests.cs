using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Studies.Evaluation;
using SpectralSensitivity.Studies.Sampling;

namespace SpectralSensitivity.Tests.Studies;

public class AccuracyHarnessTests
{
    private const double Epsilon = 1.0 / (1L << 52);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Richardson_differences_recover_the_derivatives_of_exp(int order)
    {
        // f(t) = exp(0.3 t): the j-th derivative at 0 is 0.3^j; length scale 1/0.3.
        var step = RichardsonDifferences.Step(order, 1 / 0.3);
        var values = RichardsonDifferences.HalfStepOffsets.Select(o => Math.Exp(0.3 * o * step / 2)).ToArray();
        var derivative = RichardsonDifferences.Derivative(order, values, step);
        var exact = Math.Pow(0.3, order);
        Math.Abs(derivative - exact).Should().BeLessThan(100 * Math.Pow(Epsilon, 4.0 / (order + 4)) * exact, "rounding ε/h^j and truncation h⁴ balance at ε^(4/(j+4))");
    }

    [Fact]
    public void Richardson_differences_have_fourth_order_error()
    {
        // Central differences of exp carry h², h⁴, ... terms; after the Richardson step the error must fall like h⁴ (halving h: 1/16).
        for (var order = 1; order <= 4; order++)
        {
            var errors = new[] { 0.2, 0.1 }.Select(h =>
            {
                var values = RichardsonDifferences.HalfStepOffsets.Select(o => Math.Exp(o * h / 2)).ToArray();
                return Math.Abs(RichardsonDifferences.Derivative(order, values, h) - 1);
            }).ToArray();
            (errors[1] / errors[0]).Should().BeApproximately(1.0 / 16, 0.01, $"order {order}: the Richardson error falls like h⁴");
        }
    }

    [Fact]
    public void Kronecker_reference_agrees_with_the_library_Hessian_on_random_matrices()
    {
        foreach (var (m, n, trial) in new[] { (6, 10, 0L), (10, 6, 1L), (5, 5, 2L), (7, 4, 3L) })
        {
            var a = Ensemble.Gaussian.Draw(new TrialRandom(77, trial), m, n);
            var svd = ThinSingularValueDecomposition.Compute(a);
            var full = KroneckerHessian.Factor(a);
            for (var k = 1; k <= Math.Min(m, n); k++)
            {
                var library = SingularValueHessian.Compute(svd, k);
                var reference = KroneckerHessian.Compute(full, k);
                var gap = Gap(svd.SingularValues, k, m != n);
                var tolerance = 8 * Epsilon * Math.Sqrt(m * n) * svd.SingularValues[0] / (gap * gap);   // ε √(mn) ‖A‖ / d², the conditioning of the vectors
                (library - reference).FrobeniusNorm().Should().BeLessThan(tolerance, $"{m} x {n}, k = {k}");
            }
        }
    }

    [Fact]
    public void Kronecker_reference_matches_a_second_derivative_by_finite_differences()
    {
        // Independent of both Hessian codes: E^T Hess E = d²/dt² s_k(A + tE) at 0, by Richardson differences of MathNet's singular values.
        var random = new TrialRandom(3, 0);
        var a = Ensemble.Gaussian.Draw(random, 4, 6);
        var e = Ensemble.Gaussian.Draw(random, 4, 6);
        var full = KroneckerHessian.Factor(a);
        var vecE = Vector<double>.Build.DenseOfArray(e.ToColumnMajorArray());
        for (var k = 1; k <= 4; k++)
        {
            var quadratic = vecE * (KroneckerHessian.Compute(full, k) * vecE);
            var step = RichardsonDifferences.Step(2, 0.05);
            var values = RichardsonDifferences.HalfStepOffsets.Select(o => (a + o * step / 2 * e).Svd(false).S[k - 1]).ToArray();
            var difference = RichardsonDifferences.Derivative(2, values, step);
            Math.Abs(quadratic - difference).Should().BeLessThan(1e-6 * Math.Max(1, Math.Abs(difference)), $"k = {k}");
        }
    }

    [Fact]
    public void Relative_error_uses_the_natural_scale_for_tiny_references()
    {
        RelativeError.Of(1.5, 1.0, 1e-3).Should().Be(0.5);
        RelativeError.Of(-3, -2, 1e-3).Should().Be(0.5);
        RelativeError.Of(1e-10, 0, 1e-3).Should().BeApproximately(1e-7, 1e-20);
        RelativeError.NaturalScale(3, 2, 0.5).Should().BeApproximately(6 * 8 / 0.25, 1e-12);   // 3! ‖E‖³ / g²
    }

    private static double Gap(Vector<double> s, int k, bool rectangular)
    {
        var gap = rectangular ? s[k - 1] : double.PositiveInfinity;
        for (var i = 0; i < s.Count; i++)
        {
            gap = Math.Min(gap, s[k - 1] + s[i]);
            if (i != k - 1)
            {
                gap = Math.Min(gap, Math.Abs(s[k - 1] - s[i]));
            }
        }

        return gap;
    }
}
