using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Series;

/// <summary>
/// The fast recursion for the Taylor coefficients <c>λ_α</c> and <c>w_α</c> of an isolated eigenvalue and its eigenvector
/// along <c>T + Σ_β t^β T_β</c>: every monomial α of a <see cref="MonomialBasis"/> in one pass, O(N²) vector operations for
/// a path of order N.
/// </summary>
/// <remarks>
/// <para>Insert <c>λ(t) = Σ λ_α t^α</c>, <c>w(t) = Σ w_α t^α</c> into <c>T(t) w(t) = λ(t) w(t)</c> and collect <c>t^α</c>;
/// with the intermediate normalisation <c>w₀ᵀ w_α = 0</c> (α ≠ 0), projecting on <c>w₀</c> and applying the reduced
/// resolvent S gives</para>
/// <para><c>λ_α = Σ_{β ≤ α} w₀ᵀ T_β w_{α−β}</c>,
/// <c>w_α = S ( −Σ_{β ≤ α} T_β w_{α−β} + Σ_{0 &lt; γ &lt; α} λ_γ w_{α−γ} )</c>.</para>
/// <para>For a straight line this is <c>λ_j = w₀ᵀ T₁ w_{j−1}</c>, <c>w_j = S(−T₁ w_{j−1} + Σ_{i=1}^{j−1} λ_i w_{j−i})</c>:
/// Rayleigh–Schrödinger perturbation theory in Kato's reduced-resolvent form (Kato, Ch. II §2.2). The same lines give the
/// multilinear form over subsets of independent parameters. Cost per monomial: one term application per term dividing
/// it, one resolvent application and one axpy of length <see cref="IsolatedEigenproblem.Dimension"/> per proper split.</para>
/// <para>The recursion runs in the scaled units of the problem; <see cref="Rescale"/> maps its coefficients back.</para>
/// </remarks>
internal static class PerturbationRecursion
{
    /// <summary>Runs the recursion over every monomial of the problem's basis, in scaled units.</summary>
    /// <returns>Scaled <c>λ′_α</c> and <c>w′_α</c> for every monomial α (index 0 the unperturbed pair).</returns>
    /// <exception cref="SeriesOverflowException">A scaled coefficient is not finite: the gap is too small for this order.</exception>
    public static (double[] Values, double[][] Vectors) Run(IsolatedEigenproblem problem)
    {
        var basis = problem.Basis;
        var dimension = problem.Dimension;
        var w0 = problem.Eigenvector;
        var lambda = new double[basis.Count];
        var w = new double[basis.Count][];
        lambda[0] = problem.Eigenvalue;
        w[0] = (double[])w0.Clone();
        var product = new double[dimension];
        var rightSide = new double[dimension];
        for (var alpha = 1; alpha < basis.Count; alpha++)
        {
            Array.Clear(rightSide);
            var value = 0.0;
            foreach (var (term, rest) in basis.TermSplits(alpha))
            {
                problem.ApplyPathTerm(term, w[rest], product);           // T_β w_{α−β}
                value += ColumnKernels.Dot(w0, product);                 // λ_α += w₀ᵀ T_β w_{α−β}
                ColumnKernels.Axpy(-1.0, product, rightSide);            // rhs −= T_β w_{α−β}
            }

            foreach (var (part, rest) in basis.ProperSplits(alpha))
            {
                ColumnKernels.Axpy(lambda[part], w[rest], rightSide);    // rhs += λ_γ w_{α−γ}
            }

            lambda[alpha] = value;
            w[alpha] = new double[dimension];
            problem.ApplyResolvent(rightSide, w[alpha]);                 // w_α = S rhs
            if (!double.IsFinite(value) || !AllFinite(w[alpha]))
            {
                throw new SeriesOverflowException(basis.Order(alpha));
            }
        }

        return (lambda, w);
    }

    /// <summary>Maps scaled coefficients back: <c>λ_α = 2^{e_α} λ′_α</c> (exact).</summary>
    /// <exception cref="ResultOutOfRangeException">A coefficient is beyond the double range at this scale.</exception>
    public static void Rescale(IsolatedEigenproblem problem, double[] values)
    {
        var basis = problem.Basis;
        for (var alpha = 0; alpha < values.Length; alpha++)
        {
            values[alpha] = Math.ScaleB(values[alpha], basis.CoefficientExponent(alpha));
            if (!double.IsFinite(values[alpha]))
            {
                throw new ResultOutOfRangeException($"the Taylor coefficient of order {basis.Order(alpha)}", basis.Order(alpha));
            }
        }
    }

    /// <summary>Maps scaled eigenvector coefficients back: <c>w_α = 2^{e_α − log₂σ} w′_α</c> (exact; vectors carry no σ).</summary>
    /// <exception cref="ResultOutOfRangeException">A coefficient is beyond the double range at this scale.</exception>
    public static void RescaleVectors(IsolatedEigenproblem problem, double[][] vectors)
    {
        for (var alpha = 0; alpha < vectors.Length; alpha++)
        {
            var order = problem.Basis.Order(alpha);
            ReducedResolvent.ScaleAndCheck(vectors[alpha], problem.Basis.CoefficientExponent(alpha) - problem.ValueExponent, $"the eigenvector coefficient of order {order}");
        }
    }

    private static bool AllFinite(double[] x)
    {
        foreach (var value in x)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}
