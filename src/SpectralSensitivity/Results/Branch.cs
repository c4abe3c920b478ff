using SpectralSensitivity.Series;

namespace SpectralSensitivity.Results;

/// <summary>One analytic branch <c>λ(t) = Σ_j c_j t^j</c> of a cluster along a path (Rellich), with its one-sided derivatives.</summary>
/// <remarks>
/// <para>For a cluster of non-zero values the branch is analytic, so the right- and left-sided derivatives are the derivatives.
/// For a zero singular value the branch is the signed <c>s̃(t)</c> with <c>s(t) = |s̃(t)|</c>, normalised so that its first
/// non-zero coefficient <c>c_q</c> is positive: then <see cref="SpectralExpansion.Derivatives"/> are the right-sided derivatives
/// of s (t → 0+), and the left-sided ones (t → 0−) are <c>(−1)^q D_j</c>, since <c>s(t) = (−1)^q s̃(t)</c> for small t &lt; 0.</para>
/// </remarks>
public sealed class Branch : SpectralExpansion
{
    internal Branch(int index, ScaledCoefficients coefficients, double gap, ConvergenceBound convergence, ExpansionCondition condition, int leftSign)
        : base(index, coefficients, gap, convergence, condition)
    {
        LeftDerivatives = Derivatives.Select(d => leftSign * d).ToArray();                  // (−1)^q D_j
    }

    /// <summary>The left-sided derivatives <c>dʲ/dtʲ</c> at t → 0− (equal to <see cref="SpectralExpansion.Derivatives"/> except for a
    /// zero singular value whose first non-zero coefficient has odd order).</summary>
    public IReadOnlyList<double> LeftDerivatives { get; }
}
