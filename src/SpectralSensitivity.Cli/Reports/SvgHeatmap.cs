using System.Globalization;
using System.Net;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>A matrix as an SVG heatmap on a diverging blue-white-red scale symmetric about zero, with a colour bar.</summary>
internal static class SvgHeatmap
{
    private const int Size = 300;
    private const int Top = 34;
    private const int Left = 20;

    /// <summary>Renders <paramref name="matrix"/>; <paramref name="scale"/> is the |value| mapped to full colour (share it to compare two maps).</summary>
    public static string Render(string title, Matrix<double> matrix, double scale)
    {
        var cell = (double)Size / Math.Max(matrix.RowCount, matrix.ColumnCount);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Left + Size + 90} {Top + Size + 20}\" width=\"{Left + Size + 90}\" height=\"{Top + Size + 20}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>");
        svg.Append("<g shape-rendering=\"crispEdges\">");
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(Left + j * cell)}\" y=\"{F(Top + i * cell)}\" width=\"{F(cell + 0.3)}\" height=\"{F(cell + 0.3)}\" fill=\"{Colour(matrix[i, j] / scale)}\"/>");
            }
        }

        svg.Append("</g>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{F(cell * matrix.ColumnCount)}\" height=\"{F(cell * matrix.RowCount)}\" fill=\"none\" stroke=\"#999\"/>");
        var barX = Left + Size + 16;
        const int steps = 40;
        for (var s = 0; s < steps; s++)
        {
            var value = 1 - 2.0 * s / (steps - 1);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{barX}\" y=\"{F(Top + s * Size / (double)steps)}\" width=\"14\" height=\"{F(Size / (double)steps + 0.5)}\" fill=\"{Colour(value)}\"/>");
        }

        foreach (var (y, label) in new[] { (Top, scale), (Top + Size / 2, 0.0), (Top + Size, -scale) })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{barX + 18}\" y=\"{y}\" dy=\"4\">{AxisTicks.Label(label)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>-1 blue, 0 white, +1 red; values beyond ±1 saturate.</summary>
    private static string Colour(double value)
    {
        var v = Math.Clamp(double.IsFinite(value) ? value : 0, -1, 1);
        var fade = (int)Math.Round(255 * (1 - Math.Abs(v)));
        return v >= 0 ? $"#ff{fade:x2}{fade:x2}" : $"#{fade:x2}{fade:x2}ff";
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
