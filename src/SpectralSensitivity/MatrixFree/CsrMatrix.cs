using System.Buffers;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree;

/// <summary>A sparse m × n matrix in compressed sparse row (CSR) form: the hot path of the matrix-free methods.</summary>
/// <remarks>
/// <para>Row i holds the entries <c>Values[p]</c> at columns <c>ColumnIndices[p]</c> for
/// <c>RowPointers[i] ≤ p &lt; RowPointers[i+1]</c>, columns strictly increasing within a row.</para>
/// <para><c>A x</c>: <c>y_i = Σ_p Values[p] x[ColumnIndices[p]]</c>, each row summed by four interleaved accumulators
/// (a fixed association, so every machine gives the same bits), rows
/// split into a fixed partition of blocks that run in parallel (<see cref="RowBlocks"/>): bit-identical on any core
/// count. <c>Aᵀ y</c> uses the same kernel on a transposed copy (the CSR of Aᵀ), built on first use, which doubles the
/// memory but keeps the transpose product deterministic and parallel without per-thread accumulators.</para>
/// <para>Cost: O(nnz) per product; memory 12 nnz + 4 (m + 1) bytes, twice that once a transpose product was taken.</para>
/// </remarks>
public sealed class CsrMatrix : IScalableOperator
{
    private readonly int[] _rowPointers;
    private readonly int[] _columnIndices;
    private readonly double[] _values;
    private CsrMatrix? _transpose;

    /// <summary>Creates a CSR matrix from its three arrays (taken over, not copied) after checking them.</summary>
    /// <param name="rowCount">m ≥ 1.</param>
    /// <param name="columnCount">n ≥ 1.</param>
    /// <param name="rowPointers">Length m + 1, starting at 0, non-decreasing, ending at nnz.</param>
    /// <param name="columnIndices">Length nnz, 0-based, strictly increasing within each row.</param>
    /// <param name="values">Length nnz, finite.</param>
    /// <exception cref="InvalidSpectralInputException">The arrays are inconsistent or a value is not finite.</exception>
    public CsrMatrix(int rowCount, int columnCount, int[] rowPointers, int[] columnIndices, double[] values)
        : this(rowCount, columnCount, rowPointers, columnIndices, values, validate: true)
    {
    }

