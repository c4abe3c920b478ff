using SpectralSensitivity.Errors;

namespace SpectralSensitivity.IO;

/// <summary>A matrix file could not be used: it cannot be opened, or its name does not say which format it holds.</summary>
/// <remarks>
/// The message starts with <see cref="FilePath"/> (for streams: the source name the caller gave), then, where
/// known, the line, column and byte offset, then the problem: <c>"B.csv line 3, column 2: 'x' is not a number"</c>.
/// </remarks>
public class MatrixFileException : InvalidSpectralInputException
{
    /// <summary>Creates the exception for a problem with the file as a whole.</summary>
    /// <param name="filePath">The path of the file, or the source name of a stream.</param>
    /// <param name="problem">What is wrong, as a phrase without the location.</param>
    /// <param name="inner">The exception that revealed the problem, if any.</param>
    public MatrixFileException(string filePath, string problem, Exception? inner = null)
        : this(filePath, problem, line: null, column: null, byteOffset: null, inner) { }

    /// <summary>Creates the exception for a problem at a place in the file.</summary>
    /// <param name="filePath">The path of the file, or the source name of a stream.</param>
    /// <param name="problem">What is wrong, as a phrase without the location.</param>
    /// <param name="line">The 1-based line of a text file, if known.</param>
    /// <param name="column">The 1-based column (field) within <paramref name="line"/>, if known.</param>
    /// <param name="byteOffset">The 0-based byte offset in a binary file, if known.</param>
    /// <param name="inner">The exception that revealed the problem, if any.</param>
    protected MatrixFileException(string filePath, string problem, long? line, int? column, long? byteOffset, Exception? inner)
        : base(Describe(filePath, problem, line, column, byteOffset), inner)
    {
        FilePath = filePath;
        Problem = problem;
        Line = line;
        Column = column;
        ByteOffset = byteOffset;
    }

    /// <summary>The path of the file, or the source name given for a stream.</summary>
    public string FilePath { get; }

    /// <summary>The problem alone, without the location prefix of <see cref="Exception.Message"/>.</summary>
    public string Problem { get; }

    /// <summary>The 1-based line of a text file where the problem is, or <see langword="null"/>.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column (field number) within <see cref="Line"/>, or <see langword="null"/>.</summary>
    public int? Column { get; }

    /// <summary>The 0-based byte offset in a binary file where the problem is, or <see langword="null"/>.</summary>
    public long? ByteOffset { get; }

    private static string Describe(string filePath, string problem, long? line, int? column, long? byteOffset)
    {
        var location = filePath;
        if (line is { } l)
        {
            location += column is { } c ? $" line {l}, column {c}" : $" line {l}";
        }

        if (byteOffset is { } b)
        {
            location += $" at byte {b}";
        }

        return $"{location}: {problem}";
    }
}

/// <summary>The content of a matrix file is malformed, unsupported, too large, or holds non-finite entries.</summary>
public class MatrixFileFormatException : MatrixFileException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The path of the file, or the source name of a stream.</param>
    /// <param name="problem">What is wrong, as a phrase without the location.</param>
    /// <param name="line">The 1-based line of a text file, if known.</param>
    /// <param name="column">The 1-based column (field) within <paramref name="line"/>, if known.</param>
    /// <param name="byteOffset">The 0-based byte offset in a binary file, if known.</param>
    public MatrixFileFormatException(string filePath, string problem, long? line = null, int? column = null, long? byteOffset = null)
        : base(filePath, problem, line, column, byteOffset, inner: null) { }
}
