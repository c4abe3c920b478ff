namespace SpectralSensitivity;

/// <summary>How the Taylor coefficients of a singular value or eigenvalue are computed.</summary>
public enum ExpansionMethod
{
    /// <summary>The O(N²) reduced-resolvent recursion (Kato, Ch. II §2.2): one term and one resolvent application per order.</summary>
    Recursion,

    /// <summary>Kato's closed-form trace sum (Kato, Ch. II eq. (2.12)): exponential in N, the exact reference; orders up to 12.</summary>
    ClosedForm,
}
