namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>The exit codes every command shares.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Something went wrong that is not the user's input: a bug or an environment failure.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad input or usage: parse errors, missing or malformed files, wrong shapes, index or order out of range.</summary>
    public const int BadInput = 2;

    /// <summary>The input is valid but the quantity asked for does not exist (repeated or zero singular value, series overflow).</summary>
    public const int Undefined = 3;

    /// <summary>A matrix-free iteration (Lanczos, CG, MINRES) did not reach its tolerance within its budget; the dense decomposition does not iterate.</summary>
    public const int NotConverged = 4;

    /// <summary>A study stopped before every shard was written because another MPI rank failed; the shards written are kept and
    /// rerunning the same command computes only the missing ones.</summary>
    public const int Incomplete = 5;
}
