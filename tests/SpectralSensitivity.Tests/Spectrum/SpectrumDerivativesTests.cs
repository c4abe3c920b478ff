using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Results;
using SpectralSensitivity.Spectrum;
using SpectralSensitivity.Tests.Series;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Spectrum;

public sealed class SpectrumDerivativesTests
{
    public static TheoryData<int, int, bool> Shapes => new()
    {
        { 9, 5, false }, { 5, 9, false }, { 6, 6, false }, { 10, 7, true }, { 7, 10, true }, { 6, 6, true }, { 1, 5, false }, { 5, 1, false },
    };

    /// <summary>The per-k tolerance of the engine tests: <c>8 j ε √(m+n) ρ/r₀ʲ</c> (Cauchy's bound on the coefficient).</summary>
    private static double CoefficientTolerance(SpectralExpansion reference, int j, int m, int n) =>
        8 * j * Tolerance.Epsilon * Math.Sqrt(m + n) * KatoClosedFormTests.CoefficientScale(reference, j);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_value_agrees_with_the_per_k_recursion_to_order_8(int m, int n, bool rankDeficient)
    {
        var a = TestMatrices.ForShape(m, n, rankDeficient, 301);
        var e = TestMatrices.Gaussian(m, n, 302);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var path = PerturbationPath.Linear(e);
        var indices = Enumerable.Range(1, svd.Rank).ToArray();
        var all = SpectrumDerivatives.OfSingularValues(svd, path, 8, new SpectrumExpansionOptions(indices));

        all.Indices.Should().Equal(indices);
        foreach (var k in indices)
        {
            var expected = SingularValueDerivatives.Expand(svd, path, k, 8);
            var actual = all.Expansion(k);
            actual.Should().BeOfType<ValueExpansion>();
            actual.Value.Should().Be(expected.Value);
            actual.Gap.Should().Be(expected.Gap);
            actual.Convergence.Radius.Should().BeApproximately(expected.Convergence.Radius, 1e-14 * expected.Convergence.Radius);
            for (var j = 1; j <= 8; j++)
            {
                actual.TaylorCoefficients[j].Should().BeApproximately(expected.TaylorCoefficients[j], CoefficientTolerance(expected, j, m, n), $"k = {k}, order {j}");
            }
        }
    }

    [Theory]
    [InlineData(8, 5)]
    [InlineData(5, 8)]
    [InlineData(6, 6)]
    public void A_polynomial_path_agrees_with_the_per_k_recursion(int m, int n)
    {
        var a = TestMatrices.Gaussian(m, n, 311);
        var path = PerturbationPath.Polynomial(TestMatrices.Gaussian(m, n, 312), TestMatrices.Gaussian(m, n, 313), 0.5 * TestMatrices.Gaussian(m, n, 314));
        var svd = ThinSingularValueDecomposition.Compute(a);
        var all = SpectrumDerivatives.OfSingularValues(svd, path, 7);

        foreach (var k in Enumerable.Range(1, svd.Size))
        {
            var expected = SingularValueDerivatives.Expand(svd, path, k, 7);
            for (var j = 1; j <= 7; j++)
            {
                all.Expansion(k).TaylorCoefficients[j].Should().BeApproximately(expected.TaylorCoefficients[j], CoefficientTolerance(expected, j, m, n), $"k = {k}, order {j}");
            }
        }
    }

