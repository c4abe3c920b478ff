using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Results;
using SpectralSensitivity.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpectralSensitivity.Tests.Results;

/// <summary>
/// The condition figure against a 50-digit reference at small gaps (scripts/reference/make-small-gap-reference.py: A = Q₁ diag(3, 1 + g, 1, 0.5) Q₂ᵀ,
/// relative gaps g from 1e-4 to 1e-14, three seeds, orders 1..8 of s₂ and s₃): the expected relative error (j + 1) κ bounds the error seen
/// and is not vacuous.
/// </summary>
public sealed class ExpansionConditionTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<HighPrecisionCase> Cases = HighPrecisionFixture.Load("small-gap-reference.json", "a", "singularValue");

    /// <summary>Worst error over expected error, per order 1..8, and the smallest "worst per case" (how tight the figure is).</summary>
    private (double[] Worst, double TightestWorst) Ratios(DecompositionRefinement refinement)
    {
        var worst = new double[HighPrecisionFixture.Order];
        var tightest = double.PositiveInfinity;
        foreach (var c in Cases)
        {
            var svd = ThinSingularValueDecomposition.Compute(c.Matrix, refinement);
            var eNorm = c.Direction.L2Norm();
            foreach (var entry in c.Entries)
            {
                var expansion = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(c.Direction), entry.Index, HighPrecisionFixture.Order);
                var caseWorst = 0.0;
                for (var j = 1; j <= HighPrecisionFixture.Order; j++)
                {
                    var reference = entry.Derivatives[j - 1];
                    var error = Math.Abs(expansion.Derivatives[j - 1] - reference);

                    // D₁ can be far below ‖E‖₂; its error is κ ‖E‖₂ absolute, so its relative error is measured against max(|D₁|, ‖E‖₂).
                    var scale = j == 1 ? Math.Max(Math.Abs(reference), eNorm) : Math.Abs(reference);
                    var ratio = error / scale / expansion.Condition.ExpectedRelativeError(j);
                    worst[j - 1] = Math.Max(worst[j - 1], ratio);
                    caseWorst = Math.Max(caseWorst, ratio);
                }

                tightest = Math.Min(tightest, caseWorst);
            }
        }

        output.WriteLine($"{refinement}: worst error / ((j + 1) kappa) per order 1..8: {HighPrecisionFixture.Format(worst)}; smallest worst per case {tightest:0.0e+00}");
        return (worst, tightest);
    }

    [Fact]
    public void Double_precision_errors_stay_within_1_5_times_the_expected_relative_error_and_come_above_half_of_it()
    {
        var (worst, _) = Ratios(DecompositionRefinement.None);

        worst.Should().OnlyContain(r => r <= 1.5, "the expected relative error (j + 1) kappa bounds the error up to a factor 1.5");
        worst.Skip(1).Should().OnlyContain(r => r > 0.3, "the figure is not a loose bound: at every order j >= 2 some error comes close to it");
    }

    [Fact]
    public void Extended_precision_errors_are_well_below_the_expected_relative_error()
    {
        var (worst, _) = Ratios(DecompositionRefinement.ExtendedPrecision);

        worst.Should().OnlyContain(r => r <= 0.05);
    }

    [Fact]
    public void The_figure_is_the_rounding_level_over_the_gap_and_is_scale_invariant()
    {
        var c = Cases[^1];
        var svd = ThinSingularValueDecomposition.Compute(c.Matrix);
        var condition = ExpansionCondition.For(svd, 2, 4);

        condition.RoundingLevel.Should().Be(5 * 2.220446049250313e-16 * svd.SingularValues[0]);
        condition.Figure.Should().BeApproximately(condition.RoundingLevel / svd.Gap(2), 1e-15 * condition.Figure);
        condition.ExpectedRelativeErrors.Should().Equal(Enumerable.Range(1, 4).Select(j => (j + 1) * condition.Figure));
        foreach (var exponent in new[] { -1000, -500, 500, 1000 })
        {
            var scaled = ThinSingularValueDecomposition.Compute(c.Matrix.Map(x => Math.ScaleB(x, exponent)));
            ExpansionCondition.For(scaled, 2, 4).Figure.Should().Be(condition.Figure, $"A scaled by 2^{exponent}");
        }
    }

    [Fact]
    public void Expansions_carry_the_condition_of_their_decomposition()
    {
        var a = Matrix<double>.Build.Random(6, 4, 3);
        var e = Matrix<double>.Build.Random(6, 4, 4);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var recursion = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(e), 2, 5);
        var closed = SingularValueDerivatives.ClosedForm(svd, PerturbationPath.Linear(e), 2, 5);
        var t = a.TransposeThisAndMultiply(a);
        var eig = SymmetricEigendecomposition.Compute(t);
        var eigExpansion = EigenvalueDerivatives.Expand(eig, PerturbationPath.Linear(e.TransposeThisAndMultiply(e)), 2, 3);

        recursion.Condition.Figure.Should().Be(ExpansionCondition.For(svd, 2, 5).Figure).And.BeLessThan(1e-12);
        closed.Condition.Figure.Should().Be(recursion.Condition.Figure);
        recursion.Condition.Order.Should().Be(5);
        recursion.Condition.ExceedsWarningThreshold.Should().BeFalse();
        eigExpansion.Condition.Figure.Should().BeApproximately(4 * 2.220446049250313e-16 * eig.Eigenvalues.AbsoluteMaximum() / eig.Gap(2), 1e-15 * eigExpansion.Condition.Figure);
    }

    [Fact]
    public void A_relative_gap_of_1e_13_exceeds_the_warning_threshold()
    {
        var c = Cases.First(x => Math.Abs(ThinSingularValueDecomposition.Compute(x.Matrix).Gap(2) - 1e-13) < 1e-14);
        var expansion = SingularValueDerivatives.Expand(c.Matrix, c.Direction, 2, 4);

        expansion.Condition.ExceedsWarningThreshold.Should().BeTrue();
        expansion.Condition.Figure.Should().BeInRange(0.02, 0.05, "5 x 2.2e-16 x 3 / 1e-13");
    }
}
