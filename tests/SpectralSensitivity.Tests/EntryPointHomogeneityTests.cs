using FluentAssertions;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests;

/// <summary>Every public entry point keeps exact power-of-two homogeneity from 2^-1000 to 2^1000 where the answer is representable.</summary>
public class EntryPointHomogeneityTests
{
    public static TheoryData<string> EntryPoints() => [.. EntryPointHarness.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Outputs_scale_exactly_with_A_and_E_or_the_entry_point_says_they_are_out_of_range(string name)
    {
        var entryPoint = EntryPointHarness.All.Single(e => e.Name == name);
        var a = TestMatrices.Gaussian(5, 4, 1);
        var e = TestMatrices.Gaussian(5, 4, 2);
        EntryPointHarness.CheckHomogeneity(entryPoint, a, e).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Outputs_scale_exactly_with_E_alone_where_the_inputs_are_representable(string name)
    {
        // E alone by 2^x; the quadratic path's second term then scales by 2^(2x), so |x| ≤ 500 keeps it a representable input.
        var entryPoint = EntryPointHarness.All.Single(e => e.Name == name);
        var a = TestMatrices.Gaussian(5, 4, 1);
        var e = TestMatrices.Gaussian(5, 4, 2);
        EntryPointHarness.CheckHomogeneity(entryPoint, a, e, scalings: [(0, -500), (0, -300), (0, 300), (0, 500)]).Should().BeEmpty();
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(-1000)]
    public void A_zero_path_term_beside_a_tiny_first_term_is_the_linear_path(int exponent)
    {
        // The scaling g_2 = 2^(2p − v) that makes the second term of order one is beyond the double range here (p ≈ −exponent);
        // a zero term must contribute zero, not ∞ · 0.
        var a = TestMatrices.Gaussian(5, 4, 1);
        var e = TestMatrices.Gaussian(5, 4, 2).Map(x => Math.ScaleB(x, exponent));
        var svd = SpectralSensitivity.Decomposition.ThinSingularValueDecomposition.Compute(a);
        var linear = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(e), 2, 6);
        var quadratic = SingularValueDerivatives.Expand(svd, PerturbationPath.Polynomial(e, MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(5, 4)), 2, 6);
        for (var j = 1; j <= 6; j++)
        {
            quadratic.Derivative(j).Should().Be(linear.Derivative(j), "order {0}", j);
        }

        quadratic.Derivative(1).Should().NotBe(0);
    }

    public static TheoryData<string> Expansions() => [.. EntryPointHarness.Expansions(20).Select(x => x.Point.Name)];

    [Theory]
    [MemberData(nameof(Expansions))]
    public void Derivatives_to_order_20_scale_bit_exactly_where_their_Taylor_coefficients_are_subnormal_or_are_refused_beyond_the_range(string name)
    {
        // D_j = j! c_j is a normal number while c_j, 2^61 times smaller at order 20, is subnormal or 0: D_j must still be exactly
        // 2^s times the unscaled one (correctly rounded where it is itself subnormal), at 2^±1000 and where each D_j is nearest to underflow.
        var (entryPoint, a, e) = EntryPointHarness.Expansions(20).Single(x => x.Point.Name == name);
        var scalings = EntryPointHarness.NearUnderflow(entryPoint, a, e);
        scalings.Should().NotBeEmpty();
        EntryPointHarness.CheckHomogeneity(entryPoint, a, e, tolerance: 0, [.. EntryPointHarness.Separately, .. scalings]).Should().BeEmpty();
    }

    public static TheoryData<string> LowOrderExpansions() => [.. EntryPointHarness.Expansions(2).Select(x => x.Point.Name)];

    [Theory]
    [MemberData(nameof(LowOrderExpansions))]
    public void Order_2_scales_bit_exactly_or_is_refused_where_any_output_such_as_a_vector_coefficient_is_beyond_the_range(string name)
    {
        // At A·2^-1000, E·1 the order-2 vector coefficients are 2^2000 times the unscaled ones while D₂ is only 2^1000 times: a
        // returned ∞ (or a flushed 0) anywhere is a failure, as is a refusal where every output is representable.
        var (entryPoint, a, e) = EntryPointHarness.Expansions(2).Single(x => x.Point.Name == name);
        EntryPointHarness.CheckHomogeneity(entryPoint, a, e, tolerance: 0, EntryPointHarness.Separately).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Expansions))]
    public void A_derivative_beyond_the_range_is_refused_naming_the_lowest_order_beyond_it_though_its_coefficient_is_representable(string name)
    {
        // E alone by 2^s, the smallest s that puts the largest D_N at or above 2^1024: c_N = D_N / N! is still a finite number.
        var (entryPoint, a, e) = EntryPointHarness.Expansions(20).Single(x => x.Point.Name == name);
        var reference = entryPoint.Evaluate(a, e, (0, 0));
        var order = reference.Max(q => q.EExponent);
        var outputs = reference.Where(q => q.CorrectlyRounded && q.EExponent == order).ToArray();
        var shift = (int)Math.Ceiling((1024 - Math.ILogB(outputs.Max(q => Math.Abs(q.Value)))) / (double)order);
        outputs.Should().Contain(q => double.IsFinite(Math.ScaleB(q.Value, shift * order)), "the coefficient c_N of order {0} stays representable", order);
        var lowest = reference.Where(q => !double.IsFinite(Math.ScaleB(q.Value, shift * q.EExponent))).Min(q => q.EExponent);

        var scaled = () => entryPoint.Evaluate(a, e.Map(x => Math.ScaleB(x, shift)), (0, shift));
        scaled.Should().Throw<SpectralSensitivity.Errors.ResultOutOfRangeException>().Which.Order.Should().Be(lowest, "E at 2^{0}", shift);
    }

    [Theory]
    [InlineData("singular value, recursion")]
    [InlineData("eigenvalue of H(A), recursion")]
    [InlineData("singular values at once")]
    public void Derivatives_to_the_highest_order_scale_bit_exactly_near_underflow(string prefix)
    {
        var (entryPoint, a, e) = EntryPointHarness.Expansions(SingularValueDerivatives.MaxOrder).Single(x => x.Point.Name.StartsWith(prefix, StringComparison.Ordinal));
        EntryPointHarness.CheckHomogeneity(entryPoint, a, e, tolerance: 0, [(-1000, -1000), .. EntryPointHarness.NearUnderflow(entryPoint, a, e)]).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Wide_and_rank_deficient_matrices_scale_exactly_too(string name)
    {
        var entryPoint = EntryPointHarness.All.Single(e => e.Name == name);
        var wide = TestMatrices.Gaussian(3, 6, 5);
        EntryPointHarness.CheckHomogeneity(entryPoint, wide, TestMatrices.Gaussian(3, 6, 6)).Should().BeEmpty();
        var deficient = TestMatrices.RankDeficient(6, 4, 3, 7);
        EntryPointHarness.CheckHomogeneity(entryPoint, deficient, TestMatrices.Gaussian(6, 4, 8)).Should().BeEmpty();
    }
}
