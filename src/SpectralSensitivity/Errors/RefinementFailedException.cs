namespace SpectralSensitivity.Errors;

/// <summary>The extended-precision SVD refinement (<see cref="Decomposition.DecompositionRefinement.ExtendedPrecision"/>) did not
/// reach its accuracy; the double-precision factors are still available without refinement.</summary>
/// <remarks>Started from a double SVD, the one-sided Jacobi sweeps converge in two (one that rotates, one that finds nothing left); this exception reports the
/// exceptional case instead of returning factors of unknown accuracy.</remarks>
public sealed class RefinementFailedException : SpectralSensitivityException
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public RefinementFailedException(string message) : base(message) { }
}