    private CsrMatrix(int rowCount, int columnCount, int[] rowPointers, int[] columnIndices, double[] values, bool validate)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        OperatorGuard.RequireShape(rowCount, columnCount, "sparse matrix");
        RowCount = rowCount;
        ColumnCount = columnCount;
        _rowPointers = rowPointers;
        _columnIndices = columnIndices;
        _values = values;
        if (validate)
        {
            Validate();
        }
    }

    /// <inheritdoc/>
    public int RowCount { get; }

    /// <inheritdoc/>
    public int ColumnCount { get; }

    /// <summary>The number of stored entries.</summary>
    public int NonZeroCount => _values.Length;

    /// <summary>Row start offsets (length m + 1).</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>Column index of each stored entry.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columnIndices;

    /// <summary>Value of each stored entry.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Builds a CSR matrix from coordinate triplets (any order; duplicates summed, as in the Matrix Market convention).</summary>
    /// <remarks>Counting sort by row, then by column within each row: O(nnz + m + n) time, no dense storage.</remarks>
    /// <param name="rowCount">m.</param>
    /// <param name="columnCount">n.</param>
    /// <param name="rows">0-based row of each triplet.</param>
    /// <param name="columns">0-based column of each triplet.</param>
    /// <param name="values">Value of each triplet.</param>
    /// <exception cref="InvalidSpectralInputException">An index is out of range, the lengths differ, or a value is not finite.</exception>
    public static CsrMatrix FromCoordinates(int rowCount, int columnCount, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, ReadOnlySpan<double> values)
    {
        OperatorGuard.RequireShape(rowCount, columnCount, "sparse matrix");
        if (rows.Length != columns.Length || rows.Length != values.Length)
        {
            throw new DimensionMismatchException($"coordinate lists differ in length: {rows.Length} rows, {columns.Length} columns, {values.Length} values");
        }

        for (var p = 0; p < rows.Length; p++)
        {
            if ((uint)rows[p] >= (uint)rowCount || (uint)columns[p] >= (uint)columnCount)
            {
                throw new InvalidSpectralInputException($"entry {p} at ({rows[p]}, {columns[p]}) (0-based) lies outside the {rowCount} x {columnCount} matrix");
            }

            if (!double.IsFinite(values[p]))
            {
                throw new NonFiniteInputException("sparse matrix", rows[p], columns[p], values[p]);
            }
        }

        // Sort by column first (stable counting sort), then by row: within each row the columns come out increasing.
        var byColumn = CountingOrder(columns, columnCount, null);
        var byRow = CountingOrder(rows, rowCount, byColumn);
        var pointers = new int[rowCount + 1];
        var indices = new List<int>(rows.Length);
        var sums = new List<double>(rows.Length);
        var row = 0;
        foreach (var p in byRow)
        {
            while (row < rows[p])
            {
                pointers[++row] = indices.Count;
            }

            if (indices.Count > pointers[row] && indices[^1] == columns[p])
            {
                sums[^1] += values[p];                  // a repeated coordinate: summed
            }
            else
            {
                indices.Add(columns[p]);
                sums.Add(values[p]);
            }
        }

        while (row < rowCount)
        {
            pointers[++row] = indices.Count;
        }

        return new CsrMatrix(rowCount, columnCount, pointers, [.. indices], [.. sums], validate: false);
    }

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        OperatorGuard.RequireLengths(this, source.Length, destination.Length, transpose: false);
        Product(source, destination);
    }

    /// <inheritdoc/>
    public void TransposeMultiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        OperatorGuard.RequireLengths(this, source.Length, destination.Length, transpose: true);
        Transpose().Product(source, destination);
    }

    /// <summary>The CSR form of Aᵀ (built once, then cached).</summary>
    /// <remarks>Cost O(nnz + m + n) the first time.</remarks>
    public CsrMatrix Transpose()
    {
        if (_transpose is { } cached)
        {
            return cached;
        }

        var pointers = new int[ColumnCount + 1];
        foreach (var j in _columnIndices)
        {
            pointers[j + 1]++;
        }

        for (var j = 0; j < ColumnCount; j++)
        {
            pointers[j + 1] += pointers[j];
        }

        var next = (int[])pointers.Clone();
        var indices = new int[NonZeroCount];
        var values = new double[NonZeroCount];
        for (var i = 0; i < RowCount; i++)
        {
            for (var p = _rowPointers[i]; p < _rowPointers[i + 1]; p++)
            {
                var q = next[_columnIndices[p]]++;   // rows visited in order: columns of Aᵀ increase within each row
                indices[q] = i;
                values[q] = _values[p];
            }
        }

        var transpose = new CsrMatrix(ColumnCount, RowCount, pointers, indices, values, validate: false) { _transpose = this };
        _transpose = transpose;
        return transpose;
    }

    /// <summary>‖A‖_F, computed with a power-of-two rescaling so that it neither overflows nor underflows.</summary>
    public double FrobeniusNorm() => VectorMath.Norm(_values);

    /// <inheritdoc/>
    long IScalableOperator.StoredEntryCount => NonZeroCount;

    double IScalableOperator.MaxAbsEntry() => VectorMath.MaxAbs(_values);

    /// <inheritdoc/>
    ILinearOperator IScalableOperator.ScaledCopy(int exponent)
    {
        var values = (double[])_values.Clone();
        VectorMath.ScaleByPowerOfTwo(values, exponent);
        return new CsrMatrix(RowCount, ColumnCount, _rowPointers, _columnIndices, values, validate: false);
    }

    private void Product(ReadOnlySpan<double> source, Span<double> destination)
    {
        if (source.Overlaps(destination))
        {
            throw new ArgumentException("source and destination must not overlap", nameof(destination));
        }

        if (!RowBlocks.IsParallel(RowCount, NonZeroCount))
        {
            for (var i = 0; i < RowCount; i++)
            {
                destination[i] = RowDot(_rowPointers[i], _rowPointers[i + 1], source);
            }

            return;
        }

        // Parallel blocks cannot capture spans: pooled arrays carry the vectors (O(m + n) copies against O(nnz) work).
        var x = ArrayPool<double>.Shared.Rent(source.Length);
        var y = ArrayPool<double>.Shared.Rent(RowCount);
        source.CopyTo(x);
        RowBlocks.Run(RowCount, NonZeroCount, (first, end) =>
        {
            for (var i = first; i < end; i++)
            {
                y[i] = RowDot(_rowPointers[i], _rowPointers[i + 1], x);
            }
        });
        y.AsSpan(0, RowCount).CopyTo(destination);
        ArrayPool<double>.Shared.Return(x);
        ArrayPool<double>.Shared.Return(y);
    }

    /// <summary><c>Σ_p Values[p] x[ColumnIndices[p]]</c> over one row: four accumulators take the entries p ≡ 0..3 (mod 4) from the row's start, then <c>(l₀ + l₁) + (l₂ + l₃)</c>, then the tail.</summary>
    /// <remarks>A fixed association (the same bits on any hardware); scalar accumulators rather than vector lanes, since
    /// assembling a vector from four gathered scalars cost more than the four independent multiply-adds it replaced.</remarks>
    private double RowDot(int first, int end, ReadOnlySpan<double> x)
    {
        var values = _values;
        var columns = _columnIndices;
        var (l0, l1, l2, l3) = (0.0, 0.0, 0.0, 0.0);
        var p = first;
        for (; p + 4 <= end; p += 4)
        {
            l0 += values[p] * x[columns[p]];
            l1 += values[p + 1] * x[columns[p + 1]];
            l2 += values[p + 2] * x[columns[p + 2]];
            l3 += values[p + 3] * x[columns[p + 3]];
        }

        var sum = (l0 + l1) + (l2 + l3);
        for (; p < end; p++)
        {
            sum += values[p] * x[columns[p]];
        }

        return sum;
    }

    private static int[] CountingOrder(ReadOnlySpan<int> keys, int keyCount, int[]? order)
    {
        var start = new int[keyCount + 1];
        foreach (var key in keys)
        {
            start[key + 1]++;
        }

        for (var k = 0; k < keyCount; k++)
        {
            start[k + 1] += start[k];
        }

        var result = new int[keys.Length];
        for (var t = 0; t < keys.Length; t++)
        {
            var p = order is null ? t : order[t];
            result[start[keys[p]]++] = p;
        }

        return result;
    }

    private void Validate()
    {
        if (_rowPointers.Length != RowCount + 1 || _rowPointers[0] != 0 || _rowPointers[RowCount] != _values.Length || _columnIndices.Length != _values.Length)
        {
            throw new InvalidSpectralInputException(
                $"CSR arrays are inconsistent: need {RowCount + 1} row pointers from 0 to nnz = {_values.Length} and {_values.Length} column indices");
        }

        for (var i = 0; i < RowCount; i++)
        {
            if (_rowPointers[i + 1] < _rowPointers[i])
            {
                throw new InvalidSpectralInputException($"CSR row pointers decrease at row {i}");
            }

            for (var p = _rowPointers[i]; p < _rowPointers[i + 1]; p++)
            {
                var j = _columnIndices[p];
                if ((uint)j >= (uint)ColumnCount || (p > _rowPointers[i] && j <= _columnIndices[p - 1]))
                {
                    throw new InvalidSpectralInputException($"CSR row {i}: column index {j} is out of range or not strictly increasing");
                }

                if (!double.IsFinite(_values[p]))
                {
                    throw new NonFiniteInputException("sparse matrix", i, j, _values[p]);
                }
            }
        }
    }

    /// <summary>One line: shape and the number of stored entries, in the invariant culture.</summary>
    /// <returns>E.g. <c>CsrMatrix { Rows = 3000, Columns = 2000, NonZeros = 59820 }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(nameof(CsrMatrix), $"Rows = {RowCount}", $"Columns = {ColumnCount}", $"NonZeros = {NonZeroCount}");
}