    [Theory]
    [InlineData(9, 5, false)]
    [InlineData(5, 9, false)]
    [InlineData(6, 6, false)]
    [InlineData(10, 7, true)]
    [InlineData(7, 10, true)]
    public void Singular_vector_coefficients_agree_with_the_per_k_recursion(int m, int n, bool rankDeficient)
    {
        var a = TestMatrices.ForShape(m, n, rankDeficient, 321);
        var path = PerturbationPath.Polynomial(TestMatrices.Gaussian(m, n, 322), TestMatrices.Gaussian(m, n, 323));
        var svd = ThinSingularValueDecomposition.Compute(a);
        var indices = Enumerable.Range(1, svd.Rank).Reverse().ToArray();
        var all = SpectrumDerivatives.OfSingularValues(svd, path, 6, new SpectrumExpansionOptions(indices, VectorCoefficients.Include));

        foreach (var k in indices)
        {
            var expected = SingularValueDerivatives.Expand(svd, path, k, 6);
            var actual = all.Expansion(k).Should().BeOfType<SingularValueExpansion>().Subject;
            for (var j = 0; j <= 6; j++)
            {
                var tolerance = 8 * (j + 1) * Tolerance.Epsilon * Math.Sqrt(m + n) * KatoClosedFormTests.CoefficientScale(expected, j) / expected.Convergence.Bound * expected.Gap;
                (actual.LeftVectorCoefficients[j] - expected.LeftVectorCoefficients[j]).InfinityNorm().Should().BeLessThan(tolerance, $"u_{k}, order {j}");
                (actual.RightVectorCoefficients[j] - expected.RightVectorCoefficients[j]).InfinityNorm().Should().BeLessThan(tolerance, $"v_{k}, order {j}");
            }
        }
    }

