using FluentAssertions;
using SpectralSensitivity.Cli.Reports;

namespace SpectralSensitivity.Tests.Cli.Reports;

public sealed class AxisTicksTests
{
    [Fact]
    public void Linear_ticks_are_round_and_cover_the_range()
    {
        AxisTicks.Linear(0, 1).Should().BeEquivalentTo(
            new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 }, o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        AxisTicks.Linear(-0.03, 0.03).Should().Contain(0).And.OnlyContain(t => t >= -0.03 && t <= 0.03);
        AxisTicks.Linear(4.5, 4.65).Should().HaveCountGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Decades_are_integer_exponents_at_most_about_eight()
    {
        AxisTicks.Decades(-15.2, 0.3).Should().OnlyContain(e => e == Math.Floor(e)).And.HaveCountLessThanOrEqualTo(9);
        AxisTicks.Decades(-2, 2).Should().Equal(-2, -1, 0, 1, 2);
    }
}
