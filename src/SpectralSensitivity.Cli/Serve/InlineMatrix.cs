using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Cli.Serve;

/// <summary>A matrix written inline in a request: nested JSON arrays, one inner array per row (a flat array is a column).</summary>
internal static class InlineMatrix
{
    /// <summary>Converts <paramref name="value"/> (a JSON array) to a matrix.</summary>
    /// <param name="value">A non-empty array of finite numbers (a column), or of equally long non-empty arrays of finite numbers (rows).</param>
    /// <param name="name">The request property, for messages.</param>
    /// <exception cref="UsageException">The array is empty, ragged, deeper than 2-D, holds a non-number or exceeds the size limit.</exception>
    public static Matrix<double> From(JsonElement value, string name)
    {
        var rows = value.GetArrayLength();
        if (rows == 0)
        {
            throw new UsageException($"\"{name}\": an inline matrix needs at least one row");
        }

        var nested = value[0].ValueKind == JsonValueKind.Array;
        var columns = nested ? value[0].GetArrayLength() : 1;
        if (columns == 0 || (long)rows * columns > MatrixReadOptions.DefaultMaxEntries)
        {
            throw new UsageException($"\"{name}\": an inline matrix of {rows} x {columns} entries is empty or larger than {MatrixReadOptions.DefaultMaxEntries} entries");
        }

        var matrix = Matrix<double>.Build.Dense(rows, columns);
        var i = 0;
        foreach (var row in value.EnumerateArray())
        {
            if (!nested)
            {
                matrix[i, 0] = Entry(row, name, i, 0);
            }
            else if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != columns)
            {
                throw new UsageException($"\"{name}\": row {i + 1} of the inline matrix is not an array of {columns} numbers like row 1");
            }
            else
            {
                var j = 0;
                foreach (var entry in row.EnumerateArray())
                {
                    matrix[i, j] = Entry(entry, name, i, j);
                    j++;
                }
            }

            i++;
        }

        return matrix;
    }

    private static double Entry(JsonElement entry, string name, int row, int column) =>
        entry.ValueKind == JsonValueKind.Number && entry.TryGetDouble(out var x) && double.IsFinite(x)
            ? x
            : throw new UsageException($"\"{name}\": the inline matrix entry at row {row + 1}, column {column + 1} is {entry.GetRawText()}, not a finite number (an inline matrix is at most 2-D)");
}
