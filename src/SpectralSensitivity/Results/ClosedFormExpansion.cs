using SpectralSensitivity.Series;

namespace SpectralSensitivity.Results;

/// <summary>The Taylor coefficients of a value from Kato's closed-form trace sum, with the number of terms summed.</summary>
public sealed class ClosedFormExpansion : SpectralExpansion
{
    internal ClosedFormExpansion(int index, ScaledCoefficients coefficients, long termCount, double gap, ConvergenceBound convergence, ExpansionCondition condition)
        : base(index, coefficients, gap, convergence, condition)
    {
        TermCount = termCount;
    }

    /// <summary>The number of trace terms summed over orders 1..N (C(2n−2, n−1) at order n of a straight line).</summary>
    public long TermCount { get; }

    /// <inheritdoc/>
    private protected override IEnumerable<FormattableString> Members() => [.. base.Members(), $"TermCount = {TermCount}"];
}
