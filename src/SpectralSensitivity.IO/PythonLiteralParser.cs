using System.Globalization;
using System.Numerics;
using System.Text;

namespace SpectralSensitivity.IO;

/// <summary>The text is not a Python literal this parser understands.</summary>
internal sealed class PythonLiteralSyntaxException(string message, int position) : Exception(message)
{
    /// <summary>The 0-based character position of the problem.</summary>
    public int Position { get; } = position;
}

/// <summary>
/// A small parser for the Python literals that appear in <c>.npy</c> headers: dicts, tuples, lists, strings
/// (single or double quoted, with backslash escapes), integers (optionally with Python 2's <c>L</c> suffix),
/// <c>True</c>, <c>False</c> and <c>None</c>. Trailing commas and any whitespace are accepted.
/// </summary>
/// <remarks>
/// Values map to <see cref="Dictionary{TKey, TValue}"/> (string keys), <see cref="List{T}"/> (tuples and lists),
/// <see cref="string"/>, <see cref="BigInteger"/>, <see cref="bool"/> and <see langword="null"/>. Nesting and
/// integer length are bounded so that hostile input cannot exhaust the stack or the processor.
/// </remarks>
internal sealed class PythonLiteralParser
{
    private const int MaxDepth = 16;
    private const int MaxDigits = 64;
    private readonly string text;
    private int position;

    private PythonLiteralParser(string text) => this.text = text;

    /// <summary>Parses <paramref name="text"/>, which must hold exactly one literal (surrounding whitespace allowed).</summary>
    /// <param name="text">The literal.</param>
    /// <returns>The value.</returns>
    /// <exception cref="PythonLiteralSyntaxException">The text is not a supported literal.</exception>
    public static object? Parse(string text)
    {
        var parser = new PythonLiteralParser(text);
        var value = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser.position < text.Length)
        {
            throw parser.Error("unexpected text after the literal");
        }

        return value;
    }

    private object? ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nested deeper than {MaxDepth} levels");
        }

        SkipWhitespace();
        return Peek() switch
        {
            '{' => ParseDict(depth),
            '(' => ParseSequence(')', depth),
            '[' => ParseSequence(']', depth),
            '\'' or '"' => ParseString(),
            var c when char.IsAsciiDigit(c) || c == '-' || c == '+' => ParseInteger(),
            var c when char.IsAsciiLetter(c) => ParseName(),
            '\0' => throw Error("unexpected end of text"),
            var c => throw Error($"unexpected character '{c}'"),
        };
    }

    private Dictionary<string, object?> ParseDict(int depth)
    {
        position++;
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (!TryClose('}'))
        {
            var keyStart = position;
            if (ParseValue(depth + 1) is not string key)
            {
                throw Error("dict keys must be strings", keyStart);
            }

            SkipWhitespace();
            Expect(':');
            if (!dict.TryAdd(key, ParseValue(depth + 1)))
            {
                throw Error($"duplicate key '{key}'", keyStart);
            }

            SeparatorOrClose('}');
        }

        return dict;
    }

    private List<object?> ParseSequence(char close, int depth)
    {
        position++;
        var items = new List<object?>();
        while (!TryClose(close))
        {
            items.Add(ParseValue(depth + 1));
            SeparatorOrClose(close);
        }

        return items;
    }

    private string ParseString()
    {
        var quote = text[position++];
        var builder = new StringBuilder();
        while (Peek() != quote)
        {
            var c = Peek();
            if (c is '\0' or '\n')
            {
                throw Error("unterminated string");
            }

            position++;
            builder.Append(c == '\\' ? Unescape() : c);
        }

        position++;
        return builder.ToString();
    }

    private char Unescape()
    {
        var c = Peek();
        position++;
        return c switch
        {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            '\\' or '\'' or '"' => c,
            _ => throw Error($"unsupported escape '\\{c}'", position - 2),
        };
    }

    private BigInteger ParseInteger()
    {
        var start = position;
        if (Peek() is '-' or '+')
        {
            position++;
        }

        var digitsStart = position;
        while (char.IsAsciiDigit(Peek()))
        {
            position++;
        }

        var digits = position - digitsStart;
        if (digits == 0 || digits > MaxDigits)
        {
            throw Error(digits == 0 ? "expected digits" : $"integer longer than {MaxDigits} digits", start);
        }

        var value = BigInteger.Parse(text.AsSpan(start, position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        position += Peek() is 'L' or 'l' ? 1 : 0;
        return value;
    }

    private object? ParseName()
    {
        var start = position;
        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
        {
            position++;
        }

        return text[start..position] switch
        {
            "True" => true,
            "False" => false,
            "None" => null,
            var name => throw Error($"unknown name '{name}'", start),
        };
    }

    private bool TryClose(char close)
    {
        SkipWhitespace();
        if (Peek() != close)
        {
            return false;
        }

        position++;
        return true;
    }

    private void SeparatorOrClose(char close)
    {
        SkipWhitespace();
        if (Peek() == ',')
        {
            position++;
        }
        else if (Peek() != close)
        {
            throw Error($"expected ',' or '{close}'");
        }
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Error($"expected '{expected}'");
        }

        position++;
    }

    private void SkipWhitespace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private PythonLiteralSyntaxException Error(string problem, int? at = null) =>
        new($"{problem} at character {(at ?? position) + 1}", at ?? position);
}
