using System.Globalization;
using System.Text;

namespace SpectralSensitivity.Studies.Results;

/// <summary>Formats and reads the lines of <c>results.csv</c>.</summary>
/// <remarks>
/// Numbers use the shortest text that reads back to the same double (invariant culture), so the file is exact and
/// byte-for-byte reproducible; an empty cell means "not available" (a reference that does not exist for this row, or a
/// degenerate <c>s_k</c>, see <c>status</c>). Lines end with <c>\n</c>.
/// </remarks>
public static class ResultsCsv
{
    /// <summary>Appends the CSV line of <paramref name="row"/> (with its newline) to <paramref name="builder"/>.</summary>
    public static void Append(StringBuilder builder, StudyRow row)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(row);
        builder.Append(Quote(row.Ensemble)).Append(',')
            .Append(row.Trial.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(row.Index.ToString(CultureInfo.InvariantCulture)).Append(',');
        Number(builder, row.SingularValue);
        foreach (var value in row.Derivatives.Concat(row.Errors))
        {
            builder.Append(',');
            Number(builder, value);
        }

        builder.Append(',').Append(StatusText(row.Status)).Append('\n');
    }

    /// <summary>Splits a line into cells; a cell in double quotes may hold commas (<c>"beta:2,5"</c>), <c>""</c> inside it is one quote.</summary>
    public static string[] Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells.ToArray();
    }

    /// <summary>The text as a CSV cell: in double quotes (inner quotes doubled) when it holds a comma or a quote.</summary>
    public static string Quote(string text) =>
        text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    /// <summary>The <c>status</c> text: <c>ok</c>, <c>degenerate</c> or <c>overflow</c>.</summary>
    public static string StatusText(TrialStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Reads one cell: a number, or NaN for an empty cell.</summary>
    public static double ParseNumber(string cell) =>
        cell.Length == 0 ? double.NaN : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void Number(StringBuilder builder, double value)
    {
        if (!double.IsNaN(value))
        {
            builder.Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
