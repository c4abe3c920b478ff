using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity;

/// <summary>The options every entry point that starts from a matrix accepts: the method, the refinement of the decomposition,
/// the tolerances that decide what is zero or repeated, and the threads.</summary>
/// <remarks>
/// One record instead of a flag per call: <c>new SpectralOptions { Refinement = DecompositionRefinement.ExtendedPrecision }</c>.
/// Entry points that start from a decomposition use the refinement and tolerances the decomposition was made with and read
/// <see cref="Method"/> and <see cref="Parallelism"/> only.
/// </remarks>
public sealed record SpectralOptions
{
    /// <summary>Recursion, default refinement (none), default tolerances, the process-wide thread setting.</summary>
    public static SpectralOptions Default { get; } = new();

    /// <summary>How the value's Taylor coefficients are computed. With <see cref="ExpansionMethod.ClosedForm"/> an expansion's
    /// coefficients and derivatives come from Kato's trace sum and its singular-vector (or eigenvector) coefficients, which the
    /// trace sum does not give, from the recursion.</summary>
    public ExpansionMethod Method { get; init; } = ExpansionMethod.Recursion;

    /// <summary>Whether the decomposition is refined in double-double arithmetic (<see cref="DecompositionRefinement"/>).</summary>
    public DecompositionRefinement Refinement { get; init; } = DecompositionRefinement.None;

    /// <summary>Zero and cluster tolerances; the defaults are <c>max(m, n) ε s₁</c>.</summary>
    public SpectralTolerances Tolerances { get; init; } = SpectralTolerances.Default;

    /// <summary>Threads for the library's own parallel loops during the call; null for the process-wide
    /// <see cref="SpectralParallelism.Current"/>. Native libraries (MKL, OpenBLAS) keep the process-wide setting. Results are
    /// bit-identical whatever the value: every parallel pass has a fixed partition.</summary>
    public Parallelism? Parallelism { get; init; }

    /// <summary>Runs <paramref name="work"/> with <see cref="Parallelism"/> in force for this thread and the tasks it starts.</summary>
    internal T Run<T>(Func<T> work)
    {
        using var scope = SpectralParallelism.Scope(Parallelism);
        return work();
    }
}
