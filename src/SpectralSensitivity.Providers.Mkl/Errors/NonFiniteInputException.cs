namespace SpectralSensitivity.Providers.Mkl.Errors;

/// <summary>
/// Thrown when an input array holds NaN or an infinity; the check runs before any native code is called,
/// because LAPACK routines may loop, fail or return garbage on such input.
/// </summary>
public sealed class NonFiniteInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="routine">The native routine that would have received the value, e.g. <c>dgesdd</c>.</param>
    /// <param name="paramName">The provider argument that holds the value.</param>
    /// <param name="index">Index (column-major) of the first non-finite entry.</param>
    /// <param name="value">The offending value.</param>
    public NonFiniteInputException(string routine, string paramName, int index, double value)
        : base($"{routine}: input '{paramName}' holds a non-finite value ({value}) at index {index}; "
               + "NaN and infinities are rejected before native code is called.", paramName)
    {
        Routine = routine;
        Index = index;
        Value = value;
    }

    /// <summary>The native routine that would have received the value.</summary>
    public string Routine { get; }

    /// <summary>Index (column-major) of the first non-finite entry.</summary>
    public int Index { get; }

    /// <summary>The offending value (NaN or an infinity).</summary>
    public double Value { get; }
}
