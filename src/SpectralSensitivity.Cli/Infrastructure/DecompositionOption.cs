using System.CommandLine;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>The decomposition a command runs on.</summary>
internal enum DecompositionKind
{
    /// <summary>The full thin SVD (or eigendecomposition) of a dense copy of the matrix.</summary>
    Dense,

    /// <summary>The few triplets (or pairs) needed, by restarted Lanczos on the matrix as an operator (CSR for Matrix Market input).</summary>
    Krylov,
}

/// <summary>The option <c>--decomposition auto|dense|krylov</c> and the rule by which <c>auto</c> picks.</summary>
internal static class DecompositionOption
{
    public const string Auto = "auto";
    public const string Dense = "dense";
    public const string Krylov = "krylov";

    /// <summary><c>auto</c> picks krylov for a Matrix Market coordinate file with at least this many entries m·n (a dense copy of 8 MB).</summary>
    public const long AutoKrylovEntries = 1_000_000;

    public static Option<string> Create()
    {
        var option = new Option<string>("--decomposition")
        {
            Description = "auto, dense (full SVD of a dense copy) or krylov (only the triplets needed, matrix-free, memory O(nnz + (m + n) p)); "
                + $"auto picks krylov for a Matrix Market coordinate file with m x n >= {AutoKrylovEntries:N0} when the request allows it, dense otherwise",
            DefaultValueFactory = _ => Auto,
        };
        option.AcceptOnlyFromAmong(Auto, Dense, Krylov);
        return option;
    }

    /// <summary>The decomposition to run: the one named, or for <c>auto</c> krylov exactly when the input is a large sparse file and the request is one krylov serves.</summary>
    /// <param name="requested">The option's value.</param>
    /// <param name="inputs">The loader (it knows inline matrices and peeks at Matrix Market headers).</param>
    /// <param name="path">The --matrix path.</param>
    /// <param name="unsupported">Why the request cannot run on krylov (an option that needs the full decomposition), or null.</param>
    /// <exception cref="UsageException">krylov was asked for a request it cannot serve.</exception>
    public static DecompositionKind Resolve(string requested, MatrixInput inputs, string path, string? unsupported)
    {
        switch (requested)
        {
            case Dense:
                return DecompositionKind.Dense;
            case Krylov when unsupported is not null:
                throw new UsageException($"--decomposition krylov: {unsupported}; use --decomposition dense");
            case Krylov:
                return DecompositionKind.Krylov;
            default:
                return unsupported is null && inputs.SparseEntries(path) is >= AutoKrylovEntries ? DecompositionKind.Krylov : DecompositionKind.Dense;
        }
    }
}
