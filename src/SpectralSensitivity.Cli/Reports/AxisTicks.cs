using System.Globalization;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>"Nice" tick positions (1, 2, 5 times a power of ten) and their labels.</summary>
internal static class AxisTicks
{
    /// <summary>About five ticks covering [min, max].</summary>
    public static IEnumerable<double> Linear(double min, double max)
    {
        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(f => f * magnitude).First(s => s >= raw);
        for (var tick = Math.Ceiling(min / step) * step; tick <= max + step * 1e-9; tick += step)
        {
            yield return Math.Abs(tick) < step * 1e-9 ? 0 : tick;
        }
    }

    /// <summary>Integer exponents between <paramref name="min"/> and <paramref name="max"/> (log10 units), at most about eight.</summary>
    public static IEnumerable<double> Decades(double min, double max)
    {
        var first = Math.Ceiling(min);
        var last = Math.Floor(max);
        var stride = Math.Max(1, Math.Ceiling((last - first + 1) / 8));
        for (var e = first; e <= last; e += stride)
        {
            yield return e;
        }
    }

    /// <summary>A short label: up to four significant digits.</summary>
    public static string Label(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
