namespace SpectralSensitivity.Series;

/// <summary>
/// What the perturbation engine needs to know about <c>T(t) = T + Σ_β t^β T_β</c> at an isolated simple eigenvalue λ of
/// the symmetric operator T, or at an isolated group (cluster) of g eigenvalues, in scaled units: the orthonormal
/// eigenvectors <c>Q = [q₁ … q_g]</c>, the reduced resolvent with the whole group removed and the path terms.
/// </summary>
/// <remarks>
/// <para>Scaled units make every public entry point exactly homogeneous and keep the intermediate numbers of order one
/// whatever the scale of the input: with <c>σ = 2^e</c> the power of two at the top of T's spectrum and the parameter
/// scales ρ of the <see cref="MonomialBasis"/>, the recursion runs on <c>T/σ</c> and the terms <c>g_β T_β</c>
/// (<c>g_β</c> a power of two), and the coefficients are mapped back by exact power-of-two factors. The term products
/// multiply by <c>g_β</c> on the side where that cannot overflow or underflow: the input when <c>g_β &gt; 1</c>, the output
/// otherwise, so the result equals, bit for bit, the product with the scaled matrix.</para>
/// <para>A group of g members carries g eigenvectors and, for each member c, the shift <c>λ_c</c> at which column c of the
/// block recursion applies the resolvent (one shared value for an exactly repeated eigenvalue, the members' own values for
/// a nearly repeated group; Kato, Ch. II §2.2). A simple eigenvalue is the group of one member.</para>
/// <para>Implemented for singular values (through the Jordan–Wielandt embedding) and for symmetric matrices. Instances
/// hold scratch buffers and are not thread-safe.</para>
/// </remarks>
internal abstract class IsolatedEigenproblem
{
    private readonly double[] _scaledInput;
    private int[] _termExponents = [];

    /// <summary>Stores the eigenvector and the raw term-norm bounds.</summary>
    protected IsolatedEigenproblem(double[] eigenvector, double[] termNormBounds, int valueExponent)
        : this([eigenvector], termNormBounds, valueExponent)
    {
    }

    /// <summary>Stores the group's orthonormal eigenvectors and the raw term-norm bounds.</summary>
    protected IsolatedEigenproblem(double[][] eigenvectors, double[] termNormBounds, int valueExponent)
    {
        Eigenvectors = eigenvectors;
        PathTermNormBounds = termNormBounds;
        ValueExponent = valueExponent;
        _scaledInput = new double[eigenvectors[0].Length];
    }

    /// <summary>Dimension of the space T acts on.</summary>
    public int Dimension => Eigenvector.Length;

    /// <summary>The unperturbed eigenvalue in scaled units, λ/σ (the first member's for a group).</summary>
    public double Eigenvalue => MemberEigenvalue(0);

    /// <summary>The unperturbed eigenvalue of member c (0-based) in scaled units, <c>λ_c/σ</c>: the shift of column c.</summary>
    public abstract double MemberEigenvalue(int member);

    /// <summary>A unit eigenvector w₀ of λ (the first member's for a group).</summary>
    public double[] Eigenvector => Eigenvectors[0];

    /// <summary>The orthonormal eigenvectors <c>q₁ … q_g</c> of the group (one for a simple eigenvalue).</summary>
    public double[][] Eigenvectors { get; }

    /// <summary>The number g of members (1 for a simple eigenvalue).</summary>
    public int MemberCount => Eigenvectors.Length;

    /// <summary>Distance from λ to the rest of the spectrum of T, in scaled units (d/σ).</summary>
    public abstract double Gap { get; }

    /// <summary><c>log₂ σ</c>.</summary>
    public int ValueExponent { get; }

    /// <summary>The number of path terms.</summary>
    public int PathDegree => PathTermNormBounds.Length;

    /// <summary>Upper bounds on ‖T_β‖₂ of the unscaled terms (index β − 1).</summary>
    public double[] PathTermNormBounds { get; }

    /// <summary>Upper bounds on ‖g_β T_β‖₂, the scaled terms.</summary>
    public double[] ScaledTermNormBounds { get; private set; } = [];

    /// <summary>The monomials of the expansion, with the parameter scaling chosen for these terms.</summary>
    public MonomialBasis Basis { get; private set; } = null!;

