using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Providers.Mkl.Errors;

/// <summary>
/// Thrown when a native LAPACK routine reports failure through its <c>info</c> output: the
/// <see cref="DecompositionFailedException"/> of the core's backend contract, raised by the native library.
/// </summary>
/// <remarks>
/// LAPACK convention: <c>info &lt; 0</c> means argument number <c>-info</c> had an illegal value
/// (a bug in the caller, here in the provider); <c>info &gt; 0</c> is routine-specific and usually
/// means an iterative algorithm did not converge. Catch <see cref="DecompositionFailedException"/> to handle every
/// backend's failures alike.
/// </remarks>
public sealed class NativeLinearAlgebraException : DecompositionFailedException
{
    /// <summary>Creates the exception for a failed call of <paramref name="routine"/>.</summary>
    /// <param name="routine">LAPACK routine name, e.g. <c>dgesdd</c>.</param>
    /// <param name="info">The non-zero <c>info</c> code the routine returned.</param>
    public NativeLinearAlgebraException(string routine, int info)
        : base(routine, info)
    {
    }
}
