using System.Globalization;
using System.Net;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>A matrix as an SVG figure holding one PNG image (one pixel per entry, drawn with square pixels) on the
/// <see cref="DivergingScale"/>, with a colour bar labelled with values.</summary>
/// <remarks>The page grows by about 2 bytes per entry (measured on a 96 x 96 Hessian: 1.9-2.2 bytes of base64 PNG per entry)
/// instead of about 100 for an SVG rectangle per entry;
/// cost O(m n).</remarks>
internal static class SvgHeatmap
{
    private const int Size = 300;
    private const int Top = 34;
    private const int Left = 20;
    private const int BarSteps = 101;
    private const int BarWidth = 14;

    /// <summary>Renders <paramref name="matrix"/>; <paramref name="scale"/> is the |value| mapped to full colour (share it to compare two maps).</summary>
    public static string Render(string title, Matrix<double> matrix, double scale)
    {
        var (rows, columns) = (matrix.RowCount, matrix.ColumnCount);
        var cell = Math.Max(1, Size / Math.Max(rows, columns)); // whole screen pixels per entry, so every entry is the same square
        var (width, height) = (Math.Min(cell * columns, Size), Math.Min(cell * rows, Size));
        var barX = Left + Size + 16;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {barX + 90} {Top + Size + 20}\" width=\"{barX + 90}\" height=\"{Top + Size + 20}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<image x=\"{Left}\" y=\"{Top}\" width=\"{width}\" height=\"{height}\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"{PngImage.DataUri(Pixels(matrix, scale))}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{width}\" height=\"{height}\" fill=\"none\" stroke=\"#999\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<image x=\"{barX}\" y=\"{Top}\" width=\"{BarWidth}\" height=\"{height}\" preserveAspectRatio=\"none\" href=\"{PngImage.DataUri(ColourBar())}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{barX}\" y=\"{Top}\" width=\"{BarWidth}\" height=\"{height}\" fill=\"none\" stroke=\"#999\"/>");
        foreach (var fraction in new[] { 1, 0.5, 0, -0.5, -1 })
        {
            var y = Top + (1 - fraction) * height / 2; // +scale at the top, -scale at the bottom of the map
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{barX + BarWidth}\" x2=\"{barX + BarWidth + 4}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#555\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{barX + BarWidth + 6}\" y=\"{y}\" dy=\"4\">{AxisTicks.Label(fraction * scale)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>One pixel per entry, entry (i, j) at row i, column j, coloured by value / scale.</summary>
    internal static byte[] Pixels(Matrix<double> matrix, double scale)
    {
        var (rows, columns) = (matrix.RowCount, matrix.ColumnCount);
        var rgb = new byte[3 * rows * columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                (rgb[3 * (i * columns + j)], rgb[3 * (i * columns + j) + 1], rgb[3 * (i * columns + j) + 2]) = DivergingScale.Colour(scale > 0 ? matrix[i, j] / scale : 0);
            }
        }

        return PngImage.EncodeRgb(columns, rows, rgb);
    }

    /// <summary>A one-pixel-wide column from +1 (top) to −1 (bottom).</summary>
    private static byte[] ColourBar()
    {
        var rgb = new byte[3 * BarSteps];
        for (var s = 0; s < BarSteps; s++)
        {
            (rgb[3 * s], rgb[3 * s + 1], rgb[3 * s + 2]) = DivergingScale.Colour(1 - 2.0 * s / (BarSteps - 1));
        }

        return PngImage.EncodeRgb(1, BarSteps, rgb);
    }
}
