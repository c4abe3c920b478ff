using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>
/// Writes NumPy <c>.npy</c> arrays: format version 1.0, dtype <c>'&lt;f8'</c>, C (row-major) order, the header padded so
/// the data starts at a multiple of 64 bytes. A matrix is a 2-D array <c>(rows, columns)</c>, a vector a 1-D array
/// <c>(n,)</c>, a stack of equally shaped matrices a 3-D array <c>(count, rows, columns)</c>.
/// </summary>
/// <remarks>C order is chosen over Fortran order because every <c>.npy</c> reader supports it and
/// <c>numpy.load</c> then returns a C-contiguous array.</remarks>
internal static class NpyWriter
{
    private const int Alignment = 64;
    private static readonly byte[] Preamble = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>Writes <paramref name="matrix"/> as a 2-D array.</summary>
    /// <param name="stream">The output; left open.</param>
    /// <param name="matrix">The matrix.</param>
    public static void Write(Stream stream, Matrix<double> matrix) => WriteArray(stream, [matrix.RowCount, matrix.ColumnCount], [matrix]);

    /// <summary>Writes <paramref name="vector"/> as a 1-D array.</summary>
    public static void Write(Stream stream, Vector<double> vector) => WriteArray(stream, [vector.Count], [vector.ToColumnMatrix()]);

    /// <summary>Writes <paramref name="stack"/> (at least one matrix, all of one shape) as a 3-D array, the stack index first.</summary>
    /// <exception cref="ArgumentException">The stack is empty or its matrices differ in shape.</exception>
    public static void WriteStack(Stream stream, IReadOnlyList<Matrix<double>> stack)
    {
        CheckStack(stack);
        WriteArray(stream, [stack.Count, stack[0].RowCount, stack[0].ColumnCount], stack);
    }

    /// <summary>Throws unless <paramref name="stack"/> holds at least one matrix and all have one shape.</summary>
    /// <exception cref="ArgumentException">The stack is empty or its matrices differ in shape.</exception>
    public static void CheckStack(IReadOnlyList<Matrix<double>> stack)
    {
        if (stack.Count == 0)
        {
            throw new ArgumentException("a stack needs at least one matrix", nameof(stack));
        }

        var (rows, columns) = (stack[0].RowCount, stack[0].ColumnCount);
        var other = stack.FirstOrDefault(m => m.RowCount != rows || m.ColumnCount != columns);
        if (other is not null)
        {
            throw new ArgumentException($"a 3-D .npy stack needs matrices of one shape: the first is {rows} x {columns}, another {other.RowCount} x {other.ColumnCount} (an .npz archive can hold different shapes)", nameof(stack));
        }
    }

    /// <summary>The header dict, padded with spaces and ended by a newline so that preamble, length and header fill a multiple of 64 bytes.</summary>
    /// <param name="shape">The dimensions.</param>
    /// <returns>The header bytes (ASCII).</returns>
    internal static byte[] Header(IReadOnlyList<int> shape)
    {
        var tuple = shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var dict = string.Create(CultureInfo.InvariantCulture, $"{{'descr': '<f8', 'fortran_order': False, 'shape': {tuple}, }}");
        var unpadded = Preamble.Length + 2 + dict.Length + 1;
        var padding = (Alignment - (unpadded % Alignment)) % Alignment;
        return Encoding.ASCII.GetBytes(dict + new string(' ', padding) + "\n");
    }

    private static void WriteArray(Stream stream, IReadOnlyList<int> shape, IEnumerable<Matrix<double>> slices)
    {
        var header = Header(shape);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(Preamble);
        stream.Write(length);
        stream.Write(header);
        foreach (var matrix in slices)
        {
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
    }
}
