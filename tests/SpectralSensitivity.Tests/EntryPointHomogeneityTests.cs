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
