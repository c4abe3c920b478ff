using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>
/// Reads NumPy <c>.npy</c> files: float64 or float32, either byte order, C or Fortran order, format versions
/// 1.0, 2.0 and 3.0. A 2-D array of shape <c>(m, n)</c> becomes an m x n matrix; a 1-D array of shape
/// <c>(n,)</c> becomes an n x 1 column.
/// </summary>
internal sealed class NpyReader
{
    /// <summary>The longest header accepted, in bytes (NumPy itself writes a few hundred).</summary>
    public const int MaxHeaderLength = 1 << 16;

    private const int PreambleLength = 8;
    private const int ChunkLength = 1 << 16;
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    private readonly Stream stream;
    private readonly string source;
    private long offset;

    private NpyReader(Stream stream, string source)
    {
        this.stream = stream;
        this.source = source;
    }

    /// <summary>Reads one array from <paramref name="stream"/>, which must end right after the array data.</summary>
    /// <param name="stream">The input; left open.</param>
    /// <param name="source">The file path or stream name, for messages.</param>
    /// <param name="options">Limits and policies.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="MatrixFileFormatException">The file is malformed, truncated, too large or unsupported.</exception>
    public static Matrix<double> Read(Stream stream, string source, MatrixReadOptions options) =>
        new NpyReader(stream, source).ReadMatrix(options);

    private Matrix<double> ReadMatrix(MatrixReadOptions options)
    {
        var header = ReadHeader();
        var (rows, columns) = MatrixDimensions(header.Shape);
        var entries = MatrixShape.CheckedEntryCount(source, "the header", rows, columns, options);
        var dataLength = (long)entries * header.ElementSize;
        CheckRemaining(dataLength, "array data");
        var storage = new double[entries];
        ReadData(header, storage, (int)rows);
        if (stream.ReadByte() >= 0)
        {
            throw new MatrixFileFormatException(source, $"unexpected bytes after the {dataLength} bytes of array data", byteOffset: offset);
        }

        MatrixShape.CheckAllFinite(source, storage, (int)rows, options);
        return Matrix<double>.Build.Dense((int)rows, (int)columns, storage);
    }

    private NpyHeader ReadHeader()
    {
        var preamble = new byte[PreambleLength];
        var read = stream.ReadAtLeast(preamble, PreambleLength, throwOnEndOfStream: false);
        var magicRead = Math.Min(read, Magic.Length);
        if (read == 0)
        {
            throw new MatrixFileFormatException(source, "the file is empty; expected an .npy file starting with the magic string '\\x93NUMPY'");
        }

        if (!preamble.AsSpan(0, magicRead).SequenceEqual(Magic.AsSpan(0, magicRead)))
        {
            throw new MatrixFileFormatException(source, "not an .npy file: it does not start with the magic string '\\x93NUMPY'", byteOffset: 0);
        }

        if (read < PreambleLength)
        {
            throw new MatrixFileFormatException(source, $"truncated preamble (magic string and version): expected {PreambleLength} bytes, found {read}", byteOffset: read);
        }

        offset = PreambleLength;

        var (major, minor) = (preamble[6], preamble[7]);
        if (major is < 1 or > 3 || minor != 0)
        {
            throw new MatrixFileFormatException(source, $"npy format version {major}.{minor} is not supported; expected 1.0, 2.0 or 3.0", byteOffset: 6);
        }

        var lengthField = ReadExactly(major == 1 ? 2 : 4, "header length");
        var headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField) : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        if (headerLength > MaxHeaderLength)
        {
            throw new MatrixFileFormatException(source, $"header length {headerLength} is more than the limit of {MaxHeaderLength} bytes", byteOffset: PreambleLength);
        }

        CheckRemaining(headerLength, "header");
        var headerOffset = offset;
        var headerBytes = ReadExactly((int)headerLength, "header");
        return NpyHeader.Parse(source, DecodeHeader(headerBytes, major, headerOffset), headerOffset);
    }

    private string DecodeHeader(byte[] bytes, int major, long headerOffset)
    {
        if (major < 3)
        {
            return Encoding.Latin1.GetString(bytes);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MatrixFileFormatException(source, "the version 3.0 header is not valid UTF-8", byteOffset: headerOffset);
        }
    }

    private (BigInteger Rows, BigInteger Columns) MatrixDimensions(IReadOnlyList<BigInteger> shape) => shape.Count switch
    {
        1 => (shape[0], BigInteger.One),
        2 => (shape[0], shape[1]),
        var rank => throw new MatrixFileFormatException(
            source,
            $"{rank}-dimensional array of shape ({string.Join(", ", shape)}{(rank == 1 ? "," : string.Empty)}) is not supported; expected a 2-D array (or a 1-D array, read as a column)"),
    };

    private void ReadData(NpyHeader header, double[] storage, int rows)
    {
        var columns = storage.Length / rows;
        var elementSize = header.ElementSize;
        var chunk = new byte[Math.Min(ChunkLength, storage.Length * elementSize)];
        var next = 0;
        while (next < storage.Length)
        {
            var count = Math.Min(chunk.Length / elementSize, storage.Length - next);
            var bytes = chunk.AsSpan(0, count * elementSize);
            FillOrThrowTruncated(bytes, (long)storage.Length * elementSize, (long)next * elementSize);
            for (var k = 0; k < count; k++, next++)
            {
                var value = Decode(header, bytes.Slice(k * elementSize, elementSize));
                storage[header.FortranOrder ? next : ((next % columns) * rows) + (next / columns)] = value;
            }
        }
    }

    private static double Decode(NpyHeader header, ReadOnlySpan<byte> bytes) => (header.ElementType, header.BigEndian) switch
    {
        (NpyElementType.Float64, false) => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
        (NpyElementType.Float64, true) => BinaryPrimitives.ReadDoubleBigEndian(bytes),
        (_, false) => BinaryPrimitives.ReadSingleLittleEndian(bytes),
        (_, true) => BinaryPrimitives.ReadSingleBigEndian(bytes),
    };

    private void FillOrThrowTruncated(Span<byte> bytes, long dataLength, long dataRead)
    {
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        offset += read;
        if (read < bytes.Length)
        {
            throw new MatrixFileFormatException(source, $"truncated array data: expected {dataLength} bytes, found {dataRead + read}", byteOffset: offset);
        }
    }

    private byte[] ReadExactly(int count, string what)
    {
        var bytes = new byte[count];
        var read = stream.ReadAtLeast(bytes, count, throwOnEndOfStream: false);
        if (read < count)
        {
            throw new MatrixFileFormatException(source, $"truncated {what}: expected {count} bytes, found {read}", byteOffset: offset + read);
        }

        offset += count;
        return bytes;
    }

    private void CheckRemaining(long needed, string what)
    {
        var remaining = stream.CanSeek ? stream.Length - stream.Position : needed;
        if (remaining < needed)
        {
            throw new MatrixFileFormatException(source, $"truncated {what}: expected {needed} bytes, found {remaining}", byteOffset: offset);
        }
    }
}
