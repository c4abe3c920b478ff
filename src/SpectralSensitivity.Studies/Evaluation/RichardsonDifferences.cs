namespace SpectralSensitivity.Studies.Evaluation;

/// <summary>Derivatives of orders 1..4 of a smooth scalar function by central differences with one Richardson step.</summary>
/// <remarks>
/// <para>With step h: <c>D₁ = (f(h) − f(−h))/2h</c>, <c>D₂ = (f(h) − 2f(0) + f(−h))/h²</c>,
/// <c>D₃ = (f(2h) − 2f(h) + 2f(−h) − f(−2h))/2h³</c>, <c>D₄ = (f(2h) − 4f(h) + 6f(0) − 4f(−h) + f(−2h))/h⁴</c>, each
/// with error <c>O(h²)</c>; Richardson's step <c>(4 D(h/2) − D(h))/3</c> removes it, leaving <c>O(h⁴)</c>. Rounding adds about
/// <c>ε |f| / h^j</c>, so the step of order j is <c>h_j = ρ ε^(1/(j+4))</c> for a length scale ρ of the function.</para>
/// <para>Cost: seven evaluations of f per order (f(0) shared). Reference: Richardson, Phil. Trans. R. Soc. A 210 (1911).</para>
/// </remarks>
internal static class RichardsonDifferences
{
    /// <summary>The highest order supported.</summary>
    public const int MaxOrder = 4;

    /// <summary>The offsets, in units of h/2, at which order j needs f: ±1, ±2, ±4 and 0.</summary>
    public static readonly int[] HalfStepOffsets = [-4, -2, -1, 0, 1, 2, 4];

    /// <summary>The step for order j given the length scale ρ.</summary>
    public static double Step(int order, double lengthScale) => lengthScale * Math.Pow(Epsilon, 1.0 / (order + 4));  // h_j = ρ ε^(1/(j+4))

    /// <summary>Richardson-extrapolated derivative of order j from f at the <see cref="HalfStepOffsets"/> (in that order).</summary>
    /// <param name="order">1 ≤ j ≤ 4.</param>
    /// <param name="values">f(−2h), f(−h), f(−h/2), f(0), f(h/2), f(h), f(2h).</param>
    /// <param name="step">h.</param>
    public static double Derivative(int order, ReadOnlySpan<double> values, double step)
    {
        double m4 = values[0], m2 = values[1], m1 = values[2], f0 = values[3], p1 = values[4], p2 = values[5], p4 = values[6];
        var coarse = Central(order, m4, m2, f0, p2, p4, step);          // step h: f(±h) = f(±2·h/2), f(±2h)
        var fine = Central(order, m2, m1, f0, p1, p2, step / 2);         // step h/2
        return (4 * fine - coarse) / 3;                                  // Richardson: O(h²) term removed
    }

    private const double Epsilon = 1.0 / (1L << 52);

    private static double Central(int order, double minus2, double minus1, double zero, double plus1, double plus2, double h) => order switch
    {
        1 => (plus1 - minus1) / (2 * h),
        2 => (plus1 - 2 * zero + minus1) / (h * h),
        3 => (plus2 - 2 * plus1 + 2 * minus1 - minus2) / (2 * h * h * h),
        4 => (plus2 - 4 * plus1 + 6 * zero - 4 * minus1 + minus2) / (h * h * h * h),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "finite differences cover orders 1..4"),
    };
}
