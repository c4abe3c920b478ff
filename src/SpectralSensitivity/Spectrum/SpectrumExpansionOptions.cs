namespace SpectralSensitivity.Spectrum;

/// <summary>What <see cref="SpectrumDerivatives"/> expands.</summary>
/// <param name="Indices">1-based indices k to expand, in the order wanted, each once; null for all of them (1..r singular values, 1..n eigenvalues).</param>
/// <param name="Vectors">Whether to return the vectors' Taylor coefficients too.</param>
public sealed record SpectrumExpansionOptions(IReadOnlyList<int>? Indices = null, VectorCoefficients Vectors = VectorCoefficients.None)
{
    /// <summary>Every value, no vectors.</summary>
    public static SpectrumExpansionOptions Default { get; } = new();
}
