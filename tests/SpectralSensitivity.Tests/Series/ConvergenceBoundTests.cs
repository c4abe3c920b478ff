using FluentAssertions;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Tests.Series;

public class ConvergenceBoundTests
{
    [Fact]
    public void Straight_line_radius_is_half_the_gap_over_the_norm()
    {
        var bound = ConvergenceBound.From(0.8, [2.0]);
        bound.Radius.Should().BeApproximately(0.2, 1e-14);
        bound.Bound.Should().Be(0.4);
        bound.TruncationError(0.1, 3).Should().BeApproximately(0.4 * Math.Pow(0.5, 4) / 0.5, 1e-15);
        bound.TruncationError(0.2, 3).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Polynomial_path_radius_solves_the_growth_equation()
    {
        var bound = ConvergenceBound.From(1.0, [1.0, 2.0]);
        (bound.Radius + 2 * bound.Radius * bound.Radius).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void No_perturbation_is_exact_at_every_order()
    {
        var bound = ConvergenceBound.From(1.0, [0.0]);
        bound.Radius.Should().Be(double.PositiveInfinity);
        bound.TruncationError(5, 0).Should().Be(0);
    }
}
