namespace SpectralSensitivity.Studies.Sampling;

/// <summary>The entry distribution of a random matrix ensemble.</summary>
public enum EnsembleKind
{
    /// <summary>Independent standard normal entries N(0, 1).</summary>
    Gaussian,

    /// <summary>Independent uniform entries U(0, 1).</summary>
    Uniform,

    /// <summary>Independent Beta(a, b) entries on [0, 1].</summary>
    Beta,
}
