using System.Globalization;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Studies;

/// <summary>Which singular values a study follows: every one (<c>all</c>) or a list of 1-based indices such as <c>1,2,5</c> or <c>1..5</c>.</summary>
public sealed class StudyIndices
{
    private readonly int[]? _indices;

    private StudyIndices(int[]? indices) => _indices = indices;

    /// <summary>Every index 1..min(m, n).</summary>
    public static StudyIndices All { get; } = new(null);

    /// <summary>Whether every index is selected.</summary>
    public bool IsAll => _indices is null;

    /// <summary>An explicit list (sorted, duplicates removed).</summary>
    /// <param name="indices">1-based indices, at least one.</param>
    public static StudyIndices Of(IEnumerable<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var sorted = indices.Distinct().Order().ToArray();
        if (sorted.Length == 0 || sorted[0] < 1)
        {
            throw new InvalidSpectralInputException("singular value indices are 1-based and at least one is needed");
        }

        return new StudyIndices(sorted);
    }

    /// <summary>Parses <c>all</c>, a comma list <c>1,2,5</c>, ranges <c>1..5</c>, or a mix <c>1..3,7</c>.</summary>
    /// <param name="text">The selection.</param>
    public static StudyIndices Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        var indices = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split("..");
            if (bounds.Length is < 1 or > 2 || !bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new InvalidSpectralInputException($"cannot read the index selection '{text}': expected all, a list such as 1,2,5 or a range such as 1..5");
            }

            int first = int.Parse(bounds[0], CultureInfo.InvariantCulture), last = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (last < first)
            {
                throw new InvalidSpectralInputException($"the index range {part} is empty");
            }

            indices.AddRange(Enumerable.Range(first, last - first + 1));
        }

        return Of(indices);
    }

    /// <summary>The indices for a matrix with <paramref name="count"/> singular values.</summary>
    /// <param name="count">min(m, n).</param>
    /// <exception cref="SpectralIndexOutOfRangeException">An index exceeds <paramref name="count"/>.</exception>
    public int[] Resolve(int count)
    {
        if (_indices is null)
        {
            return Enumerable.Range(1, count).ToArray();
        }

        if (_indices[^1] > count)
        {
            throw new SpectralIndexOutOfRangeException(_indices[^1], count, "singular value");
        }

        return _indices;
    }

    /// <summary><c>all</c> or the comma list.</summary>
    public override string ToString() => _indices is null ? "all" : string.Join(',', _indices);
}
