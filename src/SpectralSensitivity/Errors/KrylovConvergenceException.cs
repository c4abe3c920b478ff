namespace SpectralSensitivity.Errors;

/// <summary>A Krylov iteration (Lanczos bidiagonalisation, Lanczos, CG or MINRES) did not reach its tolerance within its budget.</summary>
/// <remarks>The message names the iteration, the tolerance and the residual reached, so the caller can raise the
/// budget, loosen the tolerance, or fall back to the dense decomposition.</remarks>
public sealed class KrylovConvergenceException : SpectralSensitivityException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What did not converge, with the tolerance and the residual reached.</param>
    public KrylovConvergenceException(string message) : base(message) { }
}
