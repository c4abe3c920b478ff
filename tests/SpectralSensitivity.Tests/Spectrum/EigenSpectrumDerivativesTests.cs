using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Results;
using SpectralSensitivity.Spectrum;
using SpectralSensitivity.Tests.Series;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Spectrum;

public sealed class EigenSpectrumDerivativesTests
{
    private static MathNet.Numerics.LinearAlgebra.Matrix<double> Symmetric(int n, int seed)
    {
        var g = TestMatrices.Gaussian(n, n, seed);
        return g + g.Transpose();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_eigenvalue_and_eigenvector_agrees_with_the_per_k_recursion(int degree)
    {
        const int n = 9;
        var eig = SymmetricEigendecomposition.Compute(Symmetric(n, 501));
        var path = PerturbationPath.Polynomial(Enumerable.Range(0, degree).Select(i => Symmetric(n, 502 + i)).ToArray());
        var all = SpectrumDerivatives.OfEigenvalues(eig, path, 8, new SpectrumExpansionOptions(Vectors: VectorCoefficients.Include));

        all.Indices.Should().Equal(Enumerable.Range(1, n));
        foreach (var k in all.Indices)
        {
            var expected = EigenvalueDerivatives.Expand(eig, path, k, 8);
            var actual = all.Expansion(k).Should().BeOfType<EigenvalueExpansion>().Subject;
            actual.Value.Should().Be(expected.Value);
            actual.Gap.Should().Be(expected.Gap);
            for (var j = 1; j <= 8; j++)
            {
                var tolerance = 8 * j * Tolerance.Epsilon * Math.Sqrt(n) * KatoClosedFormTests.CoefficientScale(expected, j);
                actual.TaylorCoefficients[j].Should().BeApproximately(expected.TaylorCoefficients[j], tolerance, $"k = {k}, order {j}");
                (actual.EigenvectorCoefficients[j] - expected.EigenvectorCoefficients[j]).InfinityNorm().Should()
                    .BeLessThan(tolerance / expected.Convergence.Bound * expected.Gap * 2, $"q_{k}, order {j}");
            }
        }
    }

    [Fact]
    public void Sum_rule_the_trace_is_linear_so_the_eigenvalue_derivatives_add_up_to_the_trace_of_the_direction()
    {
        // Σ_k μ_k(T + tT₁) = tr T + t tr T₁: first derivatives sum to tr T₁, every higher order sums to zero.
        var t1 = Symmetric(8, 512);
        var all = SpectrumDerivatives.OfEigenvalues(SymmetricEigendecomposition.Compute(Symmetric(8, 511)), PerturbationPath.Linear(t1), 6);

        all.Expansions.Sum(x => x.Derivatives[0]).Should().BeApproximately(t1.Trace(), 1e-12 * t1.FrobeniusNorm());
        for (var j = 2; j <= 6; j++)
        {
            var scale = all.Expansions.Sum(x => KatoClosedFormTests.CoefficientScale(x, j));
            all.Expansions.Sum(x => x.TaylorCoefficients[j]).Should().BeApproximately(0, 64 * j * Tolerance.Epsilon * scale, $"order {j}");
        }
    }

    [Theory]
    [InlineData(-1000)]
    [InlineData(1000)]
    public void Scaling_T_and_the_direction_by_a_power_of_two_scales_every_coefficient_exactly(int exponent)
    {
        var t = Symmetric(6, 521);
        var t1 = Symmetric(6, 522) / 16;
        var baseline = SpectrumDerivatives.OfEigenvalues(SymmetricEigendecomposition.Compute(t), PerturbationPath.Linear(t1), 8);
        var scaled = SpectrumDerivatives.OfEigenvalues(SymmetricEigendecomposition.Compute(t.Map(x => Math.ScaleB(x, exponent))), PerturbationPath.Linear(t1.Map(x => Math.ScaleB(x, exponent))), 8);

        foreach (var x in baseline.Expansions)
        {
            scaled.Expansion(x.Index).TaylorCoefficients.Should().Equal(x.TaylorCoefficients.Select(c => Math.ScaleB(c, exponent)), $"k = {x.Index}");
        }
    }

    [Fact]
    public void A_requested_repeated_eigenvalue_is_refused_naming_its_cluster()
    {
        var q = TestMatrices.Orthonormal(5, 5, 531);
        var t = q * MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfDiagonalArray([1, 2, 2, 3, 4]) * q.Transpose();
        var eig = SymmetricEigendecomposition.Compute((t + t.Transpose()) / 2);

        var repeated = () => SpectrumDerivatives.OfEigenvalues(eig, PerturbationPath.Linear(Symmetric(5, 532)), 3);
        repeated.Should().Throw<DegenerateSpectrumException>().Which.CollidingIndices.Should().Equal(2, 3);
        SpectrumDerivatives.OfEigenvalues(eig, PerturbationPath.Linear(Symmetric(5, 532)), 3, new SpectrumExpansionOptions([1, 4, 5])).Expansions.Should().HaveCount(3);
        FluentActions.Invoking(() => SpectrumDerivatives.OfEigenvalues(eig, PerturbationPath.Linear(TestMatrices.Gaussian(5, 5, 533)), 3, new SpectrumExpansionOptions([1])))
            .Should().Throw<NotSymmetricException>();
    }
}
