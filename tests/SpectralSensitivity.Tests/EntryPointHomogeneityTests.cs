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
    public void Wide_and_rank_deficient_matrices_scale_exactly_too(string name)
    {
        var entryPoint = EntryPointHarness.All.Single(e => e.Name == name);
        var wide = TestMatrices.Gaussian(3, 6, 5);
        EntryPointHarness.CheckHomogeneity(entryPoint, wide, TestMatrices.Gaussian(3, 6, 6)).Should().BeEmpty();
        var deficient = TestMatrices.RankDeficient(6, 4, 3, 7);
        EntryPointHarness.CheckHomogeneity(entryPoint, deficient, TestMatrices.Gaussian(6, 4, 8)).Should().BeEmpty();
    }
}
