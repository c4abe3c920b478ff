namespace SpectralSensitivity.Series;

/// <summary>The square-free monomials <c>t_S = Π_{i∈S} t_i</c>, S ⊆ {1..n}, of n independent parameters (bit i of S is t_{i+1}).</summary>
/// <remarks>
/// The mixed partial <c>∂ⁿ/∂t₁⋯∂t_n λ(T + Σ t_i T_i)</c> at 0 is the coefficient of <c>t_{1..n}</c>, and higher powers of one
/// <c>t_i</c> never contribute to it, so the recursion runs over subsets: <c>t_S</c> splits as <c>t_i · t_{S∖i}</c> (i ∈ S)
/// and as <c>t_R · t_{S∖R}</c> (∅ ≠ R ⊊ S). Scaling: <c>t_i = ρ_i t′_i</c> with <c>ρ_i ‖T_i‖/σ</c> in [1, 2); then
/// <c>λ_S = σ Π_{i∈S} ρ_i^{−1} λ′_S</c>.
/// </remarks>
internal sealed class SubsetMonomials(int parameters) : MonomialBasis
{
    private int _valueExponent;
    private int[] _parameterExponents = new int[parameters];

    /// <summary>The monomial of all parameters, <c>t₁ t₂ ⋯ t_n</c>.</summary>
    public int Full => (1 << parameters) - 1;

    /// <inheritdoc/>
    public override int Count => 1 << parameters;

    /// <inheritdoc/>
    public override int TermCount => parameters;

    /// <inheritdoc/>
    public override int Order(int monomial) => System.Numerics.BitOperations.PopCount((uint)monomial);

    /// <inheritdoc/>
    public override IEnumerable<(int Term, int Remainder)> TermSplits(int monomial)
    {
        for (var i = 0; i < parameters; i++)
        {
            if ((monomial & (1 << i)) != 0)
            {
                yield return (i + 1, monomial ^ (1 << i));
            }
        }
    }

    /// <inheritdoc/>
    public override IEnumerable<(int Part, int Remainder)> ProperSplits(int monomial)
    {
        for (var part = (monomial - 1) & monomial; part > 0; part = (part - 1) & monomial)
        {
            yield return (part, monomial ^ part);
        }
    }

    /// <inheritdoc/>
    public override void ChooseScaling(int valueExponent, IReadOnlyList<double> termBounds)
    {
        _valueExponent = valueExponent;
        _parameterExponents = new int[parameters];
        for (var i = 0; i < parameters; i++)
        {
            _parameterExponents[i] = ExponentOf(termBounds[i]) is { } b ? valueExponent - b : 0;  // ρ_i = σ / 2^⌊log₂‖T_i‖⌋
        }
    }

    /// <inheritdoc/>
    public override int TermExponent(int term) => _parameterExponents[term - 1] - _valueExponent; // g_i = ρ_i / σ

    /// <inheritdoc/>
    public override int CoefficientExponent(int monomial)
    {
        var exponent = _valueExponent;
        for (var i = 0; i < parameters; i++)
        {
            if ((monomial & (1 << i)) != 0)
            {
                exponent -= _parameterExponents[i];                                                   // λ_S = σ Π ρ_i^{−1} λ′_S
            }
        }

        return exponent;
    }
}
