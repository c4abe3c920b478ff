using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.MatrixFree;

/// <summary>A MathNet dense matrix seen as a linear operator (its column-major storage is used in place, not copied).</summary>
/// <remarks>
/// <c>A x = Σ_j x_j a_j</c> over fixed blocks of rows, and <c>(Aᵀ y)_j = a_jᵀ y</c> over fixed blocks of columns,
/// both split across cores by <see cref="RowBlocks"/> (bit-identical on any core count). Cost O(mn) per product.
/// The matrix must not be modified while the operator is in use.
/// </remarks>
public sealed class DenseMatrixOperator : IScalableOperator
{
    private readonly double[] _storage;

    private DenseMatrixOperator(int rows, int columns, double[] storage)
    {
        RowCount = rows;
        ColumnCount = columns;
        _storage = storage;
    }

    /// <summary>Wraps a dense matrix (a non-dense MathNet matrix is copied to column-major storage first).</summary>
    /// <param name="matrix">A, m × n with m, n ≥ 1.</param>
    public DenseMatrixOperator(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        OperatorGuard.RequireShape(matrix.RowCount, matrix.ColumnCount, "matrix");
        RowCount = matrix.RowCount;
        ColumnCount = matrix.ColumnCount;
        _storage = ColumnKernels.Storage(matrix);
    }

    /// <inheritdoc/>
    public int RowCount { get; }

    /// <inheritdoc/>
    public int ColumnCount { get; }

    /// <summary>‖A‖_F, scale-safe.</summary>
    public double FrobeniusNorm() => VectorMath.Norm(_storage);

    /// <inheritdoc/>
    double IScalableOperator.SpectralNormBound() => ColumnKernels.SpectralNormBound(_storage, RowCount, ColumnCount);

    /// <inheritdoc/>
    double IScalableOperator.MaxAbsEntry() => VectorMath.MaxAbs(_storage);

    /// <inheritdoc/>
    ILinearOperator IScalableOperator.ScaledCopy(int exponent)
    {
        var storage = (double[])_storage.Clone();
        VectorMath.ScaleByPowerOfTwo(storage, exponent);
        return new DenseMatrixOperator(RowCount, ColumnCount, storage);
    }

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        OperatorGuard.RequireLengths(this, source.Length, destination.Length, transpose: false);
        var x = source.ToArray();
        var y = new double[RowCount];
        int m = RowCount, n = ColumnCount;
        RowBlocks.Run(m, (long)m * n, (first, end) =>
        {
            var part = y.AsSpan(first, end - first);
            for (var j = 0; j < n; j++)
            {
                ColumnKernels.Axpy(x[j], _storage.AsSpan((j * m) + first, end - first), part);   // y += x_j a_j on these rows
            }
        });
        y.CopyTo(destination);
    }

    /// <inheritdoc/>
    public void TransposeMultiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        OperatorGuard.RequireLengths(this, source.Length, destination.Length, transpose: true);
        var y = source.ToArray();
        var x = new double[ColumnCount];
        int m = RowCount, n = ColumnCount;
        RowBlocks.Run(n, (long)m * n, (first, end) =>
        {
            for (var j = first; j < end; j++)
            {
                x[j] = ColumnKernels.Dot(_storage.AsSpan(j * m, m), y);                            // (Aᵀ y)_j = a_jᵀ y
            }
        });
        x.CopyTo(destination);
    }
}
