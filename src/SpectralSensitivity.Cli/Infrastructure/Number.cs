using System.Globalization;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Number formatting for tables (JSON uses round-trip text instead).</summary>
internal static class Number
{
    /// <summary>Twelve significant digits, culture-invariant; "inf" and "nan" spelled out; −0 printed as 0.</summary>
    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "nan",
        _ => WithoutNegativeZero(value).ToString("G12", CultureInfo.InvariantCulture),
    };

    /// <summary>Three significant digits, for errors and differences.</summary>
    public static string Short(double value) => double.IsFinite(value) ? WithoutNegativeZero(value).ToString("G3", CultureInfo.InvariantCulture) : Format(value);

    /// <summary>+0 for −0 (and for a value that rounds to −0 in the digits shown: callers round first), anything else unchanged.</summary>
    private static double WithoutNegativeZero(double value) => value == 0 ? 0.0 : value;

    /// <summary>An integer, culture-invariant.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
