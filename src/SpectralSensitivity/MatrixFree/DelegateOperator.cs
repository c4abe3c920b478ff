namespace SpectralSensitivity.MatrixFree;

/// <summary>A linear operator given by two user functions: <c>x ↦ A x</c> and <c>y ↦ Aᵀ y</c>.</summary>
/// <remarks>
/// The library never checks that the two functions are transposes of each other beyond the shape; a mismatch makes
/// the Krylov iterations fail to converge (reported as such), not silently wrong. The functions must be
/// deterministic and thread-safe for concurrent calls on different buffers. Cost: whatever the functions cost.
/// </remarks>
public sealed class DelegateOperator : ILinearOperator
{
    private readonly OperatorProduct _multiply;
    private readonly OperatorProduct _transposeMultiply;

    /// <summary>Wraps the two products of an m × n operator.</summary>
    /// <param name="rowCount">m ≥ 1.</param>
    /// <param name="columnCount">n ≥ 1.</param>
    /// <param name="multiply">Writes <c>A x</c> (length m) for x of length n.</param>
    /// <param name="transposeMultiply">Writes <c>Aᵀ y</c> (length n) for y of length m.</param>
    /// <exception cref="Errors.EmptyMatrixException">A dimension is below 1.</exception>
    public DelegateOperator(int rowCount, int columnCount, OperatorProduct multiply, OperatorProduct transposeMultiply)
    {
        ArgumentNullException.ThrowIfNull(multiply);
        ArgumentNullException.ThrowIfNull(transposeMultiply);
        OperatorGuard.RequireShape(rowCount, columnCount, "operator");
        RowCount = rowCount;
        ColumnCount = columnCount;
        _multiply = multiply;
        _transposeMultiply = transposeMultiply;
    }

    /// <inheritdoc/>
    public int RowCount { get; }

    /// <inheritdoc/>
    public int ColumnCount { get; }

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        OperatorGuard.RequireLengths(this, source.Length, destination.Length, transpose: false);
        _multiply(source, destination);
    }

    /// <inheritdoc/>
    public void TransposeMultiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        OperatorGuard.RequireLengths(this, source.Length, destination.Length, transpose: true);
        _transposeMultiply(source, destination);
    }
}
