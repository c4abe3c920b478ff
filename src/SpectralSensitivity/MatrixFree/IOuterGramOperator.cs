namespace SpectralSensitivity.MatrixFree;

/// <summary>An operator that applies <c>A Aᵀ</c> in one pass over its entries, faster than a product with Aᵀ followed by one with A.</summary>
/// <remarks>Used by the folded shifted solves of the matrix-free path when they fold onto the <c>u</c> side
/// (<see cref="Krylov.FoldedEmbeddingSolver"/>): each CG iteration is one such product. Implementations: <see cref="DenseMatrixOperator"/>
/// (A read from memory once instead of twice) and the power-of-two scaling of one.</remarks>
internal interface IOuterGramOperator : ILinearOperator
{
    /// <summary><c>destination = A (Aᵀ source)</c>.</summary>
    /// <param name="source">x, length m.</param>
    /// <param name="destination">y, length m; overwritten.</param>
    void MultiplyOuterGram(ReadOnlySpan<double> source, Span<double> destination);
}
