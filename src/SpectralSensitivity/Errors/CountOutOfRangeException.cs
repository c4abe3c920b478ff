namespace SpectralSensitivity.Errors;

/// <summary>A requested number of items (e.g. how many Hessian eigenpairs to return) is negative.</summary>
/// <remarks>
/// Like every invalid argument value in this library it derives from <see cref="InvalidSpectralInputException"/>, so one
/// catch clause (and the CLI's exit code 2) covers it; a null argument throws <see cref="ArgumentNullException"/> instead.
/// </remarks>
public sealed class CountOutOfRangeException : InvalidSpectralInputException
{
    /// <summary>Creates the exception naming what was counted and the value given.</summary>
    /// <param name="count">The offending count.</param>
    /// <param name="what">What is counted, e.g. "eigenpairs".</param>
    public CountOutOfRangeException(int count, string what)
        : base($"the number of {what} must be at least 0; got {count}")
    {
        Count = count;
    }

    /// <summary>The offending count.</summary>
    public int Count { get; }
}
