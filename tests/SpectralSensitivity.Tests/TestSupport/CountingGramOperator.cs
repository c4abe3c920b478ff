using SpectralSensitivity.MatrixFree;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>An operator with a one-pass <c>A Aᵀ</c> that counts its calls by kind and passes each to the wrapped one, for product counts.</summary>
internal sealed class CountingGramOperator(IOuterGramOperator inner) : IOuterGramOperator
{
    /// <summary>Calls of <see cref="Multiply"/> and <see cref="TransposeMultiply"/> (a block of b vectors counts b).</summary>
    public int Products { get; private set; }

    /// <summary>Calls of <see cref="MultiplyOuterGram"/>.</summary>
    public int GramProducts { get; private set; }

    public int RowCount => inner.RowCount;

    public int ColumnCount => inner.ColumnCount;

    public bool OnePassOuterGram => inner.OnePassOuterGram;

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

    public void MultiplyOuterGram(ReadOnlySpan<double> source, Span<double> destination)
    {
        GramProducts++;
        inner.MultiplyOuterGram(source, destination);
    }
}
