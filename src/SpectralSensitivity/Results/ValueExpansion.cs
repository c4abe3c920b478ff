using SpectralSensitivity.Series;

namespace SpectralSensitivity.Results;

/// <summary>The Taylor expansion of one singular value or eigenvalue without its vectors, as
/// <see cref="Spectrum.SpectrumDerivatives"/> returns it when vector coefficients are not asked for.</summary>
/// <remarks>The same numbers as the value part of a <see cref="SingularValueExpansion"/> or <see cref="EigenvalueExpansion"/>
/// (computed in singular or eigen coordinates for many values at once, where the reduced resolvent is diagonal:
/// Kato, Ch. II §2.2).</remarks>
public sealed class ValueExpansion : SpectralExpansion
{
    internal ValueExpansion(int index, ScaledCoefficients coefficients, double gap, ConvergenceBound convergence, ExpansionCondition condition)
        : base(index, coefficients, gap, convergence, condition)
    {
    }
}
