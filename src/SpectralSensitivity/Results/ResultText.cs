using System.Globalization;
using System.Text;

namespace SpectralSensitivity.Results;

/// <summary>The text of every result type's <c>ToString</c>: invariant culture, six significant digits, long lists shortened.</summary>
/// <remarks>
/// The form is <c>TypeName { Name = value, … }</c>, like a record's, so results print the same way whatever the current
/// culture. Lists longer than <see cref="ListLimit"/> show their first and last values and their length. Cost O(1) per
/// member (at most <see cref="ListLimit"/> numbers per list).
/// </remarks>
internal static class ResultText
{
    /// <summary>The most values a list shows in full.</summary>
    internal const int ListLimit = 8;

    /// <summary>How many values a shortened list shows before the ellipsis (the last two follow it).</summary>
    private const int Head = ListLimit - 2;

    /// <summary>A number with six significant digits in the invariant culture (<c>∞</c> as <c>Infinity</c>).</summary>
    internal static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary><c>[a, b, c]</c>, or <c>[a, …, y, z] (n values)</c> when the list is longer than <see cref="ListLimit"/>.</summary>
    internal static string List(IReadOnlyList<double> values) => List(values.Count, i => Number(values[i]));

    /// <summary>The same shortening for items already formatted.</summary>
    internal static string List(int count, Func<int, string> item)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            if (count > ListLimit && i == Head)
            {
                text.Append("..., ");
                i = count - (ListLimit - Head);
            }

            text.Append(item(i));
            if (i < count - 1)
            {
                text.Append(", ");
            }
        }

        text.Append(']');
        return count > ListLimit ? text.Append(CultureInfo.InvariantCulture, $" ({count} values)").ToString() : text.ToString();
    }

    /// <summary><c>TypeName { member, member, … }</c>, each member formatted in the invariant culture (doubles pre-formatted with <see cref="Number"/>).</summary>
    internal static string Members(string typeName, params FormattableString[] members) =>
        $"{typeName} {{ {string.Join(", ", members.Select(FormattableString.Invariant))} }}";
}
