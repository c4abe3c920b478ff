using System.Buffers;
using System.Globalization;

namespace SpectralSensitivity.IO;

/// <summary>Parses and formats float64 values as text, in the invariant culture, so that formatting then parsing is exact.</summary>
internal static class NumberText
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private static readonly SearchValues<char> DecimalCharacters = SearchValues.Create("0123456789.eE+-");

    /// <summary>
    /// Parses a decimal number (<c>1</c>, <c>-2.5e-3</c>, <c>.5</c>) or a NumPy-style non-finite token
    /// (<c>nan</c>, <c>inf</c>, <c>-inf</c>, <c>infinity</c>, any case, optional sign). Thousands separators,
    /// surrounding spaces and hexadecimal are not accepted.
    /// </summary>
    /// <param name="text">The token.</param>
    /// <param name="value">The parsed value.</param>
    /// <returns>Whether the token is a number.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        var unsigned = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? text[1..] : text;
        var negative = text.Length > 0 && text[0] == '-';
        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return IsDecimalText(unsigned) & double.TryParse(text, Style, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Formats a value so that <see cref="TryParse"/> gives back the same bits (up to the NaN payload).</summary>
    /// <param name="value">The value.</param>
    /// <returns>Shortest round-trip text, <c>nan</c>, <c>inf</c> or <c>-inf</c>.</returns>
    public static string Format(double value) => value switch
    {
        double.NaN => "nan",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Shortens a token for quoting in a message.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The token, cut to 40 characters with an ellipsis when longer.</returns>
    public static string Quote(ReadOnlySpan<char> token) =>
        token.Length <= 40 ? $"'{token}'" : $"'{token[..40]}...'";

    private static bool IsDecimalText(ReadOnlySpan<char> unsigned) =>
        unsigned.Length > 0 && (char.IsAsciiDigit(unsigned[0]) || unsigned[0] == '.') &&
        !unsigned.ContainsAnyExcept(DecimalCharacters);
}
