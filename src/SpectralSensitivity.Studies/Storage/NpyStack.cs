using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Studies.Sources;

namespace SpectralSensitivity.Studies.Storage;

/// <summary>A 3-D <c>.npy</c> file of shape (count, m, n), little-endian float64 in C order (what <c>numpy.save</c> writes
/// for a C-contiguous float64 stack), read one matrix at a time.</summary>
/// <remarks>Matrix t starts at byte <c>offset + 8 t m n</c>; reading it costs O(mn). Other element types or orders are refused
/// with a message saying how to convert.</remarks>
public sealed partial class NpyStack : IMatrixStack
{
    private readonly string _path;
    private readonly long _dataOffset;

    private NpyStack(string path, long dataOffset, int count, int rows, int columns)
    {
        _path = path;
        _dataOffset = dataOffset;
        Count = count;
        Rows = rows;
        Columns = columns;
    }

    /// <inheritdoc />
    public string Name => Path.GetFileName(_path);

    /// <inheritdoc />
    public string Fingerprint
    {
        get
        {
            var info = new FileInfo(_path);
            return $"{info.FullName} ({info.Length} bytes, modified {info.LastWriteTimeUtc:O})";
        }
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public int Columns { get; }

    /// <summary>Opens the stack at <paramref name="path"/> (reads the header only).</summary>
    /// <exception cref="InvalidSpectralInputException">Not a 3-D little-endian float64 C-order <c>.npy</c>, or truncated.</exception>
    public static NpyStack Open(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[10];
        if (stream.Read(start) != 10 || start[0] != 0x93 || Encoding.ASCII.GetString(start[1..6]) != "NUMPY")
        {
            throw Invalid(path, "it is not a .npy file");
        }

        int lengthBytes = start[6] == 1 ? 2 : 4, headerLength;
        stream.Position = 8;
        Span<byte> length = stackalloc byte[4];
        stream.ReadExactly(length[..lengthBytes]);
        headerLength = lengthBytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(length) : (int)BinaryPrimitives.ReadUInt32LittleEndian(length);
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var text = Encoding.ASCII.GetString(header);
        var shape = ShapePattern().Match(text);
        if (!text.Contains("'descr': '<f8'", StringComparison.Ordinal) || !text.Contains("'fortran_order': False", StringComparison.Ordinal) || !shape.Success)
        {
            throw Invalid(path, $"a study reads 3-D little-endian float64 C-order stacks (numpy.save(path, numpy.ascontiguousarray(a, dtype='<f8'))); the header is {text.Trim()}");
        }

        int count = Dimension(shape, 1), rows = Dimension(shape, 2), columns = Dimension(shape, 3);
        var dataOffset = 8 + lengthBytes + headerLength;
        if (stream.Length < dataOffset + (long)count * rows * columns * sizeof(double))
        {
            throw Invalid(path, $"the file is truncated: shape ({count}, {rows}, {columns}) needs {(long)count * rows * columns * sizeof(double)} data bytes");
        }

        if (count < 1 || rows < 1 || columns < 1)
        {
            throw Invalid(path, $"the stack ({count}, {rows}, {columns}) is empty");
        }

        return new NpyStack(path, dataOffset, count, rows, columns);
    }

    /// <inheritdoc />
    public Matrix<double> Read(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        var bytes = new byte[Rows * Columns * sizeof(double)];
        using (var handle = File.OpenHandle(_path))
        {
            var offset = _dataOffset + (long)index * bytes.Length;
            var read = 0;
            while (read < bytes.Length)
            {
                read += RandomAccess.Read(handle, bytes.AsSpan(read), offset + read);
            }
        }

        var matrix = new DenseMatrix(Rows, Columns);
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                matrix[i, j] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan((i * Columns + j) * sizeof(double)));  // C order: (t, i, j)
            }
        }

        return matrix;
    }

    private static int Dimension(Match shape, int group) => int.Parse(shape.Groups[group].Value, CultureInfo.InvariantCulture);

    private static InvalidSpectralInputException Invalid(string path, string reason) => new($"{path}: {reason}");

    [GeneratedRegex(@"'shape': \((\d+), (\d+), (\d+)\)")]
    private static partial Regex ShapePattern();
}
