namespace SpectralSensitivity.Decomposition;

/// <summary>How accurate the factors of a <see cref="ThinSingularValueDecomposition"/> are.</summary>
public enum SvdRefinement
{
    /// <summary>
    /// The backward-stable double-precision SVD (through MathNet and its provider): the exact SVD of <c>A + δA</c>,
    /// <c>‖δA‖ ≈ ε‖A‖</c>. Singular values are off by about <c>ε s₁</c>, vectors by about <c>ε s₁ / gap</c>. Fast; the default.
    /// </summary>
    None = 0,

    /// <summary>
    /// The double SVD refined by one-sided Jacobi sweeps in double-double arithmetic (about 31 digits): the factors of A
    /// itself, rounded to double. Every singular value is then accurate to a few ulps of itself and every vector to a few
    /// ulps, whatever the gaps; the derivatives inherit it (docs/accuracy.md: worst relative error of orders 1..8 drops
    /// from 2.1e-11 to the figures shown there). Costs O(m n r) double-double operations per sweep, two or three sweeps:
    /// tens to hundreds of times the double SVD, for small and medium matrices.
    /// </summary>
    ExtendedPrecision = 1,
}
