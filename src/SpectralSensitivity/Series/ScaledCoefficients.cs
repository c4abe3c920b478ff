using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Series;

/// <summary>
/// Taylor coefficients <c>c₀ … c_N</c> as the engines compute them: numbers <c>c′_j</c> in scaled units and, for each order,
/// the exact power of two that maps them to the caller's units, <c>c_j = 2^(e_j) c′_j</c>. The caller's coefficients and
/// derivatives are both formed from this pair.
/// </summary>
/// <remarks>
/// <para>Coefficients: <c>c_j = 2^(e_j) c′_j</c>, one power-of-two scaling, exact where c_j is a normal number and correctly
/// rounded where it is subnormal.</para>
/// <para>Derivatives: <c>D_j = j! c_j</c> is formed before the scaling, never from the caller's c_j (which at order 20 is
/// <c>2⁶¹</c> times smaller than D_j, so it can be subnormal, or zero, while D_j is a normal number). With
/// <c>c′_j = m 2^k</c>, <c>1 ≤ |m| &lt; 2</c>: <c>D_j = 2^(k + e_j) · fl(m · j!)</c>. The product is rounded once (j! in
/// double, exact up to 22!; <c>|m| · 170! &lt; 2¹⁰²¹</c> cannot overflow) and the power of two is applied last, exact where
/// D_j is normal and correctly rounded where it is subnormal. So D_j scales exactly with the input wherever it is a normal
/// number, and a D_j beyond the double range is refused naming its order. Cost O(N).</para>
/// </remarks>
internal sealed class ScaledCoefficients
{
    /// <summary>The highest order whose factorial is a finite double (170! ≈ 7.3e306).</summary>
    private const int MaxFactorialOrder = 170;

    private static readonly double[] Factorials = FactorialTable();

    private readonly double[] _scaled;
    private readonly int[] _exponents;

    /// <summary>Holds <c>c′_j</c> and <c>e_j</c> (not copied: the caller hands them over).</summary>
    public ScaledCoefficients(double[] scaled, int[] exponents)
    {
        if (scaled.Length != exponents.Length || scaled.Length - 1 > MaxFactorialOrder)
        {
            throw new ArgumentException("one exponent per coefficient, orders up to 170", nameof(exponents));
        }

        _scaled = scaled;
        _exponents = exponents;
    }

    /// <summary>The highest order N.</summary>
    public int Order => _scaled.Length - 1;

    /// <summary>Coefficients in the scaled units of a problem: <c>e_j</c> is its basis's <see cref="MonomialBasis.CoefficientExponent"/>.</summary>
    public static ScaledCoefficients Of(IsolatedEigenproblem problem, double[] scaled) =>
        new(scaled, [.. Enumerable.Range(0, scaled.Length).Select(problem.Basis.CoefficientExponent)]);

    /// <summary>Coefficients already in the caller's units (every <c>e_j = 0</c>).</summary>
    public static ScaledCoefficients Unscaled(double[] coefficients) => new(coefficients, new int[coefficients.Length]);

    /// <summary>The same scaled numbers with <c>e_j + shift(j)</c>: a further exact change of units.</summary>
    public ScaledCoefficients Shifted(Func<int, int> shift) => new(_scaled, [.. _exponents.Select((e, j) => e + shift(j))]);

    /// <summary>The caller's coefficients <c>c_j = 2^(e_j) c′_j</c>.</summary>
    /// <exception cref="ResultOutOfRangeException">A coefficient is beyond the double range.</exception>
    public double[] Coefficients()
    {
        var result = new double[_scaled.Length];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = Scale(_scaled[j], _exponents[j], 1.0);                  // c_j = 2^(e_j) c′_j
            if (!double.IsFinite(result[j]))
            {
                throw new ResultOutOfRangeException($"the Taylor coefficient of order {j}", j);
            }
        }

        return result;
    }

    /// <summary>The caller's derivatives <c>D_j = j! c_j</c>, j = 1..N (index j − 1).</summary>
    /// <exception cref="ResultOutOfRangeException">A derivative is beyond the double range; names its order.</exception>
    public double[] Derivatives()
    {
        var result = new double[Order];
        for (var j = 1; j <= Order; j++)
        {
            result[j - 1] = Derivative(_scaled[j], _exponents[j], j);
            if (!double.IsFinite(result[j - 1]))
            {
                var coefficient = Scale(_scaled[j], _exponents[j], 1.0);
                var detail = double.IsFinite(coefficient) ? FormattableString.Invariant($" ({j}! times the Taylor coefficient {coefficient:G3})") : "";
                throw new ResultOutOfRangeException($"the derivative of order {j}{detail}", j);
            }
        }

        return result;
    }

    /// <summary><c>j! · 2^exponent · scaled</c>: the product rounded once in scaled units, then one power-of-two scaling;
    /// ±∞ beyond the double range (for estimates that may say so).</summary>
    public static double Derivative(double scaled, int exponent, int order) => Scale(scaled, exponent, Factorials[order]);

    /// <summary><c>2^exponent · fl(m · factor) · 2^k</c> with <c>scaled = m 2^k</c>, <c>1 ≤ |m| &lt; 2</c>, for <c>1 ≤ factor &lt; 2¹⁰²³</c>: the
    /// product cannot overflow and is rounded once, then scaled once by a power of two, correctly rounded (.NET's
    /// <see cref="Math.ScaleB"/> follows musl's scalbn, whose steps are exact on a number of magnitude at least 1 until the
    /// result is below half the smallest subnormal).</summary>
    private static double Scale(double scaled, int exponent, double factor)
    {
        if (scaled == 0 || !double.IsFinite(scaled))
        {
            return scaled * factor;                                             // ±0, ±∞ or NaN as they are
        }

        var k = Math.ILogB(scaled);
        var mantissa = Math.ScaleB(scaled, -k);                                 // scaled = m 2^k, 1 ≤ |m| < 2 (exact)
        return Math.ScaleB(mantissa * factor, k + exponent);                    // 2^(k + e) fl(m · factor)
    }

    private static double[] FactorialTable()
    {
        var table = new double[MaxFactorialOrder + 1];
        table[0] = 1;
        for (var j = 1; j <= MaxFactorialOrder; j++)
        {
            table[j] = table[j - 1] * j;                                        // j! = (j − 1)! j, rounded as the chain goes
        }

        return table;
    }
}
