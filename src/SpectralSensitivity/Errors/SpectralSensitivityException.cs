namespace SpectralSensitivity.Errors;

/// <summary>Base class of every exception this library throws on purpose.</summary>
/// <remarks>
/// Callers that want one catch clause for the library catch this type. Two families derive from it:
/// <see cref="InvalidSpectralInputException"/> (the input is malformed: the caller can fix it) and
/// <see cref="UndefinedDerivativeException"/> (the input is valid but the requested derivative does not
/// exist mathematically, e.g. at a repeated or zero singular value).
/// </remarks>
public abstract class SpectralSensitivityException : Exception
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    protected SpectralSensitivityException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The input is malformed: non-finite entries, wrong shapes, an index or order out of range, an empty matrix, a malformed file.</summary>
public class InvalidSpectralInputException : SpectralSensitivityException
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public InvalidSpectralInputException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The requested derivative does not exist at this point (repeated or zero singular value, or a numerical overflow of the series).</summary>
public class UndefinedDerivativeException : SpectralSensitivityException
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public UndefinedDerivativeException(string message, Exception? inner = null) : base(message, inner) { }
}