    [Fact]
    public void A_chosen_set_in_any_order_gives_the_same_numbers_as_the_whole_spectrum()
    {
        var a = TestMatrices.Gaussian(12, 8, 331);
        var e = TestMatrices.Gaussian(12, 8, 332);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var all = SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(e), 6);
        var some = SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(e), 6, new SpectrumExpansionOptions([7, 2, 5]));

        some.Indices.Should().Equal(7, 2, 5);
        foreach (var k in some.Indices)
        {
            some.Expansion(k).TaylorCoefficients.Should().Equal(all.Expansion(k).TaylorCoefficients, "columns are independent: the same products per column");
        }
    }

    [Theory]
    [InlineData(9, 5)]
    [InlineData(5, 9)]
    [InlineData(6, 6)]
    public void Sum_rule_the_second_derivatives_of_the_squares_add_up_to_twice_the_squared_frobenius_norm_of_E(int m, int n)
    {
        // Σ_k s_k² = ‖A‖_F², so Σ_k d²(s_k²)/dt² = 2‖E‖_F², with d²(s²)/dt² = 2(D₁² + s D₂): no per-k path involved.
        var e = TestMatrices.Gaussian(m, n, 342);
        var all = SpectrumDerivatives.OfSingularValues(TestMatrices.Gaussian(m, n, 341), e, 2);

        var total = all.Expansions.Sum(x => 2 * (x.Derivatives[0] * x.Derivatives[0] + x.Value * x.Derivatives[1]));
        var expected = 2 * Math.Pow(e.FrobeniusNorm(), 2);
        total.Should().BeApproximately(expected, 64 * Tolerance.Epsilon * Math.Sqrt(m + n) * all.Expansions.Sum(x => x.Value / x.Gap) * expected);
    }

    [Theory]
    [InlineData(9, 5)]
    [InlineData(5, 9)]
    [InlineData(6, 6)]
    public void Along_E_equal_to_A_every_value_grows_linearly(int m, int n)
    {
        var a = TestMatrices.Gaussian(m, n, 351);
        var all = SpectrumDerivatives.OfSingularValues(a, a, 8);

        foreach (var x in all.Expansions)
        {
            x.Derivatives[0].Should().BeApproximately(x.Value, Tolerance.Residual(a));
            for (var j = 2; j <= 8; j++)
            {
                x.TaylorCoefficients[j].Should().BeApproximately(0, 8 * j * Tolerance.Epsilon * Math.Sqrt(m + n) * KatoClosedFormTests.CoefficientScale(x, j), $"k = {x.Index}, order {j}");
            }
        }
    }

    [Theory]
    [InlineData(7, 4)]
    [InlineData(4, 7)]
    public void Low_orders_agree_with_Richardson_differences_of_fresh_SVDs(int m, int n)
    {
        var a = TestMatrices.Gaussian(m, n, 361);
        var e = TestMatrices.Gaussian(m, n, 362);
        var all = SpectrumDerivatives.OfSingularValues(a, e, 3);

        foreach (var x in all.Expansions)
        {
            double S(double t) => ThinSingularValueDecomposition.Compute(a + t * e).SingularValue(x.Index);
            var h = 0.05 * x.Convergence.Radius;
            x.Derivatives[0].Should().BeApproximately(FiniteDifferences.First(S, h), 1e-9 * (1 + Math.Abs(x.Derivatives[0])), $"k = {x.Index}");
            x.Derivatives[1].Should().BeApproximately(FiniteDifferences.Second(S, h), 1e-6 * (1 + Math.Abs(x.Derivatives[1])), $"k = {x.Index}");
        }
    }

    [Theory]
    [InlineData(-1000)]
    [InlineData(-500)]
    [InlineData(500)]
    [InlineData(1000)]
    public void Scaling_A_and_E_by_a_power_of_two_scales_every_coefficient_exactly(int exponent)
    {
        var a = TestMatrices.Gaussian(9, 6, 371);
        var e = TestMatrices.Gaussian(9, 6, 372) / 16;    // 8! c_8 stays representable at 2^1000
        var svd = ThinSingularValueDecomposition.Compute(a);
        var scaledSvd = ThinSingularValueDecomposition.FromFactors(svd.LeftVectors, svd.SingularValues.Map(s => Math.ScaleB(s, exponent)), svd.RightVectors);
        var scaledPath = PerturbationPath.Polynomial(e.Map(x => Math.ScaleB(x, exponent)), e.Map(x => Math.ScaleB(x, exponent)));
        var baseline = SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Polynomial(e, e), 8);
        var scaled = SpectrumDerivatives.OfSingularValues(scaledSvd, scaledPath, 8);

        foreach (var x in baseline.Expansions)
        {
            scaled.Expansion(x.Index).TaylorCoefficients.Should().Equal(x.TaylorCoefficients.Select(c => Math.ScaleB(c, exponent)), $"k = {x.Index}: D_j(cA)[cE] = c D_j(A)[E] bit for bit");
        }

        var wide = SpectrumDerivatives.OfSingularValues(a.Transpose().Map(x => Math.ScaleB(x, exponent)), e.Transpose().Map(x => Math.ScaleB(x, exponent)), 8);
        foreach (var x in baseline.Expansions.Take(3))
        {
            var reference = SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(e), 8).Expansion(x.Index);
            for (var j = 1; j <= 8; j++)
            {
                Math.ScaleB(wide.Expansion(x.Index).TaylorCoefficients[j], -exponent).Should().BeApproximately(reference.TaylorCoefficients[j], CoefficientTolerance(reference, j, 9, 6) * 4, $"transposed and scaled, k = {x.Index}, order {j}");
            }
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-100)]
    public void Scaling_A_alone_scales_order_j_by_c_to_the_1_minus_j_and_a_result_beyond_the_range_is_named(int exponent)
    {
        var a = TestMatrices.Gaussian(7, 5, 381);
        var e = TestMatrices.Gaussian(7, 5, 382);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var scaledSvd = ThinSingularValueDecomposition.FromFactors(svd.LeftVectors, svd.SingularValues.Map(s => Math.ScaleB(s, exponent)), svd.RightVectors);
        var baseline = SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(e), 8);
        var scaled = SpectrumDerivatives.OfSingularValues(scaledSvd, PerturbationPath.Linear(e), 8);

        foreach (var x in baseline.Expansions)
        {
            scaled.Expansion(x.Index).TaylorCoefficients.Should().Equal(x.TaylorCoefficients.Select((c, j) => Math.ScaleB(c, exponent * (1 - j))));
        }

        var tiny = ThinSingularValueDecomposition.FromFactors(svd.LeftVectors, svd.SingularValues.Map(s => Math.ScaleB(s, -1000)), svd.RightVectors);
        var overflow = () => SpectrumDerivatives.OfSingularValues(tiny, PerturbationPath.Linear(e), 8);
        overflow.Should().Throw<ResultOutOfRangeException>().Which.Order.Should().Be(3, "c_3 of s_k(2^-1000 A + tE) is 2^2000 c_3, beyond the double range (c_2 = 2^1000 c_2 is not)");
    }

    [Fact]
    public void A_requested_zero_singular_value_is_refused_naming_it_and_the_others_are_expanded()
    {
        var a = TestMatrices.RankDeficient(8, 6, 4, 391);
        var e = TestMatrices.Gaussian(8, 6, 392);
        var svd = ThinSingularValueDecomposition.Compute(a);

        var all = () => SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(e), 4);
        var error = all.Should().Throw<DegenerateSpectrumException>().Which;
        error.Kind.Should().Be(Degeneracy.Zero);
        error.Index.Should().Be(5);
        SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(e), 4, new SpectrumExpansionOptions([1, 2, 3, 4])).Expansions.Should().HaveCount(4);
    }

    [Fact]
    public void A_requested_repeated_singular_value_is_refused_naming_its_cluster_and_the_others_are_expanded()
    {
        var a = TestMatrices.WithSingularValues(7, 5, [4, 3, 2, 2, 1], 401);
        var e = TestMatrices.Gaussian(7, 5, 402);
        var svd = ThinSingularValueDecomposition.Compute(a);

        var repeated = () => SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(e), 4, new SpectrumExpansionOptions([1, 4]));
        var error = repeated.Should().Throw<DegenerateSpectrumException>().Which;
        error.Kind.Should().Be(Degeneracy.Repeated);
        error.CollidingIndices.Should().Equal(3, 4);
        var others = SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(e), 4, new SpectrumExpansionOptions([1, 2, 5]));
        foreach (var k in new[] { 1, 2, 5 })
        {
            var expected = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(e), k, 4);
            for (var j = 1; j <= 4; j++)
            {
                others.Expansion(k).TaylorCoefficients[j].Should().BeApproximately(expected.TaylorCoefficients[j], CoefficientTolerance(expected, j, 7, 5), "a cluster elsewhere in the spectrum is harmless");
            }
        }
    }

    [Fact]
    public void Bad_requests_are_typed_errors()
    {
        var a = TestMatrices.Gaussian(5, 4, 411);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var path = PerturbationPath.Linear(TestMatrices.Gaussian(5, 4, 412));

        FluentActions.Invoking(() => SpectrumDerivatives.OfSingularValues(svd, path, 3, new SpectrumExpansionOptions([1, 1]))).Should().Throw<InvalidSpectralInputException>().WithMessage("*twice*");
        FluentActions.Invoking(() => SpectrumDerivatives.OfSingularValues(svd, path, 3, new SpectrumExpansionOptions([]))).Should().Throw<InvalidSpectralInputException>();
        FluentActions.Invoking(() => SpectrumDerivatives.OfSingularValues(svd, path, 3, new SpectrumExpansionOptions([5]))).Should().Throw<SpectralIndexOutOfRangeException>();
        FluentActions.Invoking(() => SpectrumDerivatives.OfSingularValues(svd, path, 0)).Should().Throw<DerivativeOrderOutOfRangeException>();
        FluentActions.Invoking(() => SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(TestMatrices.Gaussian(4, 5, 413)), 3)).Should().Throw<DimensionMismatchException>();
        var nearZero = ThinSingularValueDecomposition.Compute(TestMatrices.WithSingularValues(6, 4, [1, 1e-9, 0.5, 0.25], 414));
        FluentActions.Invoking(() => SpectrumDerivatives.OfSingularValues(nearZero, PerturbationPath.Linear(TestMatrices.Gaussian(6, 4, 415)), 40, new SpectrumExpansionOptions([4])))
            .Should().Throw<SeriesOverflowException>("a gap of 1e-9 makes c_40 about 1e351: named, never returned as infinity");
    }
}
