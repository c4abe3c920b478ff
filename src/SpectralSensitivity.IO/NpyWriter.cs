using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>
/// Writes a matrix as a NumPy <c>.npy</c> file: format version 1.0, dtype <c>'&lt;f8'</c>, C (row-major) order,
/// a 2-D shape <c>(rows, columns)</c>, the header padded so the data starts at a multiple of 64 bytes.
/// </summary>
/// <remarks>C order is chosen over Fortran order because every <c>.npy</c> reader supports it and
/// <c>numpy.load</c> then returns a C-contiguous array.</remarks>
internal static class NpyWriter
{
    private const int Alignment = 64;
    private static readonly byte[] Preamble = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>Writes <paramref name="matrix"/> to <paramref name="stream"/>.</summary>
    /// <param name="stream">The output; left open.</param>
    /// <param name="matrix">The matrix.</param>
    public static void Write(Stream stream, Matrix<double> matrix)
    {
        var header = Header(matrix.RowCount, matrix.ColumnCount);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(Preamble);
        stream.Write(length);
        stream.Write(header);

        var row = new byte[matrix.ColumnCount * sizeof(double)];
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(row.AsSpan(j * sizeof(double)), matrix[i, j]);
            }

            stream.Write(row);
        }
    }

    /// <summary>The header dict, padded with spaces and ended by a newline so that preamble, length and header fill a multiple of 64 bytes.</summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <returns>The header bytes (ASCII).</returns>
    internal static byte[] Header(int rows, int columns)
    {
        var dict = string.Create(CultureInfo.InvariantCulture, $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({rows}, {columns}), }}");
        var unpadded = Preamble.Length + 2 + dict.Length + 1;
        var padding = (Alignment - (unpadded % Alignment)) % Alignment;
        return Encoding.ASCII.GetBytes(dict + new string(' ', padding) + "\n");
    }
}
