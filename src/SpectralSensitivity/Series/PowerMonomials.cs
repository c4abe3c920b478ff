namespace SpectralSensitivity.Series;

/// <summary>The powers <c>1, t, t², …, t^N</c> of one parameter along a path <c>T + Σ_{ν=1}^{L} t^ν T_ν</c>.</summary>
/// <remarks>
/// <c>t^j</c> splits as <c>t^ν · t^{j−ν}</c> (ν ≤ min(j, L)) and as <c>t^i · t^{j−i}</c> (0 &lt; i &lt; j), which gives the
/// straight-line recursion <c>λ_j = w₀ᵀ T₁ w_{j−1}</c>, <c>w_j = S(−T₁ w_{j−1} + Σ λ_i w_{j−i})</c> when L = 1. Scaling:
/// <c>t = ρ t′</c> with one <c>ρ = 2^p</c> chosen so that every <c>ρ^ν ‖T_ν‖/σ ≤ 2</c>; then <c>c_j = σ ρ^{−j} c′_j</c>.
/// </remarks>
internal sealed class PowerMonomials(int order, int degree) : MonomialBasis
{
    private int _valueExponent;
    private int _parameterExponent;

    /// <inheritdoc/>
    public override int Count => order + 1;

    /// <inheritdoc/>
    public override int TermCount => degree;

    /// <inheritdoc/>
    public override int Order(int monomial) => monomial;

    /// <inheritdoc/>
    public override IEnumerable<(int Term, int Remainder)> TermSplits(int monomial)
    {
        for (var nu = 1; nu <= Math.Min(monomial, degree); nu++)
        {
            yield return (nu, monomial - nu);
        }
    }

    /// <inheritdoc/>
    public override IEnumerable<(int Part, int Remainder)> ProperSplits(int monomial)
    {
        for (var i = 1; i < monomial; i++)
        {
            yield return (i, monomial - i);
        }
    }

    /// <inheritdoc/>
    public override void ChooseScaling(int valueExponent, IReadOnlyList<double> termBounds)
    {
        _valueExponent = valueExponent;
        int? p = null;
        for (var nu = 1; nu <= termBounds.Count; nu++)
        {
            if (ExponentOf(termBounds[nu - 1]) is { } b)
            {
                var candidate = (int)Math.Floor((valueExponent - b) / (double)nu); // ν p ≤ log₂σ − log₂‖T_ν‖
                p = p is null ? candidate : Math.Min(p.Value, candidate);
            }
        }

        _parameterExponent = p ?? 0;
    }

    /// <inheritdoc/>
    public override int TermExponent(int term) => term * _parameterExponent - _valueExponent;   // g_ν = ρ^ν / σ

    /// <inheritdoc/>
    public override int CoefficientExponent(int monomial) => _valueExponent - monomial * _parameterExponent; // c_j = σ ρ^{−j} c′_j
}
