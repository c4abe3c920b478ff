using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Cli.Input;

/// <summary>A stop-gap reader for .npy (float64/float32, C/Fortran order) and .csv until SpectralSensitivity.IO lands; delete it then.</summary>
internal static partial class InterimMatrixReader
{
    private const long MaxEntries = 1L << 28;

    private static ReadOnlySpan<byte> NpyMagic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static Matrix<double> Read(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".npy" => ReadNpy(File.ReadAllBytes(path)),
        ".csv" or ".txt" => ReadCsv(File.ReadAllLines(path)),
        var other => throw new InvalidSpectralInputException($"unsupported file extension '{other}' (use .npy or .csv)"),
    };

    private static Matrix<double> ReadNpy(byte[] bytes)
    {
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(NpyMagic))
        {
            throw new InvalidSpectralInputException("not a .npy file: the magic string \\x93NUMPY is missing");
        }

        var major = bytes[6];
        var (headerLength, headerStart) = major == 1
            ? (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), 10)
            : bytes.Length >= 12 ? ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)), 12) : (-1, 12);
        if (major is < 1 or > 3 || headerLength < 0 || headerStart + headerLength > bytes.Length)
        {
            throw new InvalidSpectralInputException($"truncated or unsupported .npy header (format version {major})");
        }

        var header = Encoding.UTF8.GetString(bytes, headerStart, headerLength);
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new InvalidSpectralInputException("malformed .npy header: descr, fortran_order or shape missing");
        }

        var width = descr.Groups[1].Value switch
        {
            "<f8" => 8,
            "<f4" => 4,
            var d => throw new InvalidSpectralInputException($"unsupported .npy dtype '{d}': only little-endian float64 ('<f8') and float32 ('<f4')"),
        };
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d, CultureInfo.InvariantCulture)).ToArray();
        if (dims.Length != 2)
        {
            throw new InvalidSpectralInputException($"a matrix needs a 2-D array; this .npy array has {dims.Length} dimension(s)");
        }

        var (rows, columns) = (dims[0], dims[1]);
        if (rows * columns > MaxEntries)
        {
            throw new InvalidSpectralInputException($".npy header declares {rows} x {columns} entries, more than the limit {MaxEntries}");
        }

        var data = bytes.AsSpan(headerStart + headerLength);
        if (data.Length < rows * columns * width)
        {
            throw new InvalidSpectralInputException($"truncated .npy file: {rows} x {columns} entries need {rows * columns * width} bytes, found {data.Length}");
        }

        var columnMajor = fortran.Groups[1].Value == "True";
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = width == 8
                ? BinaryPrimitives.ReadDoubleLittleEndian(data.Slice(i * 8))
                : BinaryPrimitives.ReadSingleLittleEndian(data.Slice(i * 4));
        }

        return columnMajor
            ? Matrix<double>.Build.Dense((int)rows, (int)columns, values)
            : Matrix<double>.Build.Dense((int)rows, (int)columns, (i, j) => values[i * columns + j]);
    }

    private static Matrix<double> ReadCsv(string[] lines)
    {
        var rows = new List<double[]>();
        for (var line = 0; line < lines.Length; line++)
        {
            var cells = lines[line].Split([',', ' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (cells.Length == 0)
            {
                continue;
            }

            var parsed = new double[cells.Length];
            var numeric = true;
            for (var j = 0; j < cells.Length && numeric; j++)
            {
                numeric = TryParseCell(cells[j], out parsed[j]);
            }

            if (!numeric && rows.Count == 0 && line == 0)
            {
                continue; // header row
            }

            if (!numeric)
            {
                throw new InvalidSpectralInputException($"csv line {line + 1}: '{lines[line].Trim()}' is not a row of numbers");
            }

            if (rows.Count > 0 && parsed.Length != rows[0].Length)
            {
                throw new InvalidSpectralInputException($"csv line {line + 1} has {parsed.Length} values, the first row has {rows[0].Length}");
            }

            rows.Add(parsed);
        }

        if (rows.Count == 0)
        {
            throw new EmptyMatrixException("csv file", 0, 0);
        }

        return Matrix<double>.Build.DenseOfRowArrays(rows);
    }

    private static bool TryParseCell(string cell, out double value)
    {
        value = cell.ToLowerInvariant() switch
        {
            "nan" => double.NaN,
            "inf" or "+inf" or "infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => 0,
        };
        return value != 0 || double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
