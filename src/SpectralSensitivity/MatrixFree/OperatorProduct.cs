namespace SpectralSensitivity.MatrixFree;

/// <summary>A user-supplied product: writes <c>A source</c> (or <c>Aᵀ source</c>) into <paramref name="destination"/>.</summary>
/// <param name="source">The input vector.</param>
/// <param name="destination">The output vector, to be overwritten completely.</param>
public delegate void OperatorProduct(ReadOnlySpan<double> source, Span<double> destination);
