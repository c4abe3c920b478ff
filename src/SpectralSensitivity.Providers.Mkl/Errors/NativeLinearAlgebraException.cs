namespace SpectralSensitivity.Providers.Mkl.Errors;

/// <summary>
/// Thrown when a native LAPACK routine reports failure through its <c>info</c> output.
/// </summary>
/// <remarks>
/// LAPACK convention: <c>info &lt; 0</c> means argument number <c>-info</c> had an illegal value
/// (a bug in the caller, here in the provider); <c>info &gt; 0</c> is routine-specific and usually
/// means an iterative algorithm did not converge.
/// </remarks>
public sealed class NativeLinearAlgebraException : Exception
{
    /// <summary>Creates the exception for a failed call of <paramref name="routine"/>.</summary>
    /// <param name="routine">LAPACK routine name, e.g. <c>dgesdd</c>.</param>
    /// <param name="info">The non-zero <c>info</c> code the routine returned.</param>
    public NativeLinearAlgebraException(string routine, int info)
        : base(Describe(routine, info))
    {
        Routine = routine;
        Info = info;
    }

    /// <summary>LAPACK routine name that failed, e.g. <c>dgesdd</c>.</summary>
    public string Routine { get; }

    /// <summary>The raw LAPACK <c>info</c> code (never zero).</summary>
    public int Info { get; }

    /// <summary><see langword="true"/> when <see cref="Info"/> reports an illegal argument (<c>info &lt; 0</c>).</summary>
    public bool IsIllegalArgument => Info < 0;

    /// <summary><see langword="true"/> when <see cref="Info"/> reports a numerical failure such as non-convergence (<c>info &gt; 0</c>).</summary>
    public bool IsNumericalFailure => Info > 0;

    private static string Describe(string routine, int info)
    {
        if (info < 0)
        {
            return $"{routine}: argument {-info} had an illegal value (info = {info}).";
        }

        var detail = routine switch
        {
            "dgesdd" or "dgesvd" => $"the bidiagonal QR/divide-and-conquer iteration did not converge ({info} superdiagonals did not converge to zero)",
            "dsyevd" => $"the symmetric eigensolver failed to converge (info = {info})",
            _ => "the routine reported a numerical failure",
        };
        return $"{routine}: {detail} (info = {info}).";
    }
}
