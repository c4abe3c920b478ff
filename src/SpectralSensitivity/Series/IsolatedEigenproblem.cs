namespace SpectralSensitivity.Series;

/// <summary>
/// What the perturbation engine needs to know about <c>T(t) = T + Σ_β t^β T_β</c> at an isolated simple eigenvalue λ of
/// the symmetric operator T, in scaled units: its unit eigenvector, its reduced resolvent and the path terms.
/// </summary>
/// <remarks>
/// <para>Scaled units make every public entry point exactly homogeneous and keep the intermediate numbers of order one
/// whatever the scale of the input: with <c>σ = 2^e</c> the power of two at the top of T's spectrum and the parameter
/// scales ρ of the <see cref="MonomialBasis"/>, the recursion runs on <c>T/σ</c> and the terms <c>g_β T_β</c>
/// (<c>g_β</c> a power of two), and the coefficients are mapped back by exact power-of-two factors. The term products
/// multiply by <c>g_β</c> on the side where that cannot overflow or underflow: the input when <c>g_β &gt; 1</c>, the output
/// otherwise, so the result equals, bit for bit, the product with the scaled matrix.</para>
/// <para>Implemented for singular values (through the Jordan–Wielandt embedding) and for symmetric matrices. Instances
/// hold scratch buffers and are not thread-safe.</para>
/// </remarks>
internal abstract class IsolatedEigenproblem
{
    private readonly double[] _scaledInput;
    private double[] _termFactors = [];

    /// <summary>Stores the eigenvector and the raw term-norm bounds.</summary>
    protected IsolatedEigenproblem(double[] eigenvector, double[] termNormBounds, int valueExponent)
    {
        Eigenvector = eigenvector;
        PathTermNormBounds = termNormBounds;
        ValueExponent = valueExponent;
        _scaledInput = new double[eigenvector.Length];
    }

    /// <summary>Dimension of the space T acts on.</summary>
    public int Dimension => Eigenvector.Length;

    /// <summary>The unperturbed eigenvalue in scaled units, λ/σ.</summary>
    public abstract double Eigenvalue { get; }

    /// <summary>A unit eigenvector w₀ of λ.</summary>
    public double[] Eigenvector { get; }

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
        _termFactors = new double[PathDegree];
        ScaledTermNormBounds = new double[PathDegree];
        for (var beta = 1; beta <= PathDegree; beta++)
        {
            _termFactors[beta - 1] = Math.ScaleB(1.0, basis.TermExponent(beta));
            ScaledTermNormBounds[beta - 1] = Math.ScaleB(PathTermNormBounds[beta - 1], basis.TermExponent(beta));
        }
    }

    /// <summary>destination = σ S source: the reduced resolvent of <c>T/σ</c> at λ/σ.</summary>
    public abstract void ApplyResolvent(double[] source, double[] destination);

    /// <summary>destination = g_β T_β source, 1 ≤ β ≤ <see cref="PathDegree"/>.</summary>
    public void ApplyPathTerm(int term, double[] source, double[] destination)
    {
        var factor = _termFactors[term - 1];
        if (factor > 1)
        {
            for (var i = 0; i < source.Length; i++)
            {
                _scaledInput[i] = factor * source[i];                   // exact: a power of two on numbers of order one
            }

            ApplyUnscaledTerm(term, _scaledInput, destination);
            return;
        }

        ApplyUnscaledTerm(term, source, destination);
        if (factor != 1)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] *= factor;
            }
        }
    }

    /// <summary>destination = T_β source.</summary>
    protected abstract void ApplyUnscaledTerm(int term, double[] source, double[] destination);
}
