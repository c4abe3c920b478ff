namespace SpectralSensitivity.IO;

/// <summary>Splits one line of text into fields, either at a delimiter character or at runs of spaces and tabs.</summary>
internal ref struct FieldSplitter
{
    private ReadOnlySpan<char> rest;
    private readonly char? delimiter;
    private bool done;

    /// <summary>Starts splitting <paramref name="line"/>.</summary>
    /// <param name="line">The line, without its line end.</param>
    /// <param name="delimiter">The delimiter, or <see langword="null"/> to split at runs of whitespace.</param>
    public FieldSplitter(ReadOnlySpan<char> line, char? delimiter)
    {
        rest = delimiter is null ? line.Trim(" \t") : line;
        this.delimiter = delimiter;
        done = rest.IsEmpty && delimiter is null;
    }

    /// <summary>The 1-based number of the field last returned.</summary>
    public int FieldNumber { get; private set; }

    /// <summary>Returns the next field, trimmed of spaces and tabs (it may be empty between two delimiters).</summary>
    /// <param name="field">The field.</param>
    /// <returns><see langword="false"/> when the line has no more fields.</returns>
    public bool TryNext(out ReadOnlySpan<char> field)
    {
        if (done)
        {
            field = default;
            return false;
        }

        var end = delimiter is { } d ? rest.IndexOf(d) : rest.IndexOfAny(' ', '\t');
        field = (end < 0 ? rest : rest[..end]).Trim(" \t");
        rest = end < 0 ? default : rest[(end + 1)..];
        rest = delimiter is null ? rest.TrimStart(" \t") : rest;
        done = end < 0;
        FieldNumber++;
        return true;
    }

    /// <summary>Counts the fields left, consuming them.</summary>
    /// <returns>How many fields <see cref="TryNext"/> would still return.</returns>
    public int CountRest()
    {
        var count = 0;
        while (TryNext(out _))
        {
            count++;
        }

        return count;
    }
}
