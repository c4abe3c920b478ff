namespace SpectralSensitivity.Spectrum;

/// <summary>Whether <see cref="SpectrumDerivatives"/> also returns the Taylor coefficients of the singular vectors (or eigenvectors).</summary>
public enum VectorCoefficients
{
    /// <summary>Values only (<see cref="Results.ValueExpansion"/>): no m- or n-vectors are formed.</summary>
    None,

    /// <summary>Also the unit vectors' coefficients of every order (<see cref="Results.SingularValueExpansion"/>,
    /// <see cref="Results.EigenvalueExpansion"/>): one m × K, n × K block per order (K the number of values), O(N (m + n) K) memory.</summary>
    Include,
}
