namespace SpectralSensitivity.Decomposition;

/// <summary>Tolerances that decide when a singular value counts as zero and when two count as equal.</summary>
/// <remarks>
/// Both default to <c>max(m, n) · ε · s₁</c> (ε the double-precision machine epsilon, s₁ the largest singular
/// value, or the largest eigenvalue magnitude for symmetric problems): the size of the rounding error a
/// backward-stable SVD makes, the same rule NumPy's <c>matrix_rank</c> uses. Values closer than that are
/// indistinguishable in double precision, so their individual derivatives are not computed.
/// </remarks>
/// <param name="ZeroTolerance">Absolute threshold at or below which a singular value counts as zero (and outside the numerical rank). Null: the default above.</param>
/// <param name="ClusterTolerance">Absolute distance at or below which two values count as repeated. Null: the default above.</param>
public sealed record SpectralTolerances(double? ZeroTolerance = null, double? ClusterTolerance = null)
{
    /// <summary>The default tolerances.</summary>
    public static SpectralTolerances Default { get; } = new();

    /// <summary>The default threshold <c>max(m, n) · ε · scale</c>.</summary>
    internal static double DefaultThreshold(int rows, int columns, double scale) =>
        Math.Max(rows, columns) * MachineEpsilon * scale;

    /// <summary>Unit roundoff times two: 2⁻⁵² ≈ 2.22e-16.</summary>
    internal const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Throws unless the zero tolerance given is finite and positive and the cluster tolerance finite and non-negative.</summary>
    /// <remarks>A zero tolerance of 0 would let a singular value of 1e-320 through as "non-zero", and its reduced resolvent
    /// holds <c>1/s_k = ∞</c>; a cluster tolerance of 0 is meaningful (only exact ties count as repeated).</remarks>
    internal void Validate()
    {
        if (ZeroTolerance is { } z && (!double.IsFinite(z) || z <= 0))
        {
            throw new Errors.InvalidSpectralInputException($"zero tolerance {z} must be finite and positive");
        }

        if (ClusterTolerance is { } c && (!double.IsFinite(c) || c < 0))
        {
            throw new Errors.InvalidSpectralInputException($"cluster tolerance {c} must be finite and non-negative");
        }
    }
}
