namespace SpectralSensitivity.MatrixFree;

/// <summary><c>2^e A</c> for an operator known only by its products: each product of A is multiplied by <c>2^e</c> (exact unless it over- or underflows).</summary>
internal sealed class ScaledOperator(ILinearOperator inner, int exponent) : IOuterGramOperator
{
    public int RowCount => inner.RowCount;

    public int ColumnCount => inner.ColumnCount;

    /// <summary>A.</summary>
    public ILinearOperator Inner => inner;

    public void Multiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        inner.Multiply(source, destination);
        VectorMath.ScaleByPowerOfTwo(destination, exponent);
    }

    public void TransposeMultiply(ReadOnlySpan<double> source, Span<double> destination)
    {
        inner.TransposeMultiply(source, destination);
        VectorMath.ScaleByPowerOfTwo(destination, exponent);
    }

    /// <summary><c>2^{2e} A (Aᵀ x)</c>: the inner operator's one-pass product when it has one, else its two products.</summary>
    public void MultiplyOuterGram(ReadOnlySpan<double> source, Span<double> destination)
    {
        if (inner is IOuterGramOperator gram)
        {
            gram.MultiplyOuterGram(source, destination);
            VectorMath.ScaleByPowerOfTwo(destination, 2 * exponent);                   // exact: |e| ≤ 128 here (OperatorScaling)
            return;
        }

        var middle = new double[inner.ColumnCount];
        TransposeMultiply(source, middle);
        Multiply(middle, destination);
    }

    /// <summary>Whether the scaled operator has a one-pass <c>A Aᵀ</c> (the scaling adds O(m)).</summary>
    public bool OnePassOuterGram => inner is IOuterGramOperator { OnePassOuterGram: true };

    public void MultiplyBlock(ReadOnlySpan<double> source, Span<double> destination, int count)
    {
        inner.MultiplyBlock(source, destination, count);
        VectorMath.ScaleByPowerOfTwo(destination, exponent);
    }

    public void TransposeMultiplyBlock(ReadOnlySpan<double> source, Span<double> destination, int count)
    {
        inner.TransposeMultiplyBlock(source, destination, count);
        VectorMath.ScaleByPowerOfTwo(destination, exponent);
    }
}
