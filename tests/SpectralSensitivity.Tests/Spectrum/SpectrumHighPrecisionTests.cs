using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Spectrum;
using SpectralSensitivity.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpectralSensitivity.Tests.Spectrum;

/// <summary>The all-values expansion against the 50-digit reference (mpmath SVDs at Chebyshev nodes, no perturbation
/// theory), on the extended-precision SVD where the per-k recursion meets 1e-11 for every value.</summary>
public sealed class SpectrumHighPrecisionTests(ITestOutputHelper output)
{
    private const double Target = 1e-11;

    [Fact]
    public void Every_fixture_value_of_orders_1_to_8_is_within_1e_11_relative_of_the_50_digit_reference()
    {
        var cases = HighPrecisionFixture.Load("highprecision-reference.json", "a", "singularValue");
        var (values, worst, _) = HighPrecisionFixture.Measure(cases, c =>
        {
            var svd = ThinSingularValueDecomposition.Compute(c.Matrix, DecompositionRefinement.ExtendedPrecision);
            var all = SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(c.Direction), 8, new SpectrumExpansionOptions(c.Entries.Select(e => e.Index).ToArray()));
            return k => (all.Expansion(k).Derivatives.ToArray(), all.Expansion(k).Derivatives.ToArray());
        });
        output.WriteLine($"{values.Count / 8} (matrix, index) pairs; worst relative error per order 1..8: {HighPrecisionFixture.Format(worst)}");

        values.Should().HaveCount(8 * 139);
        worst.Should().OnlyContain(x => x < Target);
    }
}
