using FluentAssertions;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Tests.Series;

public class PowerSeriesTests
{
    [Fact]
    public void Inverse_square_root_of_one_plus_t_matches_the_binomial_series()
    {
        // (1 + t)^(−1/2) = Σ C(−1/2, j) tʲ
        var g = PowerSeries.InverseSquareRoot([1, 1, 0, 0, 0, 0]);
        double[] expected = [1, -0.5, 0.375, -0.3125, 0.2734375, -0.24609375];
        g.Should().Equal(expected, (x, y) => Math.Abs(x - y) < 1e-15);
    }

    [Fact]
    public void Normalize_gives_unit_vectors_order_by_order()
    {
        // x(t) = (1, t): x/‖x‖ = (1, t)/√(1 + t²) = (1 − t²/2 + 3t⁴/8, t − t³/2)
        var normalized = PowerSeries.Normalize([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]);
        normalized.Select(c => c[0]).Should().Equal([1, 0, -0.5, 0, 0.375], (x, y) => Math.Abs(x - y) < 1e-15);
        normalized.Select(c => c[1]).Should().Equal([0, 1, 0, -0.5, 0], (x, y) => Math.Abs(x - y) < 1e-15);
    }

    [Fact]
    public void Evaluate_is_horner()
    {
        PowerSeries.Evaluate([1, 2, 3], 2).Should().Be(17);
    }
}
