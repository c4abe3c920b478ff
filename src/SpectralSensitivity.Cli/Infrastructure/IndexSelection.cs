using System.Globalization;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>The value of <c>-k/--index</c>: one index (<c>2</c>) or a set of them (<c>all</c>, <c>1,2,5</c>, <c>1..5</c>, <c>1..3,7</c>).</summary>
/// <remarks>
/// A single integer asks for one value and the command prints exactly what it always printed. Any other form asks for a set,
/// even one that resolves to a single index (<c>1..1</c>, or <c>all</c> of a 1 x 1 matrix): the command then answers with one
/// JSON object <c>{"results": [...]}</c> whose entries are the single-index objects in the order asked (see
/// <see cref="IndexedOutput"/>), so scripts see the same shape whatever the matrix.
/// </remarks>
internal sealed class IndexSelection
{
    /// <summary>The word that selects every index.</summary>
    public const string All = "all";

    /// <summary>The help text of the option.</summary>
    public const string Syntax = "one index (2), or several: all, a list 1,2,5, a range 1..5, or a mix 1..3,7 (answered as {\"results\": [...]})";

    private readonly (int First, int Last)[] _ranges;

    private IndexSelection(string text, (int First, int Last)[] ranges, bool isAll, bool isSingle)
    {
        Text = text;
        _ranges = ranges;
        IsAll = isAll;
        IsSingle = isSingle;
    }

    /// <summary>The text as given.</summary>
    public string Text { get; }

    /// <summary>True for <c>all</c>.</summary>
    public bool IsAll { get; }

    /// <summary>True for one plain integer: the command prints a single result, not a list.</summary>
    public bool IsSingle { get; }

    /// <summary>Parses the option's text.</summary>
    /// <exception cref="UsageException">The text is not an index, <c>all</c>, a list or a range.</exception>
    public static IndexSelection Parse(string text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Equals(All, StringComparison.OrdinalIgnoreCase))
        {
            return new IndexSelection(trimmed, [], isAll: true, isSingle: false);
        }

        var items = trimmed.Split(',');
        var ranges = items.Select(item => ParseItem(item.Trim(), text!)).ToArray();
        return new IndexSelection(trimmed, ranges, isAll: false, isSingle: items.Length == 1 && !items[0].Contains("..", StringComparison.Ordinal));
    }

    /// <summary>The 1-based indices asked for, in the order given, each checked against <paramref name="count"/>.</summary>
    /// <param name="count">How many values there are (r = min(m, n) singular values, n eigenvalues).</param>
    /// <param name="what">"singular value" or "eigenvalue", for messages.</param>
    /// <exception cref="SpectralIndexOutOfRangeException">An index (or a range end) lies outside 1..count.</exception>
    /// <exception cref="UsageException">An index is asked for twice.</exception>
    public int[] Resolve(int count, string what)
    {
        if (IsAll)
        {
            return Enumerable.Range(1, count).ToArray();
        }

        if (IsSingle)
        {
            return [_ranges[0].First]; // range checked by the library, with its own message
        }

        var indices = new List<int>();
        var seen = new HashSet<int>();
        foreach (var (first, last) in _ranges)
        {
            foreach (var end in new[] { first, last })
            {
                if (end < 1 || end > count)
                {
                    throw new SpectralIndexOutOfRangeException(end, count, what);
                }
            }

            for (var k = first; k <= last; k++)
            {
                if (!seen.Add(k))
                {
                    throw new UsageException($"--index '{Text}' asks for {what} {k} twice");
                }

                indices.Add(k);
            }
        }

        return indices.ToArray();
    }

    private static (int First, int Last) ParseItem(string item, string text)
    {
        var dots = item.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            var k = ParseInteger(item, text);
            return (k, k);
        }

        var first = ParseInteger(item[..dots].Trim(), text);
        var last = ParseInteger(item[(dots + 2)..].Trim(), text);
        if (first > last)
        {
            throw new UsageException($"--index '{text}': the range {first}..{last} is empty (write the smaller index first)");
        }

        return (first, last);
    }

    private static int ParseInteger(string item, string text) =>
        int.TryParse(item, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var k)
            ? k
            : throw new UsageException($"--index '{text}' is not an index, 'all', a list such as 1,2,5 or a range such as 1..5");
}
