using FluentAssertions;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests;

/// <summary>
/// Bit-exact power-of-two homogeneity of every dense entry point on matrices whose SVD has singular values at the rounding
/// level or exactly zero: <c>Q(2^p A, 2^p E)</c> and <c>Q(2^p A, E)</c> are the outputs at p = 0 times the power of two of
/// their order, bit for bit, for p from −1000 to 1000 including the edges of the range left unscaled before
/// (<c>2^±128</c>, <c>2^±129</c>). A factorization that is not exactly homogeneous (LAPACK's scaled norms, safe-minimum
/// thresholds and deflation tests) fails here unless A and <c>2^p A</c> are factorized as the same scaled matrix.
/// </summary>
public class RankDeficientHomogeneityTests
{
    public static TheoryData<string, string> Cases() =>
        Pairs(RankDeficientMatrices.Rectangular.Keys.SelectMany(m => EntryPointHarness.At(1).Concat(EntryPointHarness.Decompositions).Select(p => (m, p.Name))));

    public static TheoryData<string, string> SymmetricCases() =>
        Pairs(RankDeficientMatrices.Symmetric.SelectMany(m => EntryPointHarness.Symmetric(1)
            .Where(p => m.Value.Simple || !p.Name.Contains("at once", StringComparison.Ordinal))
            .Select(p => (m.Key, p.Name))));

    private static TheoryData<string, string> Pairs(IEnumerable<(string Matrix, string EntryPoint)> pairs)
    {
        var data = new TheoryData<string, string>();
        foreach (var (matrix, entryPoint) in pairs)
        {
            data.Add(matrix, entryPoint);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_entry_point_scales_bit_exactly_on_rank_deficient_matrices(string matrix, string entryPoint)
    {
        var (a, index) = RankDeficientMatrices.Rectangular[matrix];
        var point = EntryPointHarness.At(index).Concat(EntryPointHarness.Decompositions).Single(p => p.Name == entryPoint);
        var e = RankDeficientMatrices.Direction(a);
        EntryPointHarness.CheckHomogeneity(point, a, e, tolerance: 0, RankDeficientMatrices.Scalings).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(SymmetricCases))]
    public void Every_symmetric_entry_point_scales_bit_exactly_on_singular_matrices(string matrix, string entryPoint)
    {
        var (t, index, _) = RankDeficientMatrices.Symmetric[matrix];
        var point = EntryPointHarness.Symmetric(index).Single(p => p.Name == entryPoint);
        var e = RankDeficientMatrices.SymmetricDirection(t);
        EntryPointHarness.CheckHomogeneity(point, t, e, tolerance: 0, RankDeficientMatrices.Scalings).Should().BeEmpty();
    }
}
