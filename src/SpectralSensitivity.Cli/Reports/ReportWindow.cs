using SpectralSensitivity.Results;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>The range of t a report scans: where the Taylor terms of s_k(A + tE) are informative.</summary>
/// <remarks>
/// The guaranteed radius r0 = d / (2 ||E||_2) is a lower bound that can be orders of magnitude below the true radius (a large
/// matrix with a small gap somewhere else), and inside it every term beyond the first may be below round-off, so a window
/// of ±1.5 r0 shows nothing. Instead the half-width is the largest t at which every term of order 2..N stays within
/// <see cref="TermLevel"/> of |s_k|: <c>T = min_j (TermLevel |s_k| / |c_j|)^(1/j)</c>, j = 2..N. At t = T the largest
/// higher-order term is 10^-3 |s_k|, far above rounding (10^-16 |s_k|), so the orders separate visibly on the error plot,
/// while the terms are still small, so the series is still summing. When every c_j (j ≥ 2) is zero the window falls back
/// to ±1.5 r0 (or ±1 when r0 is infinite).
/// </remarks>
internal static class ReportWindow
{
    /// <summary>The size of the largest term of order 2..N at the window's edge, relative to |s_k|.</summary>
    public const double TermLevel = 1e-3;

    /// <summary>The half-width T of the window [-T, T] for <paramref name="expansion"/>.</summary>
    public static double HalfWidth(SpectralExpansion expansion)
    {
        var level = TermLevel * Math.Abs(expansion.Value);
        var width = double.PositiveInfinity;
        for (var j = 2; j <= expansion.Order; j++)
        {
            var c = Math.Abs(expansion.TaylorCoefficients[j]);
            if (c > 0)
            {
                width = Math.Min(width, Math.Exp((Math.Log(level) - Math.Log(c)) / j)); // (level / |c_j|)^(1/j), in logarithms so no quotient overflows
            }
        }

        if (double.IsFinite(width) && width > 0)
        {
            return width;
        }

        var radius = expansion.Convergence.Radius;
        return double.IsFinite(radius) ? 1.5 * radius : 1.0;
    }
}
