using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>
/// Reads MatrixMarket <c>.mtx</c> files: <c>array</c> or <c>coordinate</c> layout, <c>real</c> or <c>integer</c>
/// field, <c>general</c>, <c>symmetric</c> or <c>skew-symmetric</c>. Comment lines (<c>%</c>) and blank lines may
/// appear anywhere after the banner.
/// </summary>
/// <remarks>
/// Coordinate entries are 1-based; an entry listed twice is summed (the convention of the format's reference
/// tools and of SciPy). Symmetric and skew-symmetric files must store the lower triangle only (skew-symmetric:
/// strictly below the diagonal). The size line is checked against <see cref="MatrixReadOptions.MaxEntries"/>
/// before the dense matrix is allocated, and the number of entries against the one the size line declares.
/// Where the entries go is the <see cref="MatrixMarketTarget"/>'s business: a dense array, or coordinate lists that
/// become a <see cref="MatrixFree.CsrMatrix"/> without a dense copy (<see cref="ReadSparse"/>).
/// </remarks>
internal sealed class MatrixMarketReader(Stream stream, string source, MatrixReadOptions options, MatrixMarketTarget target)
    : TextMatrixReader(stream, source, options)
{
    private MatrixMarketBanner banner = null!;
    private int rows;
    private int columns;

    /// <summary>Reads one matrix from <paramref name="stream"/>.</summary>
    /// <param name="stream">The input; left open.</param>
    /// <param name="source">The file path or stream name, for messages.</param>
    /// <param name="options">Limits and policies.</param>
    /// <returns>The dense matrix.</returns>
    /// <exception cref="MatrixFileFormatException">The file is malformed, too large or unsupported.</exception>
    public static Matrix<double> Read(Stream stream, string source, MatrixReadOptions options)
    {
        var target = new DenseMatrixMarketTarget();
        new MatrixMarketReader(stream, source, options, target).ReadMatrix();
        return target.Result;
    }

    /// <summary>Reads one matrix from <paramref name="stream"/> straight into compressed sparse rows: memory O(nnz), never O(m n).</summary>
    /// <param name="stream">The input; left open.</param>
    /// <param name="source">The file path or stream name, for messages.</param>
    /// <param name="options">Limits and policies; <see cref="MatrixReadOptions.MaxEntries"/> bounds the stored entries.</param>
    /// <returns>The sparse matrix (symmetric files expanded to both triangles).</returns>
    /// <exception cref="MatrixFileFormatException">The file is malformed, too large or unsupported.</exception>
    public static MatrixFree.CsrMatrix ReadSparse(Stream stream, string source, MatrixReadOptions options)
    {
        var target = new CoordinateMatrixMarketTarget();
        new MatrixMarketReader(stream, source, options, target).ReadMatrix();
        return target.Result;
    }

    private void ReadMatrix()
    {
        if (!Lines.TryReadLine(out var first))
        {
            throw new MatrixFileFormatException(Source, "the file is empty; expected a '%%MatrixMarket' banner");
        }

        banner = MatrixMarketBanner.Parse(Source, first);
        var declaredEntries = ReadSizeLine();
        if (banner.Layout == MatrixMarketLayout.Array)
        {
            ReadArrayValues();
        }
        else
        {
            ReadCoordinateEntries(declaredEntries);
        }

        target.Complete(Source, banner.Symmetry, Options);
    }

    private long ReadSizeLine()
    {
        var coordinate = banner.Layout == MatrixMarketLayout.Coordinate;
        var expected = coordinate ? "rows, columns and number of entries" : "rows and columns";
        if (!TryReadDataLine(out var line))
        {
            throw new MatrixFileFormatException(Source, $"the size line is missing; expected {expected}");
        }

        var fields = new FieldSplitter(line, delimiter: null);
        var declared = new long[coordinate ? 3 : 2];
        for (var k = 0; k < declared.Length; k++)
        {
            declared[k] = fields.TryNext(out var field) && long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw ErrorHere($"the size line must hold {expected} as non-negative integers", fields.FieldNumber);
        }

        if (fields.CountRest() > 0)
        {
            throw ErrorHere($"the size line has more than {declared.Length} values; expected {expected}");
        }

        if (banner.Symmetry != MatrixMarketSymmetry.General && declared[0] != declared[1])
        {
            throw ErrorHere($"a {Describe(banner.Symmetry)} matrix must be square, but the size line declares {declared[0]} x {declared[1]}");
        }

        target.Allocate(Source, declared[0], declared[1], coordinate ? declared[2] : null, Options, Lines.LineNumber);
        (rows, columns) = ((int)declared[0], (int)declared[1]);
        return coordinate ? declared[2] : 0;
    }

    private void ReadArrayValues()
    {
        var skew = banner.Symmetry == MatrixMarketSymmetry.SkewSymmetric;
        var stored = banner.Symmetry == MatrixMarketSymmetry.General ? (long)rows * columns
            : skew ? (long)rows * (rows - 1) / 2 : (long)rows * (rows + 1) / 2;
        var (i, j, count) = (FirstStoredRow(0), 0, 0L);
        while (TryReadDataLine(out var line))
        {
            var fields = new FieldSplitter(line, delimiter: null);
            while (fields.TryNext(out var field))
            {
                if (count == stored)
                {
                    throw ErrorHere($"more values than the {stored} a {rows} x {columns} {Describe(banner.Symmetry)} array stores", fields.FieldNumber);
                }

                target.Set(i, j, ParseValue(field, i, j, fields.FieldNumber));
                count++;
                (i, j) = i + 1 < rows ? (i + 1, j) : (FirstStoredRow(j + 1), j + 1);
            }
        }

        if (count < stored)
        {
            throw new MatrixFileFormatException(Source, $"expected {stored} values for a {rows} x {columns} {Describe(banner.Symmetry)} array, found {count}");
        }

        int FirstStoredRow(int column) => banner.Symmetry switch
        {
            MatrixMarketSymmetry.General => 0,
            MatrixMarketSymmetry.Symmetric => column,
            _ => column + 1,
        };
    }

    private void ReadCoordinateEntries(long declared)
    {
        var count = 0L;
        while (TryReadDataLine(out var line))
        {
            if (count == declared)
            {
                throw ErrorHere($"more entries than the {declared} the size line declares");
            }

            var fields = new FieldSplitter(line, delimiter: null);
            var i = ParseIndex(ref fields, "row", rows);
            var j = ParseIndex(ref fields, "column", columns);
            if (!fields.TryNext(out var field) || fields.CountRest() > 0)
            {
                throw ErrorHere($"expected 3 values (row, column, value), found {new FieldSplitter(line, null).CountRest()}");
            }

            CheckStoredTriangle(i, j);
            target.Add(i, j, ParseValue(field, i, j, 3));
            count++;
        }

        if (count < declared)
        {
            throw new MatrixFileFormatException(Source, $"the size line declares {declared} entries, found {count}");
        }
    }

    private int ParseIndex(ref FieldSplitter fields, string what, int limit)
    {
        if (!fields.TryNext(out var field))
        {
            throw ErrorHere($"expected 3 values (row, column, value), found {fields.FieldNumber}");
        }

        if (!long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            throw ErrorHere($"{NumberText.Quote(field)} is not a valid {what} index", fields.FieldNumber);
        }

        return index >= 1 && index <= limit
            ? (int)index - 1
            : throw ErrorHere($"{what} index {index} is outside 1..{limit}", fields.FieldNumber);
    }

    private void CheckStoredTriangle(int i, int j)
    {
        var allowed = banner.Symmetry switch
        {
            MatrixMarketSymmetry.General => true,
            MatrixMarketSymmetry.Symmetric => i >= j,
            _ => i > j,
        };
        if (!allowed)
        {
            var part = banner.Symmetry == MatrixMarketSymmetry.Symmetric ? "the lower triangle and the diagonal" : "the strict lower triangle";
            throw ErrorHere($"entry ({i + 1}, {j + 1}) is outside {part}, which is all a {Describe(banner.Symmetry)} file may store");
        }
    }

    private double ParseValue(ReadOnlySpan<char> field, int i, int j, int fieldNumber)
    {
        if (!banner.IntegerField)
        {
            return ParseEntry(field, fieldNumber, i, j);
        }

        return long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : throw ErrorHere($"{NumberText.Quote(field)} is not an integer, as the banner's 'integer' field requires", fieldNumber);
    }

    private bool TryReadDataLine(out ReadOnlySpan<char> line)
    {
        while (Lines.TryReadLine(out line))
        {
            var content = line.TrimStart(" \t");
            if (!content.IsEmpty && content[0] != '%')
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(MatrixMarketSymmetry symmetry) => symmetry switch
    {
        MatrixMarketSymmetry.General => "general",
        MatrixMarketSymmetry.Symmetric => "symmetric",
        _ => "skew-symmetric",
    };
}
