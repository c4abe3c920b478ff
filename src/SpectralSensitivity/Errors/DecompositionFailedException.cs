namespace SpectralSensitivity.Errors;

/// <summary>A decomposition backend reported failure through LAPACK's <c>info</c> code: the iteration did not converge
/// (<c>info &gt; 0</c>) or an argument was illegal (<c>info &lt; 0</c>, a defect of the backend, not of the input).</summary>
/// <remarks>The contract of <see cref="Backends.IDecompositionBackend"/>: every backend turns a non-zero <c>info</c> into
/// this exception (<see cref="ThrowIfFailed"/>), so no factor of unknown quality is returned. LAPACK Users' Guide, 3rd ed.,
/// §5.1.7 (the <c>info</c> argument).</remarks>
public class DecompositionFailedException : SpectralSensitivityException
{
    /// <summary>Creates the exception for a failed call of <paramref name="routine"/>.</summary>
    /// <param name="routine">Routine name, e.g. <c>dgesdd</c>.</param>
    /// <param name="info">The non-zero <c>info</c> code it returned.</param>
    /// <param name="inner">The exception the backend caught, if any.</param>
    public DecompositionFailedException(string routine, int info, Exception? inner = null)
        : base(Describe(routine, info), inner)
    {
        Routine = routine;
        Info = info;
    }

    /// <summary>Routine that failed, e.g. <c>dgesdd</c>.</summary>
    public string Routine { get; }

    /// <summary>The raw <c>info</c> code (never zero).</summary>
    public int Info { get; }

    /// <summary><see langword="true"/> when <see cref="Info"/> reports an illegal argument (<c>info &lt; 0</c>).</summary>
    public bool IsIllegalArgument => Info < 0;

    /// <summary><see langword="true"/> when <see cref="Info"/> reports a numerical failure such as non-convergence (<c>info &gt; 0</c>).</summary>
    public bool IsNumericalFailure => Info > 0;

    /// <summary>Throws <see cref="DecompositionFailedException"/> unless <paramref name="info"/> is zero.</summary>
    /// <param name="routine">Routine name.</param>
    /// <param name="info">Its <c>info</c> code.</param>
    public static void ThrowIfFailed(string routine, int info)
    {
        if (info != 0)
        {
            throw new DecompositionFailedException(routine, info);
        }
    }

    private static string Describe(string routine, int info)
    {
        if (info < 0)
        {
            return $"{routine}: argument {-info} had an illegal value (info = {info}).";
        }

        var detail = routine switch
        {
            "dgesdd" or "dgesvd" or "svd" => $"the bidiagonal QR/divide-and-conquer iteration did not converge ({info} superdiagonals did not converge to zero)",
            "dsyevd" or "evd" => $"the symmetric eigensolver failed to converge (info = {info})",
            _ => "the routine reported a numerical failure",
        };
        return $"{routine}: {detail} (info = {info}).";
    }
}
