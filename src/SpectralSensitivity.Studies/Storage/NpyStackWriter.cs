using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Studies.Storage;

/// <summary>Writes a stack of equally shaped matrices as one 3-D NumPy <c>.npy</c> file: version 1.0, <c>'&lt;f8'</c>, C order,
/// shape (count, m, n), data aligned to 64 bytes; matrix t is <c>numpy.load(path)[t]</c>.</summary>
/// <remarks>Streams one matrix at a time (memory O(mn)), atomically (<see cref="AtomicFile"/>). Cost O(count · mn).</remarks>
internal static class NpyStackWriter
{
    private static readonly byte[] Preamble = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>Writes <paramref name="count"/> matrices produced by <paramref name="matrix"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, long count, int rows, int columns, Func<long, Matrix<double>> matrix) =>
        AtomicFile.Write(path, stream =>
        {
            var dict = string.Create(CultureInfo.InvariantCulture, $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({count}, {rows}, {columns}), }}");
            var padding = (64 - ((Preamble.Length + 2 + dict.Length + 1) % 64)) % 64;
            var header = Encoding.ASCII.GetBytes(dict + new string(' ', padding) + "\n");
            Span<byte> length = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
            stream.Write(Preamble);
            stream.Write(length);
            stream.Write(header);
            var buffer = new byte[rows * columns * sizeof(double)];
            for (long t = 0; t < count; t++)
            {
                var a = matrix(t);
                for (var i = 0; i < rows; i++)
                {
                    for (var j = 0; j < columns; j++)
                    {
                        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan((i * columns + j) * sizeof(double)), a[i, j]);   // C order: (t, i, j)
                    }
                }

                stream.Write(buffer);
            }
        });
}
