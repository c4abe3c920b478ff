using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>Writes a matrix as a MatrixMarket <c>array real general</c> file: banner, size line, then one value per line in column-major order.</summary>
internal static class MatrixMarketWriter
{
    /// <summary>Writes <paramref name="matrix"/> to <paramref name="stream"/> as UTF-8 (ASCII) text.</summary>
    /// <param name="stream">The output; left open.</param>
    /// <param name="matrix">The matrix.</param>
    public static void Write(Stream stream, Matrix<double> matrix)
    {
        using var writer = TextOutput.Open(stream);
        writer.WriteLine("%%MatrixMarket matrix array real general");
        writer.WriteLine("% written by SpectralSensitivity; values in column-major order");
        writer.WriteLine($"{matrix.RowCount} {matrix.ColumnCount}");
        for (var j = 0; j < matrix.ColumnCount; j++)
        {
            for (var i = 0; i < matrix.RowCount; i++)
            {
                writer.WriteLine(NumberText.Format(matrix[i, j]));
            }
        }
    }
}
