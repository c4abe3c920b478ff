using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.MatrixFree;

/// <summary>A MathNet dense matrix seen as a linear operator (its column-major storage is used in place, not copied).</summary>
/// <remarks>
/// <c>A x = Σ_j x_j a_j</c> and <c>(Aᵀ y)_j = a_jᵀ y</c> by SIMD kernels that read A from memory once per product (eight
/// columns per pass for <c>A x</c>, eight dot products per pass for <c>Aᵀ y</c>), over a fixed grid of tiles split
/// across cores (<see cref="DenseProducts"/>): bit-identical on any core count. Cost O(mn) per product, O(mnb) per block
/// of b vectors with A still read once.
/// The matrix must not be modified while the operator is in use.
/// </remarks>
public sealed class DenseMatrixOperator : IScalableOperator, IOuterGramOperator
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
    long IScalableOperator.StoredEntryCount => (long)RowCount * ColumnCount;

    double IScalableOperator.MaxAbsEntry() => VectorMath.MaxAbs(_storage);

    /// <inheritdoc/>
    ILinearOperator IScalableOperator.ScaledCopy(int exponent)
    {
        var storage = (double[])_storage.Clone();
        VectorMath.ScaleByPowerOfTwo(storage, exponent);
        return new DenseMatrixOperator(RowCount, ColumnCount, storage);
    }

    /// <inheritdoc/>
    /// <remarks><c>y_i = Σ_j a_ij x_j</c> by <see cref="DenseProducts.Multiply"/>. Cost: m n multiply-adds, A read once.</remarks>
    public void Multiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        OperatorGuard.RequireLengths(this, source.Length, destination.Length, transpose: false);
        Apply(source, destination, 1, transpose: false);
    }

    /// <inheritdoc/>
    /// <remarks><c>x_j = Σ_i a_ij y_i</c> by <see cref="DenseProducts.TransposeMultiply"/>. Cost: m n multiply-adds, A read once.</remarks>
    public void TransposeMultiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        OperatorGuard.RequireLengths(this, source.Length, destination.Length, transpose: true);
        Apply(source, destination, 1, transpose: true);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>Y = A X</c> with A read from memory once for all b vectors (each group of columns is applied to every vector
    /// while it is in cache); each column of Y has the same bits as <see cref="Multiply"/> of that vector alone.
    /// Cost: m n b multiply-adds.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void MultiplyBlock(ReadOnlySpan<double> source, Span<double> destination, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        OperatorGuard.RequireBlockLengths(this, source.Length, destination.Length, count, transpose: false);
        Apply(source, destination, count, transpose: false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>X = Aᵀ Y</c> with A read from memory once for all b vectors; each column of X has the same bits as
    /// <see cref="TransposeMultiply"/> of that vector alone. Cost: m n b multiply-adds.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void TransposeMultiplyBlock(ReadOnlySpan<double> source, Span<double> destination, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        OperatorGuard.RequireBlockLengths(this, source.Length, destination.Length, count, transpose: true);
        Apply(source, destination, count, transpose: true);
    }

    /// <summary><c>A (Aᵀ x)</c> with A read from memory once (<see cref="DenseProducts.OuterGram"/>). Cost: 2 m n multiply-adds.</summary>
    void IOuterGramOperator.MultiplyOuterGram(ReadOnlySpan<double> source, Span<double> destination)
    {
        OperatorGuard.RequireLengths(this, source.Length, ColumnCount, transpose: true);                       // Aᵀ x
        OperatorGuard.RequireLengths(this, ColumnCount, destination.Length, transpose: false);                 // A (Aᵀ x)
        var output = new double[RowCount];
        DenseProducts.OuterGram(_storage, RowCount, ColumnCount, source.ToArray(), output);             // the blocks run on other threads: no spans there
        output.CopyTo(destination);
    }

    /// <summary>True: <see cref="DenseProducts.OuterGram"/> reads A once. Cost O(1).</summary>
    bool IOuterGramOperator.OnePassOuterGram => true;

    /// <summary><c>A X</c> or <c>Aᵀ X</c> for <paramref name="count"/> vectors whose lengths have been checked.</summary>
    private void Apply(ReadOnlySpan<double> source, Span<double> destination, int count, bool transpose)
    {
        if (count == 0)
        {
            return;
        }

        var (inLength, outLength) = transpose ? (RowCount, ColumnCount) : (ColumnCount, RowCount);
        var input = source[..(inLength * count)].ToArray();                  // the tiles run on other threads: no spans there
        var output = new double[outLength * count];
        if (transpose)
        {
            DenseProducts.TransposeMultiply(_storage, RowCount, ColumnCount, input, output, count);
        }
        else
        {
            DenseProducts.Multiply(_storage, RowCount, ColumnCount, input, output, count);
        }

        output.CopyTo(destination);
    }
}
