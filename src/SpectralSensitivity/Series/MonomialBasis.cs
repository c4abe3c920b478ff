namespace SpectralSensitivity.Series;

/// <summary>
/// The monomials in which the perturbation recursion expands the eigenvalue and eigenvector, and how a monomial splits
/// into a path term and a remainder, or into two smaller monomials.
/// </summary>
/// <remarks>
/// <para>One recursion serves two expansions. Along a polynomial path <c>T(t) = T + Σ_ν t^ν T_ν</c> the monomials are the
/// powers <c>t^j</c> (<see cref="PowerMonomials"/>); for the multilinear form <c>Dⁿλ[E₁, …, E_n]</c> they are the
/// square-free products <c>t_S = Π_{i∈S} t_i</c> of independent parameters (<see cref="SubsetMonomials"/>). In both, with
/// monomials α, path terms β and the intermediate normalisation <c>w₀ᵀ w_α = 0</c>:
/// <c>λ_α = Σ_{β ≤ α} w₀ᵀ T_β w_{α−β}</c> and <c>w_α = S(−Σ_{β ≤ α} T_β w_{α−β} + Σ_{0 &lt; γ &lt; α} λ_γ w_{α−γ})</c>
/// (Kato, Ch. II §2; multi-parameter form in Ch. II §5).</para>
/// <para>The basis also carries the power-of-two scaling: each parameter <c>t_v = ρ_v t′_v</c> is rescaled so that the
/// scaled path terms <c>g_β T_β</c> have norms of order one; a scaled coefficient then maps back to the true one by the
/// exponent <see cref="CoefficientExponent"/>.</para>
/// </remarks>
internal abstract class MonomialBasis
{
    /// <summary>The number of monomials, the constant included (index 0).</summary>
    public abstract int Count { get; }

    /// <summary>The number of path terms the recursion multiplies by.</summary>
    public abstract int TermCount { get; }

    /// <summary>The order (total degree) of monomial α, for messages.</summary>
    public abstract int Order(int monomial);

    /// <summary>The pairs (term β, monomial α − β) with β dividing α, terms numbered from 1.</summary>
    public abstract IEnumerable<(int Term, int Remainder)> TermSplits(int monomial);

    /// <summary>The pairs (γ, α − γ) with γ a monomial strictly between 1 and α.</summary>
    public abstract IEnumerable<(int Part, int Remainder)> ProperSplits(int monomial);

    /// <summary>Chooses the parameter exponents <c>log₂ ρ_v</c> from the value exponent <c>log₂ σ</c> and the term-norm bounds.</summary>
    public abstract void ChooseScaling(int valueExponent, IReadOnlyList<double> termBounds);

    /// <summary><c>log₂ g_β</c>: the scaled term is <c>g_β T_β</c>, of norm at most about one.</summary>
    public abstract int TermExponent(int term);

    /// <summary>The exponent e with <c>λ_α = 2^e λ′_α</c> for the coefficient of monomial α (for the eigenvector, subtract log₂ σ).</summary>
    public abstract int CoefficientExponent(int monomial);

    /// <summary><c>⌊log₂ b⌋</c> of a positive norm bound; null for a zero term (which needs no scaling).</summary>
    protected static int? ExponentOf(double bound) => bound > 0 ? Math.ILogB(bound) : null;
}
