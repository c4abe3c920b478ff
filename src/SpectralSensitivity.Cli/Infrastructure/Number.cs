using System.Globalization;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Number formatting for tables (JSON uses round-trip text instead).</summary>
internal static class Number
{
    /// <summary>Twelve significant digits, culture-invariant; "inf" and "nan" spelled out.</summary>
    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "nan",
        _ => value.ToString("G12", CultureInfo.InvariantCulture),
    };

    /// <summary>Three significant digits, for errors and differences.</summary>
    public static string Short(double value) => double.IsFinite(value) ? value.ToString("G3", CultureInfo.InvariantCulture) : Format(value);

    /// <summary>An integer, culture-invariant.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