    /// <summary>Chooses the scaling of the parameters for an expansion in <paramref name="basis"/>.</summary>
    public void UseBasis(MonomialBasis basis)
    {
        Basis = basis;
        basis.ChooseScaling(ValueExponent, PathTermNormBounds);
        _termExponents = new int[PathDegree];
        ScaledTermNormBounds = new double[PathDegree];
        for (var beta = 1; beta <= PathDegree; beta++)
        {
            _termExponents[beta - 1] = basis.TermExponent(beta);                 // g_β = 2^(this), possibly beyond the double range
            ScaledTermNormBounds[beta - 1] = Math.ScaleB(PathTermNormBounds[beta - 1], basis.TermExponent(beta));
        }
    }

    /// <summary>destination = σ S source: the reduced resolvent of <c>T/σ</c> at λ/σ.</summary>
    public void ApplyResolvent(double[] source, double[] destination) => ApplyResolvent(0, source, destination);

    /// <summary>destination = σ S_c source: the reduced resolvent of <c>T/σ</c> with the whole group removed, at <c>λ_c/σ</c>.</summary>
    public abstract void ApplyResolvent(int member, double[] source, double[] destination);

    /// <summary>One resolvent per member of a group, at the member's shift; neighbours with the same shift (an exact repeat)
    /// share one.</summary>
    /// <param name="count">g.</param>
    /// <param name="shift">The unscaled shift of member c (0-based).</param>
    /// <param name="create">Builds the resolvent with the whole group removed at a shift.</param>
    protected static T[] PerMember<T>(int count, Func<int, double> shift, Func<double, T> create)
        where T : class
    {
        var resolvents = new T[count];
        for (var c = 0; c < count; c++)
        {
            resolvents[c] = c > 0 && shift(c) == shift(c - 1) ? resolvents[c - 1] : create(shift(c));
        }

        return resolvents;
    }

    /// <summary>destination = g_β T_β source, 1 ≤ β ≤ <see cref="PathDegree"/>.</summary>
    /// <remarks><c>g_β = 2^e</c> makes <c>g_β T_β</c> of order one, so e is large when the term is tiny and may exceed the double range
    /// (a term <c>2^−1200</c> times smaller than σ): the source is scaled up first by at most <c>2^1000</c>, and no further than puts
    /// its largest entry below <c>2^1001</c>; when e &lt; 0 (a huge term) a source above one (high-order vectors in scaled units can be
    /// far above one) is scaled down first, to below 2 at most; the rest of <c>2^e</c> is applied to the product element by element.
    /// Every step is exact while the numbers stay representable. A zero term gives zero (its factor need not exist).</remarks>
    public void ApplyPathTerm(int term, double[] source, double[] destination)
    {
        if (PathTermNormBounds[term - 1] == 0)
        {
            Array.Clear(destination);                                       // T_β = 0
            return;
        }

        var exponent = _termExponents[term - 1];
        var largest = MatrixFree.VectorMath.MaxAbs(source);
        var top = largest > 0 && double.IsFinite(largest) ? Math.ILogB(largest) : 0;    // source below 2^(top + 1)
        var before = Math.Clamp(exponent, Math.Min(0, -top), Math.Max(0, MaxInputExponent - Math.Max(0, top)));   // 2^before · source below 2^1001, and below 2 if scaled down
        if (before != 0)
        {
            source.CopyTo(_scaledInput, 0);
            MatrixFree.VectorMath.ScaleByPowerOfTwo(_scaledInput, before);   // exact: a power of two, the largest entry kept below 2^1001
            ApplyUnscaledTerm(term, _scaledInput, destination);
        }
        else
        {
            ApplyUnscaledTerm(term, source, destination);
        }

        MatrixFree.VectorMath.ScaleByPowerOfTwo(destination, exponent - before);
    }

    /// <summary>The largest power of two the source of <see cref="ApplyPathTerm"/> is scaled up by before the product, and the exponent
    /// its largest entry is kept at or below.</summary>
    private const int MaxInputExponent = 1000;

    /// <summary>destination = T_β source.</summary>
    protected abstract void ApplyUnscaledTerm(int term, double[] source, double[] destination);
}
