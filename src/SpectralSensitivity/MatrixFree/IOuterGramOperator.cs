namespace SpectralSensitivity.MatrixFree;

/// <summary>An operator that applies <c>A Aᵀ</c> in one pass over its entries, faster than a product with Aᵀ followed by one with A.</summary>
/// <remarks>Used by the folded shifted solves of the matrix-free path when they fold onto the <c>u</c> side
/// (<see cref="Krylov.FoldedEmbeddingSolver"/>): each CG iteration is one such product; and, when the product reads A once
/// (<see cref="OnePassOuterGram"/>), by the Lanczos iteration on <c>A Aᵀ</c> for the largest singular triplets (<see cref="Krylov.OuterGramLanczos"/>).
/// Implementations: <see cref="DenseMatrixOperator"/> (A read from memory once instead of twice) and the power-of-two scaling of any operator
/// (one pass when the scaled operator has one, else two products).</remarks>
internal interface IOuterGramOperator : ILinearOperator
{
    /// <summary><c>destination = A (Aᵀ source)</c>.</summary>
    /// <param name="source">x, length m.</param>
    /// <param name="destination">y, length m; overwritten.</param>
    void MultiplyOuterGram(ReadOnlySpan<double> source, Span<double> destination);

    /// <summary>Whether <see cref="MultiplyOuterGram"/> reads A from memory once (cheaper than a product with Aᵀ and one with A), rather than
    /// being those two products.</summary>
    /// <remarks>Only then does the Lanczos iteration on <c>A Aᵀ</c> save time over the bidiagonalisation (<see cref="Krylov.OuterGramLanczos.Applies"/>). Cost O(1).</remarks>
    bool OnePassOuterGram { get; }
}
