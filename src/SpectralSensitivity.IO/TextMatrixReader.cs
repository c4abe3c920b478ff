namespace SpectralSensitivity.IO;

/// <summary>What the text readers share: the line reader, the source name, the options, and errors located at the current line.</summary>
/// <param name="stream">The input; left open.</param>
/// <param name="source">The file path or stream name, for messages.</param>
/// <param name="options">Limits and policies.</param>
internal abstract class TextMatrixReader(Stream stream, string source, MatrixReadOptions options)
{
    /// <summary>The lines of the input.</summary>
    protected TextLineReader Lines { get; } = new(stream, source, options.MaxLineLength);

    /// <summary>The file path or stream name, for messages.</summary>
    protected string Source { get; } = source;

    /// <summary>Limits and policies.</summary>
    protected MatrixReadOptions Options { get; } = options;

    /// <summary>An error at the line last read and, if given, at a field of it.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="field">The 1-based field, if the problem is in one.</param>
    /// <returns>The exception, to throw.</returns>
    protected MatrixFileFormatException ErrorHere(string problem, int? field = null) => new(Source, problem, Lines.LineNumber, field);

    /// <summary>Parses <paramref name="field"/> as a real number and applies the non-finite policy.</summary>
    /// <param name="field">The text.</param>
    /// <param name="fieldNumber">The 1-based field number, for messages.</param>
    /// <param name="row">The 0-based row of the entry.</param>
    /// <param name="column">The 0-based column of the entry.</param>
    /// <returns>The value.</returns>
    protected double ParseEntry(ReadOnlySpan<char> field, int fieldNumber, int row, int column)
    {
        if (!NumberText.TryParse(field, out var value))
        {
            var problem = field.IsEmpty
                ? "empty field; expected a number"
                : $"{NumberText.Quote(field)} is not a number" + (field.Contains(',') ? " (the decimal separator is '.')" : string.Empty);
            throw ErrorHere(problem, fieldNumber);
        }

        CheckFinite(value, fieldNumber, row, column);
        return value;
    }

    /// <summary>Applies the non-finite policy to an entry read at <paramref name="fieldNumber"/> of the current line.</summary>
    /// <param name="value">The value.</param>
    /// <param name="fieldNumber">The 1-based field number, for messages.</param>
    /// <param name="row">The 0-based row of the entry.</param>
    /// <param name="column">The 0-based column of the entry.</param>
    protected void CheckFinite(double value, int fieldNumber, int row, int column) =>
        MatrixShape.CheckFinite(Source, value, row, column, Options, Lines.LineNumber, fieldNumber);
}
