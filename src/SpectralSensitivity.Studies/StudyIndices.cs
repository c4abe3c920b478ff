using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Studies;

/// <summary>Which singular values a study follows: every one (<c>all</c>) or a list of 1-based indices.</summary>
/// <remarks>The command line's <c>-k all|1,2,5|1..5</c> is parsed by the CLI and handed over as <see cref="All"/> or <see cref="Of"/>.</remarks>
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
