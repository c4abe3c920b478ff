using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>
/// Reads delimited text into a matrix: one row per line, the delimiter detected from the first non-blank,
/// non-comment line (semicolon, else comma, else tab, else runs of spaces), an optional header row.
/// </summary>
/// <remarks>
/// Blank lines and lines whose first non-space character is <c>#</c> are skipped. The first row is a header when
/// none of its fields is a number or starts like one (a digit, a sign or a point); a first row that mixes numbers
/// and text is an error. Numbers use the invariant culture (<c>.</c> as decimal separator); <c>nan</c>,
/// <c>inf</c>, <c>-inf</c> are parsed and then subject to <see cref="MatrixReadOptions.AllowNonFinite"/>.
/// Quoted fields are not supported.
/// </remarks>
internal sealed class CsvReader(Stream stream, string source, MatrixReadOptions options)
    : TextMatrixReader(stream, source, options)
{
    private readonly List<double> values = [];
    private char? delimiter;
    private bool delimiterDetected;
    private int columns;
    private int headerFields;
    private long headerLine;

    /// <summary>Reads the whole stream as one matrix.</summary>
    /// <param name="stream">The input; left open.</param>
    /// <param name="source">The file path or stream name, for messages.</param>
    /// <param name="options">Limits and policies.</param>
    /// <returns>The matrix, one row per data line.</returns>
    /// <exception cref="MatrixFileFormatException">The text is not a well-formed matrix.</exception>
    public static Matrix<double> Read(Stream stream, string source, MatrixReadOptions options) =>
        new CsvReader(stream, source, options).ReadMatrix();

    private Matrix<double> ReadMatrix()
    {
        while (Lines.TryReadLine(out var line))
        {
            var content = line.Trim(" \t");
            if (content.IsEmpty || content[0] == '#')
            {
                continue;
            }

            if (!delimiterDetected)
            {
                delimiter = DetectDelimiter(content);
                delimiterDetected = true;
            }

            if (columns == 0 && headerFields == 0 && IsHeader(content))
            {
                continue;
            }

            ReadRow(content);
        }

        if (columns == 0)
        {
            var what = headerFields > 0 ? $"only a header row (line {headerLine})" : "no numbers";
            throw new MatrixFileFormatException(Source, $"the file contains {what}; expected at least one row of numbers");
        }

        var rows = values.Count / columns;
        return Matrix<double>.Build.Dense(rows, columns, (i, j) => values[(i * columns) + j]);
    }

    private static char? DetectDelimiter(ReadOnlySpan<char> content) =>
        content.Contains(';') ? ';' : content.Contains(',') ? ',' : content.Contains('\t') ? '\t' : null;

    private bool IsHeader(ReadOnlySpan<char> content)
    {
        var fields = new FieldSplitter(content, delimiter);
        while (fields.TryNext(out var field))
        {
            if (LooksNumeric(field))
            {
                return false;
            }
        }

        headerFields = fields.FieldNumber;
        headerLine = Lines.LineNumber;
        return true;
    }

    private static bool LooksNumeric(ReadOnlySpan<char> field) =>
        NumberText.TryParse(field, out _) ||
        (!field.IsEmpty && (char.IsAsciiDigit(field[0]) || field[0] is '+' or '-' or '.'));

    private void ReadRow(ReadOnlySpan<char> content)
    {
        var row = columns == 0 ? 0 : values.Count / columns;
        var fields = new FieldSplitter(content, delimiter);
        var start = values.Count;
        while (fields.TryNext(out var field))
        {
            var column = fields.FieldNumber - 1;
            if (columns > 0 && column >= columns)
            {
                ThrowWrongFieldCount(columns, columns + 1 + fields.CountRest());
            }

            ReserveOneMore();
            values.Add(ParseEntry(field, fields.FieldNumber, row, column));
        }

        var found = values.Count - start;
        if (columns == 0)
        {
            AcceptFirstRow(found);
        }
        else if (found != columns)
        {
            ThrowWrongFieldCount(columns, found);
        }
    }

    private void AcceptFirstRow(int found)
    {
        if (headerFields > 0 && headerFields != found)
        {
            throw ErrorHere($"the header row (line {headerLine}) has {headerFields} names but the first data row has {found} values");
        }

        columns = found;
    }

    private void ReserveOneMore()
    {
        if (values.Count >= Options.MaxEntries)
        {
            throw ErrorHere($"the file holds more than {Options.MaxEntries} entries, the limit (MatrixReadOptions.MaxEntries)");
        }

        if (values.Count == values.Capacity)
        {
            values.Capacity = (int)Math.Min(Options.MaxEntries, Math.Max(16L, 2L * values.Capacity));
        }
    }

    private void ThrowWrongFieldCount(int expected, int found) =>
        throw ErrorHere($"expected {expected} values, found {found}");
}
