using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Cli.Reports;

namespace SpectralSensitivity.Tests.Cli.Reports;

public sealed class SvgHeatmapTests
{
    [Fact]
    public void The_map_is_one_png_with_a_pixel_per_entry_coloured_by_sign_and_size()
    {
        var m = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, -2.0, 0.0 }, { 1.0, -1.0, 4.0 } });
        var svg = SvgHeatmap.Render("H <1>", m, 2);

        var root = XElement.Parse(svg);
        var images = root.Descendants().Where(e => e.Name.LocalName == "image").ToArray();
        images.Should().HaveCount(2, "the map and the colour bar");
        root.Descendants().Count(e => e.Name.LocalName == "rect").Should().BeLessThan(5, "no element per entry");
        var (width, height, rgb) = PngDecoder.DecodeRgb(Png(images[0]));
        (width, height).Should().Be((3, 2));
        Pixel(rgb, 3, 0, 0).Should().Be(DivergingScale.Colour(1)).And.Be(Pixel(rgb, 3, 1, 2), "beyond the scale saturates");
        Pixel(rgb, 3, 0, 1).Should().Be(DivergingScale.Colour(-1));
        Pixel(rgb, 3, 0, 2).Should().Be(DivergingScale.Colour(0));
        var (r, _, b) = Pixel(rgb, 3, 1, 0);
        (r > b).Should().BeTrue("positive entries are red");
        Pixel(rgb, 3, 1, 1).B.Should().BeGreaterThan(Pixel(rgb, 3, 1, 1).R, "negative entries are blue");
        root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).Should().Contain(["H <1>", "2", "1", "0", "-1", "-2"], "the colour bar is labelled with values");
    }

    [Fact]
    public void The_colour_bar_runs_from_plus_one_at_the_top_to_minus_one_at_the_bottom()
    {
        var root = XElement.Parse(SvgHeatmap.Render("H", Matrix<double>.Build.Dense(2, 2, 1), 1));
        var (width, height, rgb) = PngDecoder.DecodeRgb(Png(root.Descendants().Where(e => e.Name.LocalName == "image").ElementAt(1)));
        width.Should().Be(1);
        Pixel(rgb, 1, 0, 0).Should().Be(DivergingScale.Colour(1));
        Pixel(rgb, 1, height - 1, 0).Should().Be(DivergingScale.Colour(-1));
        Pixel(rgb, 1, height / 2, 0).Should().Be(DivergingScale.Colour(0));
    }

    [Fact]
    public void An_all_zero_matrix_and_non_finite_entries_give_the_centre_colour_and_no_nan()
    {
        var m = Matrix<double>.Build.Dense(3, 3);
        m[1, 1] = double.NaN;
        var svg = SvgHeatmap.Render("H", m, 0);

        svg.Should().NotContain("NaN").And.NotContain("Infinity");
        var (_, _, rgb) = PngDecoder.DecodeRgb(Png(XElement.Parse(svg).Descendants().First(e => e.Name.LocalName == "image")));
        Enumerable.Range(0, 9).Select(p => Pixel(rgb, 3, p / 3, p % 3)).Distinct().Should().Equal(DivergingScale.Colour(0));
    }

    [Fact]
    public void The_scale_darkens_monotonically_away_from_zero_and_its_ends_contrast_with_white()
    {
        var steps = Enumerable.Range(0, 101).Select(i => i / 100.0).ToArray();
        foreach (var sign in new[] { 1.0, -1.0 })
        {
            var lightness = steps.Select(v => Luminance(DivergingScale.Colour(sign * v))).ToArray();
            lightness.Should().BeInDescendingOrder("lightness alone tells the size of an entry");
            ((1.0 + 0.05) / (lightness[^1] + 0.05)).Should().BeGreaterThan(7, "WCAG contrast of the end colour against white");
        }

        DivergingScale.Colour(double.NaN).Should().Be(DivergingScale.Colour(0));
        DivergingScale.Colour(5).Should().Be(DivergingScale.Colour(1));
    }

    /// <summary>WCAG 2 relative luminance of an sRGB colour.</summary>
    private static double Luminance((byte R, byte G, byte B) c)
    {
        static double Linear(byte v) => v / 255.0 <= 0.03928 ? v / 255.0 / 12.92 : Math.Pow((v / 255.0 + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);
    }

    private static byte[] Png(XElement image)
    {
        var href = image.Attribute("href")!.Value;
        Regex.IsMatch(href, "^data:image/png;base64,").Should().BeTrue();
        return Convert.FromBase64String(href["data:image/png;base64,".Length..]);
    }

    private static (byte R, byte G, byte B) Pixel(byte[] rgb, int width, int row, int column)
    {
        var at = 3 * (row * width + column);
        return (rgb[at], rgb[at + 1], rgb[at + 2]);
    }
}
