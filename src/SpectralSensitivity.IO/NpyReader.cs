using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>
/// Reads NumPy <c>.npy</c> files: float64, float32, signed and unsigned integers and bools (all widened to double
/// exactly), either byte order, C or Fortran order, format versions 1.0, 2.0 and 3.0. A 2-D array of shape
/// <c>(m, n)</c> becomes an m x n matrix; a 1-D array of shape <c>(n,)</c> an n x 1 column; a 3-D array of shape
/// <c>(p, m, n)</c> a stack of p matrices of m x n (<see cref="ReadStack"/> only).
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
    private readonly long? length;
    private long offset;

    private NpyReader(Stream stream, string source, long? length)
    {
        this.stream = stream;
        this.source = source;
        this.length = length;
    }

    /// <summary>Reads one 1-D or 2-D array from <paramref name="stream"/>, which must end right after the array data.</summary>
    /// <param name="stream">The input; left open.</param>
    /// <param name="source">The file path or stream name, for messages.</param>
    /// <param name="options">Limits and policies.</param>
    /// <param name="length">The length of the input when the stream cannot seek but it is known (an archive member), checked before allocating.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="MatrixFileFormatException">The file is malformed, truncated, too large or unsupported (a 3-D array included).</exception>
    public static Matrix<double> Read(Stream stream, string source, MatrixReadOptions options, long? length = null) =>
        new NpyReader(stream, source, length).ReadArray(options, allowStack: false)[0];

    /// <summary>Reads one 1-D, 2-D or 3-D array from <paramref name="stream"/> as a stack (one matrix unless the array is 3-D).</summary>
    /// <inheritdoc cref="Read" />
    /// <returns>The matrices, in the order of the first axis.</returns>
    public static IReadOnlyList<Matrix<double>> ReadStack(Stream stream, string source, MatrixReadOptions options, long? length = null) =>
        new NpyReader(stream, source, length).ReadArray(options, allowStack: true);

    private Matrix<double>[] ReadArray(MatrixReadOptions options, bool allowStack)
    {
        var header = ReadHeader();
        var (count, rows, columns) = Dimensions(header.Shape, allowStack);
        var entries = MatrixShape.CheckedStackEntryCount(source, "the header", count, rows, columns, options);
        var dataLength = (long)entries * header.ElementSize;
        CheckRemaining(dataLength, "array data");
        var shape = ((int)count, (int)rows, (int)columns);
        var slices = new double[shape.Item1][];
        for (var s = 0; s < slices.Length; s++)
        {
            slices[s] = new double[entries / slices.Length];
        }

        ReadData(header, slices, shape);
        if (stream.ReadByte() >= 0)
        {
            throw new MatrixFileFormatException(source, $"unexpected bytes after the {dataLength} bytes of array data", byteOffset: offset);
        }

        return slices.Select((storage, s) =>
        {
            MatrixShape.CheckAllFinite(slices.Length == 1 ? source : $"{source} matrix {s + 1}", storage, shape.Item2, options);
            return Matrix<double>.Build.Dense(shape.Item2, shape.Item3, storage);
        }).ToArray();
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

    private (BigInteger Count, BigInteger Rows, BigInteger Columns) Dimensions(IReadOnlyList<BigInteger> shape, bool allowStack) => shape.Count switch
    {
        1 => (BigInteger.One, shape[0], BigInteger.One),
        2 => (BigInteger.One, shape[0], shape[1]),
        3 when allowStack => (shape[0], shape[1], shape[2]),
        3 => throw new MatrixFileFormatException(
            source,
            $"3-dimensional array of shape ({string.Join(", ", shape)}) is a stack of {shape[0]} matrices, not supported where one matrix is read; read stacks with MatrixFile.ReadStack"),
        var rank => throw new MatrixFileFormatException(
            source,
            $"{rank}-dimensional array of shape ({string.Join(", ", shape)}{(rank == 1 ? "," : string.Empty)}) is not supported; expected a 2-D array (or a 1-D array, read as a column{(allowStack ? ", or a 3-D stack" : string.Empty)})"),
    };

    /// <summary>Reads the data in file order into the column-major storage of each matrix of the stack.</summary>
    /// <remarks>
    /// Element <c>q</c> of a (p, m, n) array is entry (s, i, j) with, in C order, <c>q = (s m + i) n + j</c> and, in
    /// Fortran order, <c>q = s + p (i + m j)</c>; 1-D and 2-D arrays are the case p = 1.
    /// </remarks>
    private void ReadData(NpyHeader header, double[][] slices, (int Count, int Rows, int Columns) shape)
    {
        var (p, m, n) = shape;
        var total = (long)p * m * n;
        var elementSize = header.ElementSize;
        var chunk = new byte[(int)Math.Min(ChunkLength, total * elementSize)];
        long next = 0;
        while (next < total)
        {
            var count = (int)Math.Min(chunk.Length / elementSize, total - next);
            var bytes = chunk.AsSpan(0, count * elementSize);
            FillOrThrowTruncated(bytes, total * elementSize, next * elementSize);
            for (var k = 0; k < count; k++, next++)
            {
                var (s, i, j) = header.FortranOrder
                    ? ((int)(next % p), (int)(next / p % m), (int)(next / p / m))                 // q = s + p (i + m j)
                    : ((int)(next / ((long)m * n)), (int)(next / n % m), (int)(next % n));       // q = (s m + i) n + j
                if (!NpyElementDecoder.TryDecode(header, bytes.Slice(k * elementSize, elementSize), out var value))
                {
                    throw new MatrixFileFormatException(
                        source,
                        $"{(p == 1 ? string.Empty : $"matrix {s + 1}, ")}entry at row {i + 1}, column {j + 1} (1-based) is an integer that a double cannot hold exactly; convert it to float64 first if rounding is acceptable");
                }

                slices[s][(j * m) + i] = value;
            }
        }
    }

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
        var remaining = stream.CanSeek ? stream.Length - stream.Position : length is { } known ? known - offset : needed;
        if (remaining < needed)
        {
            throw new MatrixFileFormatException(source, $"truncated {what}: expected {needed} bytes, found {remaining}", byteOffset: offset);
        }
    }
}
