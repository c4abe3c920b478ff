using SpectralSensitivity.MatrixFree;

namespace SpectralSensitivity.Benchmarks.MatrixFree;

/// <summary>An operator with stored entries that counts its products (for the per-phase product counts of <see cref="KrylovScaleRun"/>); it adds one
/// counter increment per product (a block of b vectors counts b) and otherwise passes everything to the wrapped operator, so the path taken is the
/// same.</summary>
internal sealed class CountingOperator(ILinearOperator inner) : IScalableOperator, IOuterGramOperator
{
    private readonly IScalableOperator _stored = (IScalableOperator)inner;

    /// <summary>Products with A or Aᵀ so far.</summary>
    public int Products { get; private set; }

    public int RowCount => inner.RowCount;

    public int ColumnCount => inner.ColumnCount;

    public void Multiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        Products++;
        inner.Multiply(source, destination);
    }

    public void TransposeMultiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        Products++;
        inner.TransposeMultiply(source, destination);
    }

    /// <summary><c>A (Aᵀ x)</c>, counted as two products: the wrapped operator's one-pass product when it has one.</summary>
    public void MultiplyOuterGram(ReadOnlySpan<double> source, Span<double> destination)
    {
        Products += 2;
        if (inner is IOuterGramOperator gram)
        {
            gram.MultiplyOuterGram(source, destination);
            return;
        }

        var middle = new double[inner.ColumnCount];
        inner.TransposeMultiply(source, middle);
        inner.Multiply(middle, destination);
    }

    /// <summary>As the wrapped operator.</summary>
    public bool OnePassOuterGram => inner is IOuterGramOperator { OnePassOuterGram: true };

    public void MultiplyBlock(ReadOnlySpan<double> source, Span<double> destination, int count)
    {
        Products += count;
        inner.MultiplyBlock(source, destination, count);
    }

    public void TransposeMultiplyBlock(ReadOnlySpan<double> source, Span<double> destination, int count)
    {
        Products += count;
        inner.TransposeMultiplyBlock(source, destination, count);
    }

    long IScalableOperator.StoredEntryCount => _stored.StoredEntryCount;

    double IScalableOperator.MaxAbsEntry() => _stored.MaxAbsEntry();

    ILinearOperator IScalableOperator.ScaledCopy(int exponent) => new CountingOperator(_stored.ScaledCopy(exponent)) { Products = Products };
}
