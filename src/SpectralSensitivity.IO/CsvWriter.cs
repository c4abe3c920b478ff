using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>Writes a matrix as comma-separated text: one line per row, no header, <c>\n</c> line ends, shortest round-trip numbers.</summary>
internal static class CsvWriter
{
    /// <summary>Writes <paramref name="matrix"/> to <paramref name="stream"/> as UTF-8 without a byte order mark.</summary>
    /// <param name="stream">The output; left open.</param>
    /// <param name="matrix">The matrix.</param>
    public static void Write(Stream stream, Matrix<double> matrix)
    {
        using var writer = TextOutput.Open(stream);
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                writer.Write(j == 0 ? NumberText.Format(matrix[i, j]) : "," + NumberText.Format(matrix[i, j]));
            }

            writer.Write('\n');
        }
    }
}
