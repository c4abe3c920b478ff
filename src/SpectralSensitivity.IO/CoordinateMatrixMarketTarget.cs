using System.Runtime.InteropServices;
using SpectralSensitivity.MatrixFree;

namespace SpectralSensitivity.IO;

/// <summary>Reads a MatrixMarket file into coordinate lists, then compressed sparse rows: memory O(nnz), no dense copy.</summary>
/// <remarks><see cref="MatrixReadOptions.MaxEntries"/> limits the declared stored entries (coordinate files) or
/// m · n (array files). Zeros of array files are not stored; duplicates of coordinate files are summed.</remarks>
internal sealed class CoordinateMatrixMarketTarget : MatrixMarketTarget
{
    private readonly List<int> rowIndices = [];
    private readonly List<int> columnIndices = [];
    private readonly List<double> values = [];
    private int rows;
    private int columns;

    /// <summary>The matrix read.</summary>
    public CsrMatrix Result { get; private set; } = null!;

    /// <inheritdoc/>
    public override void Allocate(string source, long rows, long columns, long? entries, MatrixReadOptions options, long line)
    {
        if (rows < 1 || columns < 1 || rows > int.MaxValue || columns > int.MaxValue)
        {
            throw new MatrixFileFormatException(source, $"the size line declares a {rows} x {columns} matrix; each dimension must lie in 1..{int.MaxValue}", line);
        }

        var stored = entries ?? rows * columns;
        if (stored > options.MaxEntries)
        {
            throw new MatrixFileFormatException(source, $"the size line declares {stored} stored entries, more than the limit of {options.MaxEntries} (MatrixReadOptions.MaxEntries)", line);
        }

        (this.rows, this.columns) = ((int)rows, (int)columns);
        rowIndices.Capacity = columnIndices.Capacity = values.Capacity = (int)Math.Min(stored, 1 << 24);
    }

    /// <inheritdoc/>
    public override void Set(int i, int j, double value) => Add(i, j, value);

    /// <inheritdoc/>
    public override void Add(int i, int j, double value)
    {
        if (value == 0)
        {
            return;                                                               // a stored zero adds nothing to a sum
        }

        rowIndices.Add(i);
        columnIndices.Add(j);
        values.Add(value);
    }

    /// <inheritdoc/>
    public override void Complete(string source, MatrixMarketSymmetry symmetry, MatrixReadOptions options)
    {
        if (symmetry != MatrixMarketSymmetry.General)
        {
            var sign = symmetry == MatrixMarketSymmetry.SkewSymmetric ? -1.0 : 1.0;
            var stored = values.Count;
            for (var p = 0; p < stored; p++)
            {
                if (rowIndices[p] != columnIndices[p])
                {
                    Add(columnIndices[p], rowIndices[p], sign * values[p]);       // a(j, i) = ±a(i, j)
                }
            }
        }

        for (var p = 0; p < values.Count; p++)
        {
            if (!double.IsFinite(values[p]))
            {
                MatrixShape.CheckFinite(source, values[p], rowIndices[p], columnIndices[p], options);
            }
        }

        Result = CsrMatrix.FromCoordinates(rows, columns, CollectionsMarshal.AsSpan(rowIndices), CollectionsMarshal.AsSpan(columnIndices), CollectionsMarshal.AsSpan(values));
    }
}
