using System.Globalization;
using System.Net;
using System.Text;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>A small self-contained SVG line/marker chart: linear or log y axis, legend, vertical reference lines, y clipping.</summary>
/// <remarks>Points whose y is not finite (or not positive on a log axis) break the line instead of being drawn.</remarks>
internal sealed class SvgChart(string title, string xLabel, string yLabel)
{
    private const int Width = 560;
    private const int Height = 340;
    private const int Left = 74;
    private const int Right = 150;
    private const int Top = 34;
    private const int Bottom = 48;
    private readonly List<Series> _series = [];
    private readonly List<(double X, string Label, string Color)> _verticals = [];

    /// <summary>Logarithmic y axis.</summary>
    public bool LogY { get; init; }

    /// <summary>Clip the y axis to this range (values outside are cut off at the frame).</summary>
    public (double Min, double Max)? YRange { get; init; }

    /// <summary>Adds a series; <paramref name="markers"/> draws a dot at each point.</summary>
    public SvgChart Add(string name, IReadOnlyList<(double X, double Y)> points, string color, bool dashed = false, bool markers = false, double strokeWidth = 1.6)
    {
        _series.Add(new Series(name, points, color, dashed, markers, strokeWidth));
        return this;
    }

    /// <summary>Adds a dashed vertical line at x with a label.</summary>
    public SvgChart AddVertical(double x, string label, string color)
    {
        _verticals.Add((x, label, color));
        return this;
    }

    public string Render()
    {
        var clipId = "clip-" + new string(title.Where(char.IsAsciiLetterOrDigit).ToArray()); // unique per page (titles differ), the same on every run
        var visible = _series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && Usable(p.Y)).ToArray();
        var (xMin, xMax) = Extent(visible.Select(p => p.X).Concat(_verticals.Select(v => v.X)));
        // A log axis with nothing positive to show (e.g. every error exactly zero) spans one decade instead of log10(0).
        var (yMin, yMax) = YRange ?? (LogY && visible.Length == 0 ? (1.0, 10.0) : Extent(visible.Select(p => p.Y)));
        if (LogY)
        {
            (yMin, yMax) = (Math.Log10(yMin), Math.Log10(yMax));
            if (yMax - yMin < 1)
            {
                (yMin, yMax) = (Math.Floor(yMin), Math.Ceiling(yMax + 1e-9));
            }
        }

        if (YRange is null)
        {
            (yMin, yMax) = Pad(yMin, yMax, 0.05);
        }

        if (_series.Any(s => s.Markers))
        {
            (xMin, xMax) = Pad(xMin, xMax, 0.04);
        }

        double X(double x) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);
        double Y(double y) => Height - Bottom - (Transform(y) - yMin) / (yMax - yMin) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<defs><clipPath id=\"{clipId}\"><rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\"/></clipPath></defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{Escape(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"#fff\" stroke=\"#999\"/>");
        foreach (var tick in AxisTicks.Linear(xMin, xMax))
        {
            var x = F(X(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{Top}\" x2=\"{x}\" y2=\"{Height - Bottom}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{Height - Bottom + 15}\" text-anchor=\"middle\">{AxisTicks.Label(tick)}</text>");
        }

        foreach (var tick in LogY ? AxisTicks.Decades(yMin, yMax) : AxisTicks.Linear(yMin, yMax))
        {
            var value = LogY ? Math.Pow(10, tick) : tick;
            var y = F(Y(value));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 5}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\">{(LogY ? $"1e{tick:0}" : AxisTicks.Label(tick))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<g clip-path=\"url(#{clipId})\" fill=\"none\">");
        foreach (var (x, label, color) in _verticals)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(x))}\" y1=\"{Top}\" x2=\"{F(X(x))}\" y2=\"{Height - Bottom}\" stroke=\"{color}\" stroke-dasharray=\"5 4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(x) + 3)}\" y=\"{Top + 12}\" fill=\"{color}\" stroke=\"none\">{Escape(label)}</text>");
        }

        foreach (var series in _series)
        {
            var dash = series.Dashed ? " stroke-dasharray=\"6 3\"" : string.Empty;
            foreach (var run in Runs(series.Points))
            {
                var path = string.Join(' ', run.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" stroke=\"{series.Color}\" stroke-width=\"{F(series.StrokeWidth)}\"{dash}/>");
                if (series.Markers)
                {
                    foreach (var p in run)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(p.X))}\" cy=\"{F(Y(p.Y))}\" r=\"3\" fill=\"{series.Color}\"/>");
                    }
                }
            }
        }

        svg.Append("</g>");
        for (var i = 0; i < _series.Count; i++)
        {
            var y = Top + 8 + i * 15;
            var dash = _series[i].Dashed ? " stroke-dasharray=\"6 3\"" : string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width - Right + 10}\" y1=\"{y}\" x2=\"{Width - Right + 32}\" y2=\"{y}\" stroke=\"{_series[i].Color}\" stroke-width=\"2\"{dash}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 37}\" y=\"{y}\" dy=\"4\">{Escape(_series[i].Name)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private bool Usable(double y) => double.IsFinite(y) && (!LogY || y > 0);

    private double Transform(double y) => LogY ? Math.Log10(y) : y;

    private IEnumerable<List<(double X, double Y)>> Runs(IReadOnlyList<(double X, double Y)> points)
    {
        var run = new List<(double X, double Y)>();
        foreach (var p in points)
        {
            if (double.IsFinite(p.X) && Usable(p.Y))
            {
                run.Add(p);
                continue;
            }

            if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static (double Min, double Max) Extent(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return (0, 1);
        }

        var (min, max) = (list.Min(), list.Max());
        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            return (min - pad, max + pad);
        }

        return (min, max);
    }

    private static (double Min, double Max) Pad(double min, double max, double fraction) =>
        (min - fraction * (max - min), max + fraction * (max - min));

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points, string Color, bool Dashed, bool Markers, double StrokeWidth);
}
