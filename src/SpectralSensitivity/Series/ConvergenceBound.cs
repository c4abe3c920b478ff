namespace SpectralSensitivity.Series;

/// <summary>A rigorous lower bound on the convergence radius of the eigenvalue series and the truncation error it implies.</summary>
/// <remarks>
/// <para>Let d be the gap of λ and <c>b_ν ≥ ‖T^(ν)‖₂</c>. Define <c>r₀</c> by <c>Σ_ν b_ν r₀^ν = d/2</c> (for a straight line
/// <c>r₀ = d / (2‖E‖₂)</c>) and <c>ρ = d/2</c>. For complex <c>|t| &lt; r₀</c> the perturbation has norm below <c>d/2</c>, so by
/// Bauer–Fike (T is normal) every eigenvalue moves less than <c>d/2</c>: λ(t) stays isolated, analytic, and
/// <c>|λ(t) − λ| &lt; ρ</c>. Cauchy's estimate gives <c>|c_j| ≤ ρ / r₀ʲ</c>, so the order-N Taylor prediction at
/// <c>|t| = q r₀</c>, q &lt; 1, errs by at most <c>ρ q^(N+1) / (1 − q)</c> (Kato, Ch. II §3.2).</para>
/// </remarks>
/// <param name="Radius">The lower bound <c>r₀</c> on the convergence radius.</param>
/// <param name="Bound">The bound <c>ρ = d/2</c> on <c>|λ(t) − λ|</c> inside that disk.</param>
public sealed record ConvergenceBound(double Radius, double Bound)
{
    /// <summary>The order from which the Taylor polynomial is exact (no perturbation: 0; a 1 × 1 symmetric problem: the path degree); null otherwise.</summary>
    public int? ExactFromOrder { get; init; }

    /// <summary>The bound for an isolated eigenproblem, computed in its scaled units and mapped back exactly.</summary>
    /// <remarks>A radius beyond the double range is reported as <see cref="double.MaxValue"/>, still a valid lower bound.</remarks>
    internal static ConvergenceBound For(IsolatedEigenproblem problem) =>
        FromScaled(problem.Gap, problem.ScaledTermNormBounds, problem.ValueExponent, problem.Basis);

    /// <summary>The bound from a gap and term-norm bounds in the scaled units of <paramref name="basis"/> (values divided by
    /// <c>2^valueExponent</c>), mapped back exactly.</summary>
    internal static ConvergenceBound FromScaled(double scaledGap, IReadOnlyList<double> scaledBounds, int valueExponent, MonomialBasis basis)
    {
        var scaled = From(scaledGap, scaledBounds);
        var parameterExponent = valueExponent - basis.CoefficientExponent(1);                      // t = 2^p t′
        var radius = double.IsPositiveInfinity(scaled.Radius)
            ? scaled.Radius
            : Math.Min(Math.ScaleB(scaled.Radius, parameterExponent), double.MaxValue);
        return scaled with { Radius = radius, Bound = Math.ScaleB(scaled.Bound, valueExponent) };
    }

    /// <summary>Computes <c>r₀</c> from <c>Σ b_ν r^ν = d/2</c> (monotone in r): exactly for a straight line, by bisection otherwise.</summary>
    internal static ConvergenceBound From(double gap, IReadOnlyList<double> normBounds)
    {
        var rho = gap / 2;
        if (normBounds.All(b => b == 0))
        {
            return new ConvergenceBound(double.PositiveInfinity, rho) { ExactFromOrder = 0 };
        }

        if (double.IsPositiveInfinity(gap))
        {
            // a 1 × 1 symmetric problem: λ(t) is the path polynomial itself
            return new ConvergenceBound(double.PositiveInfinity, rho) { ExactFromOrder = normBounds.Count };
        }

        if (normBounds.Count == 1)
        {
            return new ConvergenceBound(Math.Min(Math.BitDecrement(rho / normBounds[0]), double.MaxValue), rho); // r₀ = d/(2‖E‖₂), rounded down
        }

        double Growth(double r)
        {
            var sum = 0.0;
            for (var nu = 1; nu <= normBounds.Count; nu++)
            {
                sum += normBounds[nu - 1] * Math.Pow(r, nu);
            }

            return sum;
        }

        double low = 0, high = 1;
        while (Growth(high) < rho)
        {
            low = high;
            high *= 2;
            if (double.IsPositiveInfinity(high))
            {
                return new ConvergenceBound(double.MaxValue, rho);                                     // beyond the double range
            }
        }

        for (var iteration = 0; iteration < 200 && high - low > 1e-15 * high; iteration++)
        {
            var mid = 0.5 * (low + high);
            if (Growth(mid) < rho)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return new ConvergenceBound(low, rho);
    }

    /// <summary>One line in the invariant culture (six significant digits); <see cref="ExactFromOrder"/> only when set.</summary>
    /// <returns>E.g. <c>ConvergenceBound { Radius = 0.11, Bound = 0.26 }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(ConvergenceBound),
        ExactFromOrder is { } exact
            ? [$"Radius = {Results.ResultText.Number(Radius)}", $"Bound = {Results.ResultText.Number(Bound)}", $"ExactFromOrder = {exact}"]
            : [$"Radius = {Results.ResultText.Number(Radius)}", $"Bound = {Results.ResultText.Number(Bound)}"]);

    /// <summary>Upper bound on <c>|λ(t) − Σ_{j≤N} c_j tʲ|</c>: <c>ρ q^(N+1)/(1 − q)</c>, q = |t|/r₀; +∞ when q ≥ 1.</summary>
    /// <param name="t">The step.</param>
    /// <param name="order">The truncation order N.</param>
    public double TruncationError(double t, int order)
    {
        if (t == 0 || order >= ExactFromOrder)
        {
            return 0;
        }

        if (double.IsPositiveInfinity(Radius))
        {
            return double.PositiveInfinity;
        }

        var q = Math.Abs(t) / Radius;
        return q >= 1 ? double.PositiveInfinity : Bound * Math.Pow(q, order + 1) / (1 - q);
    }
}
