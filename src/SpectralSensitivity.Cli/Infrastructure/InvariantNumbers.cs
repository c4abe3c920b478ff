using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Parses every numeric option in the invariant culture: '.' is the decimal point, and a thousands separator is an error.</summary>
/// <remarks>
/// System.CommandLine parses numbers in the current culture, so under <c>de_DE</c> <c>--t-max 0.05</c> would read as 5 and
/// under any culture <c>1,5</c> as 15. <see cref="Install"/> gives every <c>int</c> and <c>double</c> option of a command tree a
/// parser that accepts only <c>[sign] digits [. digits] [e [sign] digits]</c> (and, for doubles, nothing non-finite).
/// </remarks>
internal static class InvariantNumbers
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles RealStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Installs the invariant parsers on every numeric option of <paramref name="command"/> and its subcommands.</summary>
    public static void Install(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int> integer:
                    integer.CustomParser = result => ParseInteger(result, integer.Name) ?? Fallback(integer, result);
                    break;
                case Option<int?> optionalInteger:
                    optionalInteger.CustomParser = result => ParseInteger(result, optionalInteger.Name);
                    break;
                case Option<long> wide:
                    wide.CustomParser = result => ParseLong(result, wide.Name) ?? Fallback(wide, result);
                    break;
                case Option<double> real:
                    real.CustomParser = result => ParseReal(result, real.Name) ?? Fallback(real, result);
                    break;
                case Option<double?> optionalReal:
                    optionalReal.CustomParser = result => ParseReal(result, optionalReal.Name);
                    break;
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            Install(subcommand);
        }
    }

    /// <summary>Parses an integer written with ASCII digits and an optional leading '-' or '+'.</summary>
    public static bool TryParseInteger(string text, out long value) =>
        IsPlainNumber(text, real: false) & long.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a finite real number with '.' as the decimal point and no thousands separators.</summary>
    public static bool TryParseReal(string text, out double value) =>
        IsPlainNumber(text, real: true) & double.TryParse(text, RealStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private const string NotInteger = "is not an integer (digits only, no thousands separators)";
    private const string NotReal = "is not a finite number (write it like 0.05 or -1.5e-3: '.' as the decimal point, no thousands separators)";

    private delegate bool TryParser<T>(string text, out T value);

    private static int? ParseInteger(ArgumentResult result, string option) =>
        Parse(result, option, (string text, out int value) =>
        {
            var ok = TryParseInteger(text, out var wide) && wide is >= int.MinValue and <= int.MaxValue;
            value = ok ? (int)wide : 0;
            return ok;
        }, NotInteger);

    private static long? ParseLong(ArgumentResult result, string option) => Parse<long>(result, option, TryParseInteger, NotInteger);

    private static double? ParseReal(ArgumentResult result, string option) => Parse<double>(result, option, TryParseReal, NotReal);

    /// <summary>The value of the option's last token, or null (with an error on <paramref name="result"/> when the token is not a number).</summary>
    private static T? Parse<T>(ArgumentResult result, string option, TryParser<T> tryParse, string complaint) where T : struct
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (tryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"{option}: {Quote(text)} {complaint}");
        return null;
    }

    /// <summary>The option's default when no token was given (the parser reports a missing or bad value itself).</summary>
    private static T Fallback<T>(Option<T> option, ArgumentResult result) where T : struct =>
        result.Tokens.Count == 0 && option.DefaultValueFactory is { } factory ? factory(result) : default;

    /// <summary>Only ASCII digits, one optional sign, and for reals a '.' and an exponent: rejects ',', spaces, '_', native digits, hex.</summary>
    private static bool IsPlainNumber(string text, bool real)
    {
        if (text.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in text)
        {
            var allowed = char.IsAsciiDigit(c) || c is '-' or '+' || (real && c is '.' or 'e' or 'E');
            if (!allowed)
            {
                return false;
            }
        }

        return char.IsAsciiDigit(text[^1]) || (real && text[^1] == '.');
    }

    private static string Quote(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}...'";
}
