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
/// <para>The recursion runs in the scaled units of the problem; <see cref="ScaledCoefficients.Of"/> gives its coefficients the
/// powers of two back to the caller's units, <see cref="RescaleVectors"/> maps the vectors back.</para>
/// </remarks>
internal static class PerturbationRecursion
{
    /// <summary>Runs the recursion over the first monomials of the problem's basis (all of them when null), in scaled units.</summary>
    /// <param name="problem">The eigenproblem, its basis chosen.</param>
    /// <param name="monomials">How many monomials, the unperturbed one included; a basis lists every monomial after those it splits into, so any prefix is closed.</param>
    /// <returns>Scaled <c>λ′_α</c> and <c>w′_α</c> for every monomial α run (index 0 the unperturbed pair).</returns>
    /// <exception cref="SeriesOverflowException">A scaled coefficient is not finite: the gap is too small for this order.</exception>
    public static (double[] Values, double[][] Vectors) Run(IsolatedEigenproblem problem, int? monomials = null)
    {
        var (matrices, blocks) = RunBlock(problem, monomials);
        return (matrices.Select(m => m[0, 0]).ToArray(), blocks.Select(x => x[0]).ToArray());
    }

    /// <summary>The block recursion for a group of g eigenvalues (g = 1: the scalar recursion above), in scaled units.</summary>
    /// <remarks>
    /// <para>Seek <c>T(t) X(t) = X(t) M(t)</c> with <c>X = Q + Σ_α t^α X_α</c>, <c>Qᵀ X_α = 0</c> and <c>M(t) = Σ_α t^α M_α</c>
    /// (g × g, <c>M₀ = diag(λ_c)</c>). Collecting <c>t^α</c> and projecting with Q and with the reduced resolvent of the
    /// whole group gives, with <c>R_α = Σ_{β ≤ α} T_β X_{α−β}</c>,</para>
    /// <para><c>M_α = Qᵀ R_α</c>, column c of <c>X_α = S_c(−R_α + Σ_{0 &lt; γ &lt; α} X_{α−γ} M_γ)</c>,</para>
    /// <para>S_c taken at the member's shift <c>λ_c</c> (Kato, Ch. II §2.2, the λ-group; Bloch's block form). The eigenvalues of
    /// M(t) are the group's eigenvalues of T(t), so <c>tr M_α / g</c> are the coefficients of their mean. Cost: g times the
    /// scalar recursion, plus g² dot products per term split.</para>
    /// </remarks>
    /// <param name="problem">The eigenproblem, its basis chosen.</param>
    /// <param name="monomials">How many monomials of the basis to run (all when null).</param>
    /// <returns>Scaled <c>M′_α</c> (g × g, row r = <c>q_rᵀ</c>) and <c>X′_α</c> (g columns of length <see cref="IsolatedEigenproblem.Dimension"/>).</returns>
    /// <exception cref="SeriesOverflowException">A scaled coefficient is not finite: the gap is too small for this order.</exception>
    public static (double[][,] Matrices, double[][][] Blocks) RunBlock(IsolatedEigenproblem problem, int? monomials = null)
    {
        var basis = problem.Basis;
        var dimension = problem.Dimension;
        var g = problem.MemberCount;
        var q = problem.Eigenvectors;
        var count = Math.Min(monomials ?? basis.Count, basis.Count);
        var matrices = new double[count][,];
        var blocks = new double[count][][];
        matrices[0] = new double[g, g];
        blocks[0] = new double[g][];
        for (var c = 0; c < g; c++)
        {
            matrices[0][c, c] = problem.MemberEigenvalue(c);                       // M₀ = diag(λ_c)
            blocks[0][c] = (double[])q[c].Clone();
        }

        var product = new double[dimension];
        var rightSide = new double[dimension];
        for (var alpha = 1; alpha < count; alpha++)
        {
            var m = new double[g, g];
            blocks[alpha] = new double[g][];
            for (var c = 0; c < g; c++)
            {
                Array.Clear(rightSide);
                foreach (var (term, rest) in basis.TermSplits(alpha))
                {
                    problem.ApplyPathTerm(term, blocks[rest][c], product);         // T_β X_{α−β} e_c
                    for (var r = 0; r < g; r++)
                    {
                        m[r, c] += ColumnKernels.Dot(q[r], product);               // M_α += Qᵀ T_β X_{α−β}
                    }

                    ColumnKernels.Axpy(-1.0, product, rightSide);                  // rhs −= T_β X_{α−β} e_c
                }

                foreach (var (part, rest) in basis.ProperSplits(alpha))
                {
                    for (var d = 0; d < g; d++)
                    {
                        ColumnKernels.Axpy(matrices[part][d, c], blocks[rest][d], rightSide); // rhs += X_{α−γ} M_γ e_c
                    }
                }

                blocks[alpha][c] = new double[dimension];
                problem.ApplyResolvent(c, rightSide, blocks[alpha][c]);           // X_α e_c = S_c rhs
                if (!AllFinite(blocks[alpha][c]))
                {
                    throw new SeriesOverflowException(basis.Order(alpha));
                }
            }

            matrices[alpha] = m;
            foreach (var value in m)
            {
                if (!double.IsFinite(value))
                {
                    throw new SeriesOverflowException(basis.Order(alpha));
                }
            }
        }

        return (matrices, blocks);
    }

    /// <summary>Maps scaled eigenvector coefficients back: <c>w_α = 2^{e_α − log₂σ} w′_α</c> (exact; vectors carry no σ).</summary>
    /// <exception cref="ResultOutOfRangeException">A coefficient is beyond the double range at this scale.</exception>
    public static void RescaleVectors(IsolatedEigenproblem problem, double[][] vectors)
    {
        for (var alpha = 0; alpha < vectors.Length; alpha++)
        {
            var order = problem.Basis.Order(alpha);
            ReducedResolvent.ScaleAndCheck(vectors[alpha], problem.Basis.CoefficientExponent(alpha) - problem.ValueExponent, $"the eigenvector coefficient of order {order}", order);
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
