using System.Globalization;
using System.Net;
using System.Text;
using SpectralSensitivity.Studies.Results;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>A self-contained SVG box plot: one group of boxes per category (k), one box per series (ensemble) in each group.</summary>
/// <remarks>Box from the 25 % to the 75 % quantile with the median, whiskers from 5 % to 95 %, dots at min and max when they lie
/// inside the axis range (set by the whiskers, so one outlier does not flatten every box). On a log axis, values at or below
/// zero (an error of exactly 0) are drawn at the bottom of the axis, <see cref="LogFloor"/>.</remarks>
internal sealed class SvgBoxPlot(string title, string xLabel, string yLabel)
{
    private const int Width = 560;
    private const int Height = 300;
    private const int Left = 74;
    private const int Right = 130;
    private const int Top = 34;
    private const int Bottom = 44;
    private readonly List<(string Name, string Color, IReadOnlyList<Quantiles?> Boxes)> _series = [];

    /// <summary>Category labels along x.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Logarithmic y axis.</summary>
    public bool LogY { get; init; }

    /// <summary>Where values ≤ 0 are drawn on a logarithmic axis.</summary>
    public const double LogFloor = 1e-18;

    /// <summary>Adds a series: one box (or null) per category.</summary>
    public SvgBoxPlot Add(string name, string color, IReadOnlyList<Quantiles?> boxes)
    {
        _series.Add((name, color, boxes));
        return this;
    }

    public string Render()
    {
        var values = _series.SelectMany(s => s.Boxes).Where(b => b is not null).SelectMany(b => new[] { b!.Q05, b.Q95 })
            .Where(double.IsFinite).Select(Transform).ToArray();
        var (yMin, yMax) = values.Length == 0 ? (0.0, 1.0) : (values.Min(), values.Max());
        if (yMax - yMin < (LogY ? 1 : 1e-300))
        {
            (yMin, yMax) = LogY ? (Math.Floor(yMin), Math.Floor(yMin) + 1) : (yMin - 1, yMax + 1);
        }

        (yMin, yMax) = (yMin - 0.05 * (yMax - yMin), yMax + 0.05 * (yMax - yMin));
        double Y(double v) => Height - Bottom - (Transform(v) - yMin) / (yMax - yMin) * (Height - Top - Bottom);
        var slot = (double)(Width - Left - Right) / Math.Max(1, Categories.Count);
        var boxWidth = slot * 0.8 / Math.Max(1, _series.Count);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{Escape(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"#fff\" stroke=\"#999\"/>");
        foreach (var tick in LogY ? AxisTicks.Decades(yMin, yMax) : AxisTicks.Linear(yMin, yMax))
        {
            var y = F(Height - Bottom - (tick - yMin) / (yMax - yMin) * (Height - Top - Bottom));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 5}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\">{(LogY ? $"1e{tick:0}" : AxisTicks.Label(tick))}</text>");
        }

        for (var c = 0; c < Categories.Count; c++)
        {
            var centre = Left + (c + 0.5) * slot;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(centre)}\" y=\"{Height - Bottom + 15}\" text-anchor=\"middle\">{Escape(Categories[c])}</text>");
            for (var s = 0; s < _series.Count; s++)
            {
                if (c < _series[s].Boxes.Count && _series[s].Boxes[c] is { } box)
                {
                    var x = centre - 0.4 * slot + (s + 0.5) * boxWidth;
                    AppendBox(svg, box, x, boxWidth * 0.8, _series[s].Color, Y, Top, Height - Bottom);
                }
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>");
        for (var s = 0; s < _series.Count; s++)
        {
            var y = Top + 8 + s * 15;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Width - Right + 10}\" y=\"{y - 5}\" width=\"18\" height=\"10\" fill=\"{_series[s].Color}\" fill-opacity=\"0.35\" stroke=\"{_series[s].Color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 33}\" y=\"{y}\" dy=\"4\">{Escape(_series[s].Name)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendBox(StringBuilder svg, Quantiles box, double x, double width, string color, Func<double, double> y, double top, double bottom)
    {
        double left = x - width / 2, right = x + width / 2;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{F(y(box.Q05))}\" x2=\"{F(x)}\" y2=\"{F(y(box.Q95))}\" stroke=\"{color}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(left)}\" y=\"{F(y(box.Q75))}\" width=\"{F(width)}\" height=\"{F(Math.Max(0.5, y(box.Q25) - y(box.Q75)))}\" fill=\"{color}\" fill-opacity=\"0.35\" stroke=\"{color}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(left)}\" y1=\"{F(y(box.Median))}\" x2=\"{F(right)}\" y2=\"{F(y(box.Median))}\" stroke=\"{color}\" stroke-width=\"2\"/>");
        foreach (var extreme in new[] { box.Min, box.Max })
        {
            if (double.IsFinite(y(extreme)) && y(extreme) >= top && y(extreme) <= bottom)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y(extreme))}\" r=\"2\" fill=\"{color}\"/>");
            }
        }
    }

    private double Transform(double v) => LogY ? Math.Log10(Math.Max(v, LogFloor)) : v;

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
