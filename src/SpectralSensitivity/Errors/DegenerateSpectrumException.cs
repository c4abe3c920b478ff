namespace SpectralSensitivity.Errors;

/// <summary>Why a spectral value has no derivative at the current point.</summary>
public enum Degeneracy
{
    /// <summary>The value coincides (within tolerance) with another value of the spectrum.</summary>
    Repeated,

    /// <summary>The singular value is zero (within tolerance): <c>s(t) = |λ(t)|</c> has a kink.</summary>
    Zero,
}

/// <summary>The requested singular value or eigenvalue is repeated or zero, so its individual derivatives do not exist.</summary>
/// <remarks>
/// At a repeated value only symmetric functions of the cluster (e.g. its mean) are analytic; along one
/// line each branch is analytic (Rellich), but which branch is "the k-th" changes at the crossing. At a
/// zero singular value <c>s(t) = |λ(t)|</c> has a kink. The message names the values that collide.
/// </remarks>
public sealed class DegenerateSpectrumException : UndefinedDerivativeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Repeated or zero.</param>
    /// <param name="index">The requested 1-based index.</param>
    /// <param name="value">The requested value.</param>
    /// <param name="collidingIndices">1-based indices of the values within tolerance of it (itself included).</param>
    /// <param name="tolerance">The tolerance used.</param>
    /// <param name="what">"singular value" or "eigenvalue".</param>
    public DegenerateSpectrumException(Degeneracy kind, int index, double value, IReadOnlyList<int> collidingIndices, double tolerance, string what)
        : this(kind, index, value, collidingIndices, tolerance, what, null)
    {
    }

    /// <summary>Creates the exception with its own advice on what is defined instead (for a path that cannot offer what the full decomposition offers).</summary>
    /// <param name="kind">Repeated or zero.</param>
    /// <param name="index">The requested 1-based index.</param>
    /// <param name="value">The requested value.</param>
    /// <param name="collidingIndices">1-based indices of the values within tolerance of it (itself included).</param>
    /// <param name="tolerance">The tolerance used.</param>
    /// <param name="what">"singular value" or "eigenvalue".</param>
    /// <param name="instead">The closing sentences, after the description of the degeneracy: what is defined and how to ask for it; null for the
    /// full decomposition's advice (the cluster mean or the branches).</param>
    public DegenerateSpectrumException(Degeneracy kind, int index, double value, IReadOnlyList<int> collidingIndices, double tolerance, string what, string? instead)
        : base(Describe(kind, index, value, collidingIndices, tolerance, what, instead))
    {
        Kind = kind;
        Index = index;
        Value = value;
        CollidingIndices = collidingIndices;
        Tolerance = tolerance;
    }

    /// <summary>Repeated or zero.</summary>
    public Degeneracy Kind { get; }

    /// <summary>The requested 1-based index.</summary>
    public int Index { get; }

    /// <summary>The requested value.</summary>
    public double Value { get; }

    /// <summary>1-based indices of the values that collide with the requested one (itself included).</summary>
    public IReadOnlyList<int> CollidingIndices { get; }

    /// <summary>The tolerance under which two values count as equal (or a value as zero).</summary>
    public double Tolerance { get; }

    private static string Describe(Degeneracy kind, int index, double value, IReadOnlyList<int> colliding, double tolerance, string what, string? instead) => kind switch
    {
        Degeneracy.Zero =>
            $"{what} {index} is zero ({value:G6} <= tolerance {tolerance:G3}): it is not differentiable there (s(t) = |lambda(t)| has a kink); " +
            $"the zero cluster is indices {Indices(colliding)}. " + (instead ?? "Ask instead for its signed branches and one-sided derivatives (Branches; CLI --branches)"),
        _ =>
            $"{what} {index} = {value:G10} is repeated: indices {Indices(colliding)} form a cluster (within tolerance {tolerance:G3} of each other); " +
            "individual derivatives are undefined there. " + (instead ?? "Ask instead for the cluster mean, which is analytic (ClusterMean; CLI --cluster-mean), " +
            "or for the members' branches along the path (Branches; CLI --branches); a wider --cluster-tolerance groups nearly repeated values"),
    };

    private static string Indices(IReadOnlyList<int> indices) =>
        indices.Count > 8 ? $"{indices[0]}..{indices[^1]}" : string.Join(", ", indices);
}

/// <summary>The Taylor series overflowed double precision (coefficients grow like 1/r₀ʲ with the convergence radius r₀).</summary>
public sealed class SeriesOverflowException : UndefinedDerivativeException
{
    /// <summary>Creates the exception naming the order at which the overflow happened.</summary>
    public SeriesOverflowException(int order)
        : base($"the perturbation series overflowed double precision at order {order}: the value is too close to the rest of the spectrum (the gap is too small) for this order; reduce the order, or treat the nearby values as a cluster")
    {
        Order = order;
    }

    /// <summary>The first order whose coefficient is not finite.</summary>
    public int Order { get; }
}
