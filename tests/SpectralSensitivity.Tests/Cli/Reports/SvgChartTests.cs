using System.Xml.Linq;
using FluentAssertions;
using SpectralSensitivity.Cli.Reports;

namespace SpectralSensitivity.Tests.Cli.Reports;

public sealed class SvgChartTests
{
    [Fact]
    public void Log_axis_breaks_lines_at_non_positive_and_non_finite_values()
    {
        var svg = new SvgChart("errors <&>", "t", "|e|") { LogY = true }
            .Add("order 1", [(-1, 1e-3), (0, 0), (1, 1e-2), (2, double.NaN), (3, double.PositiveInfinity), (4, 1e-1)], Palette.Ordered(0, 2))
            .AddVertical(0.5, "r0", Palette.Radius)
            .Render();

        var root = XElement.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        root.Descendants(ns + "polyline").Should().HaveCount(3, "zero, NaN and infinity split the series into three runs");
        svg.Should().Contain("errors &lt;&amp;&gt;").And.NotContain("NaN").And.NotContain("Infinity");
    }

    [Fact]
    public void The_radius_is_marked_only_inside_the_window()
    {
        string Chart(double radius) => SensitivityReport.MarkRadius(
            new SvgChart("c", "t", "y").Add("s", [(-1, 0), (1, 1)], Palette.Ordered(0, 1)), radius, [-1.0, 0, 1.0]).Render();

        Chart(0.5).Should().Contain(">-r0</text>").And.Contain(">r0</text>");
        Chart(2).Should().NotContain("r0</text>", "outside the window a mark would only stretch the axis");
        Chart(double.PositiveInfinity).Should().NotContain("r0</text>");
    }
}
