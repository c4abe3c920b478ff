using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Decomposition;

/// <summary>Extended-precision classification values at a near tie, so that "repeated" and "zero" do not depend on the provider's
/// rounding: refined for the near-tied values only when that can be certified, for the whole decomposition otherwise.</summary>
/// <remarks>
/// <para>A near tie: two double values within <see cref="SpectrumIsolation.NearTieFactor"/> cluster tolerances of each other, or a
/// singular value that many zero tolerances from zero. Without one the double values classify (their rounding, a few <c>ε‖A‖₂</c>,
/// cannot move a value across a threshold eight tolerances away).</para>
/// <para>Windows: the maximal chains of consecutive values whose neighbours lie within <c>max(8 τ, 64 β)</c>, τ the cluster tolerance and
/// β = <c>max(m, n) ε ‖A‖₂</c>; a window with a near-tied pair is refined on its own subspace
/// (<see cref="ISpectralFactorization.RefineWindow"/>: Rayleigh–Ritz in double-double with a rigorous quadratic residual bound, certified
/// to an eighth of an ulp), the other values keep their double values. The 64 β margin keeps every window at least that far from the
/// values outside it, so the bound is far below an ulp. If any window cannot be certified, or a singular value is near zero (there
/// the zero cluster decides the rank and its small values need the relative accuracy of the whole one-sided Jacobi), the whole
/// decomposition is refined as before. If that fails too, the double values decide.</para>
/// <para>Cost: nothing without a near tie; O(m n g) double-double operations per window of g values; O(m n r) per sweep for the whole
/// refinement.</para>
/// </remarks>
internal static class NearTieClassification
{
    /// <summary>Windows extend over neighbours closer than this many default thresholds β.</summary>
    private const double WindowSeparation = 64;

    /// <summary>The factors with extended-precision classification values when the double values have a near tie, else themselves.</summary>
    public static SpectralFactors Classified(Matrix<double> a, int exponent, bool transpose, ISpectralFactorization factorization, SpectralFactors factors, SpectralTolerances tolerances)
    {
        var values = factors.WithExponent(exponent).Values;
        var scale = 0.0;
        foreach (var value in values)
        {
            scale = Math.Max(scale, Math.Abs(value));
        }

        var size = Math.Max(factors.First.RowCount, factors.Second?.RowCount ?? 0);
        var threshold = SpectralTolerances.DefaultThreshold(size, size, scale);   // β = max(m, n) ε ‖A‖₂, the default of both tolerances
        var cluster = tolerances.ClusterTolerance ?? threshold;
        var zero = factors.Second is null ? double.NaN : tolerances.ZeroTolerance ?? threshold;
        if (!SpectrumIsolation.HasNearTie(values, cluster, zero))
        {
            return factors;
        }

        var scaled = PowerOfTwoScaling.ScaledArray(a, exponent, transpose);      // a fresh copy: the first was overwritten by the factorization
        int rows = transpose ? a.ColumnCount : a.RowCount, columns = transpose ? a.RowCount : a.ColumnCount;
        var refined = NearZero(values, zero) ? null : Windowed(scaled, rows, columns, factorization, factors, values, cluster, threshold, exponent);
        if (refined is null)
        {
            try
            {
                refined = factorization.Refine(scaled, rows, columns, factors).ScaledValues.ToArray();
            }
            catch (RefinementFailedException)
            {
                return factors;
            }
        }

        var descending = factors.Second is not null;                             // singular values descend, eigenvalues ascend (even when all doubles are equal)
        Array.Sort(refined);
        if (descending)
        {
            Array.Reverse(refined);
        }

        return factors.WithClassification(refined);
    }

    /// <summary>The scaled values with every window that holds a near tie replaced by its certified extended-precision values, or null
    /// when one cannot be certified.</summary>
    private static double[]? Windowed(double[] scaled, int rows, int columns, ISpectralFactorization factorization, SpectralFactors factors,
        ReadOnlySpan<double> values, double cluster, double threshold, int exponent)
    {
        var result = factors.ScaledValues.ToArray();
        var unit = Math.ScaleB(1.0, -exponent);                                    // A's scale → the scaled matrix's (exact)
        var link = Math.Max(SpectrumIsolation.NearTieFactor * cluster, WindowSeparation * threshold);
        var first = 0;
        while (first < values.Length)
        {
            var last = first;
            var tied = false;
            while (last + 1 < values.Length && Math.Abs(values[last + 1] - values[last]) <= link)
            {
                tied |= Math.Abs(values[last + 1] - values[last]) <= SpectrumIsolation.NearTieFactor * cluster;
                last++;
            }

            if (tied)
            {
                var window = factorization.RefineWindow(scaled, rows, columns, factors, first, last - first + 1, threshold * unit);
                if (window is null)
                {
                    return null;
                }

                window.CopyTo(result, first);
            }

            first = last + 1;
        }

        return result;
    }

    /// <summary>Whether a value lies within <see cref="SpectrumIsolation.NearTieFactor"/> zero tolerances of zero (NaN: never).</summary>
    private static bool NearZero(ReadOnlySpan<double> values, double zero)
    {
        foreach (var value in values)
        {
            if (Math.Abs(value) <= SpectrumIsolation.NearTieFactor * zero)
            {
                return true;
            }
        }

        return false;
    }
}
