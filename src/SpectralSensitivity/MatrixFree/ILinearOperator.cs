namespace SpectralSensitivity.MatrixFree;

/// <summary>A real m × n matrix known only through its products <c>y = A x</c> and <c>x = Aᵀ y</c>.</summary>
/// <remarks>
/// <para>Everything the matrix-free (Krylov) path needs from A: the shape and the two products, written into
/// buffers the caller owns, so no call allocates. Block versions act on <c>b</c> vectors stored one after the other
/// (column-major <c>n × b</c> in, <c>m × b</c> out); the default implementations loop over the columns.</para>
/// <para>Implementations: <see cref="CsrMatrix"/> (compressed sparse rows, the fast path),
/// <see cref="DenseMatrixOperator"/> (a MathNet dense matrix), <see cref="DelegateOperator"/> (user code);
/// <see cref="LinearOperator.FromMatrix"/> adapts any MathNet matrix without a dense copy of sparse storage.
/// Implementations must be deterministic: the same input gives bit-identical output on any core count.</para>
/// </remarks>
public interface ILinearOperator
{
    /// <summary>m, the number of rows.</summary>
    int RowCount { get; }

    /// <summary>n, the number of columns.</summary>
    int ColumnCount { get; }

    /// <summary><c>destination = A source</c>.</summary>
    /// <param name="source">x, length n.</param>
    /// <param name="destination">y, length m; overwritten.</param>
    void Multiply(ReadOnlySpan<double> source, Span<double> destination);

    /// <summary><c>destination = Aᵀ source</c>.</summary>
    /// <param name="source">y, length m.</param>
    /// <param name="destination">x, length n; overwritten.</param>
    void TransposeMultiply(ReadOnlySpan<double> source, Span<double> destination);

    /// <summary><c>Y = A X</c> for <paramref name="count"/> vectors stored one after the other.</summary>
    /// <param name="source">X, column-major n × count.</param>
    /// <param name="destination">Y, column-major m × count; overwritten.</param>
    /// <param name="count">The number of vectors b.</param>
    void MultiplyBlock(ReadOnlySpan<double> source, Span<double> destination, int count)
    {
        for (var c = 0; c < count; c++)
        {
            Multiply(source.Slice(c * ColumnCount, ColumnCount), destination.Slice(c * RowCount, RowCount));
        }
    }

    /// <summary><c>X = Aᵀ Y</c> for <paramref name="count"/> vectors stored one after the other.</summary>
    /// <param name="source">Y, column-major m × count.</param>
    /// <param name="destination">X, column-major n × count; overwritten.</param>
    /// <param name="count">The number of vectors b.</param>
    void TransposeMultiplyBlock(ReadOnlySpan<double> source, Span<double> destination, int count)
    {
        for (var c = 0; c < count; c++)
        {
            TransposeMultiply(source.Slice(c * RowCount, RowCount), destination.Slice(c * ColumnCount, ColumnCount));
        }
    }
}
