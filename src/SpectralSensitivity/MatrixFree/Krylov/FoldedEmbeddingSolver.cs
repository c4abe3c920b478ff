namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>
/// Solves <c>(λ − H(A)) z = c</c> on the complement of the computed singular vectors by conjugate gradients on the
/// folded system of the shorter side: the Jordan–Wielandt solve of <see cref="DeflatedResolvent"/> at half the
/// iterations and a fraction of the vector work.
/// </summary>
/// <remarks>
/// <para>With <c>z = (z_u; z_v)</c>, <c>c = (c_u; c_v)</c> and the v side the shorter (n &lt; m; otherwise, square A included, the roles of
/// A and Aᵀ swap), the two block rows <c>λ z_u − A z_v = c_u</c>, <c>λ z_v − Aᵀ z_u = c_v</c> give</para>
/// <para><c>(λ − AᵀA/λ) z_v = c_v + Aᵀ c_u / λ</c>, then <c>z_u = (c_u + A z_v) / λ</c>,</para>
/// <para>both restricted to the complement of the computed vectors (<c>P_v = I − V_K V_Kᵀ</c>,
/// <c>P_u = I − U_K U_Kᵀ</c>; the span of the embedded pairs <c>(u_i; ±v_i)</c> is exactly that of
/// <c>(u_i; 0), (0; v_i)</c>). There the folded operator has the eigenvalues <c>(λ − s_i)(λ + s_i)/λ</c>, i &gt; K, and
/// λ on the null space: positive definite, with condition number <c>λ² / ((λ − s_{K+1})(λ + s_{K+1}))</c>, about a
/// quarter of the <c>(λ + s_{K+1}) / (λ − s_{K+1})</c> of <c>λ − H</c> when <c>s_{K+1}</c> is close to λ, so CG needs
/// about half the iterations for the same two products per iteration (the folding maps the eigenvalues <c>λ ∓ s_i</c>
/// of <c>λ − H</c> to one eigenvalue; it never forms a difference of squares: the operator is applied as
/// <c>λ x − Aᵀ(A x)/λ</c>). The residual of the folded system is the v block of the residual of
/// <c>(λ − H) z = c</c> when <c>z_u</c> is formed as above (its u block is then zero), so the stopping rule
/// <c>‖ρ‖ ≤ tol ‖c‖</c> is the one of the unfolded solve; the true residual of <c>(λ − H) z = c</c> is recomputed at
/// the end and reported.</para>
/// <para>With a recycled subspace (<see cref="RecycledSubspace"/>: Ritz vectors of the final Lanczos basis on the shorter side, with
/// K = FᵀF) the CG is deflated by it (<see cref="DeflationSpace"/>), which removes the folded eigenvalues it captures, the smallest, from
/// the condition number; the residual it stops on is still that of the folded system.</para>
/// <para>Cost per iteration: one product with A and one with Aᵀ (one pass over A for <c>A Aᵀ</c> when the operator offers it,
/// <see cref="IOuterGramOperator"/>), a one-pass projection against K vectors of length
/// min(m, n) and O(min(m, n)) vector work, plus 4 r of it with r recycled vectors; memory five vectors of length min(m, n) and two of
/// length max(m, n), plus 2 r of length min(m, n) per shift.</para>
/// </remarks>
internal sealed class FoldedEmbeddingSolver
{
    private readonly ILinearOperator _a;
    private readonly int _m;
    private readonly bool _foldOnRight;
    private readonly OrthonormalBasis _short;
    private readonly OrthonormalBasis _long;
    private readonly double[] _scratch;
    private readonly RecycledSubspace? _recycled;
    private (double Shift, DeflationSpace? Deflation)? _deflation;

    /// <param name="a">A (normalised), m × n.</param>
    /// <param name="left">The computed left singular vectors <c>u_1 … u_K</c>, orthonormal.</param>
    /// <param name="right">The computed right singular vectors <c>v_1 … v_K</c>, orthonormal.</param>
    /// <param name="recycled">Vectors of the shorter side orthogonal to the computed ones, with their images under <c>FᵀF</c>, that deflate the CG; null for plain CG.</param>
    public FoldedEmbeddingSolver(ILinearOperator a, IReadOnlyList<double[]> left, IReadOnlyList<double[]> right, RecycledSubspace? recycled = null)
    {
        _recycled = recycled;
        _a = a;
        _m = a.RowCount;
        _foldOnRight = FoldsOnRight(a);
        var (shortVectors, longVectors) = _foldOnRight ? (right, left) : (left, right);
        _short = Basis(shortVectors);
        _long = Basis(longVectors);
        _scratch = new double[left.Count];
    }

    /// <summary>z with <c>(λ − H(A)) z = c</c> on the complement; c must lie in it already.</summary>
    /// <param name="shift">λ &gt; s_{K+1}.</param>
    /// <param name="rightSide">c, length m + n.</param>
    /// <param name="solution">z, length m + n; overwritten.</param>
    /// <param name="tolerance">Stop at <c>‖ρ‖ ≤ tolerance ‖c‖</c>.</param>
    /// <param name="maxIterations">The iteration budget.</param>
    /// <returns>The true residual <c>ρ = c − P (λ − H) P z</c>: its norm and <c>zᵀρ</c>; the iterations, and whether the solve converged (false on a non-positive curvature or an exhausted budget).</returns>
    public (double Residual, double SolutionDotResidual, int Iterations, bool Converged) Solve(double shift, double[] rightSide, double[] solution, double tolerance, int maxIterations)
    {
        var (shortLength, longLength) = (_short.Dimension, _long.Dimension);
        var shortPart = Short(rightSide);
        var longPart = Long(rightSide);
        var inverse = 1.0 / shift;
        var folded = new double[shortLength];
        Backward(longPart, folded);
        for (var i = 0; i < shortLength; i++)
        {
            folded[i] = shortPart[i] + (inverse * folded[i]);                       // c_s + B c_l / λ
        }

        _short.ProjectOut(folded, _scratch);
        var x = new double[shortLength];
        var wide = new double[longLength];
        var (iterations, converged) = ConjugateGradients.Solve((p, q) =>
        {
            Gram(p, q, wide);
            for (var i = 0; i < shortLength; i++)
            {
                q[i] = (shift * p[i]) - (inverse * q[i]);                             // (λ − B F / λ) p
            }

            _short.ProjectOut(q, _scratch);
        }, folded, x, tolerance * VectorMath.Norm(rightSide), maxIterations, DeflationAt(shift));
        Unfold(x, longPart, inverse, solution);
        var (residual, dot) = TrueResidual(shift, rightSide, solution);
        return (residual, dot, iterations, converged);
    }

    /// <summary>Whether the solve folds onto the v side (<c>AᵀA</c>, n &lt; m) rather than the u side (<c>A Aᵀ</c>, m ≤ n): always the shorter side,
    /// and the u side for a square A, where a dense A applies <c>A Aᵀ</c> in one pass over its columns (<see cref="IOuterGramOperator"/>).</summary>
    internal static bool FoldsOnRight(ILinearOperator a) => a.ColumnCount < a.RowCount;

    /// <summary>q = B F p (<c>AᵀA p</c> or <c>A Aᵀ p</c>): one pass over A when the operator offers <c>A Aᵀ</c> in one, else two products.</summary>
    private void Gram(double[] p, double[] q, double[] wide)
    {
        if (!_foldOnRight && _a is IOuterGramOperator { OnePassOuterGram: true } gram)                    // else the two products below, into the reused buffer
        {
            gram.MultiplyOuterGram(p, q);                                               // A Aᵀ p, A read once
            return;
        }

        Forward(p, wide);
        Backward(wide, q);
    }

    /// <summary>The deflation of the folded operator <c>λ − K/λ</c> (a = λ, b = −1/λ) by the recycled subspace, kept for the last shift.</summary>
    private DeflationSpace? DeflationAt(double shift)
    {
        if (_recycled is null)
        {
            return null;
        }

        if (_deflation is not { } cached || cached.Shift != shift)
        {
            cached = (shift, _recycled.Shifted(shift, -1.0 / shift, x => _short.ProjectOut(x, _scratch)));
            _deflation = cached;
        }

        return cached.Deflation;
    }

    /// <summary>z from its short block: <c>z_l = P_l (c_l + F z_s) / λ</c>.</summary>
    private void Unfold(double[] x, ReadOnlySpan<double> longPart, double inverse, double[] solution)
    {
        var wide = new double[_long.Dimension];
        Forward(x, wide);
        for (var i = 0; i < wide.Length; i++)
        {
            wide[i] = inverse * (longPart[i] + wide[i]);
        }

        _long.ProjectOut(wide, _scratch);
        x.CopyTo(Short(solution));
        wide.CopyTo(Long(solution));
    }

    /// <summary><c>ρ = c − P (λ − H) z</c> in both blocks: <c>‖ρ‖</c> and <c>zᵀρ</c>.</summary>
    private (double Norm, double SolutionDot) TrueResidual(double shift, double[] rightSide, double[] solution)
    {
        ReadOnlySpan<double> zShort = Short(solution), zLong = Long(solution);
        var shortResidual = new double[_short.Dimension];
        var longResidual = new double[_long.Dimension];
        Backward(zLong, shortResidual);
        Forward(zShort, longResidual);
        Residual(shift, Short(rightSide), zShort, shortResidual, _short);
        Residual(shift, Long(rightSide), zLong, longResidual, _long);
        return (double.Hypot(VectorMath.Norm(shortResidual), VectorMath.Norm(longResidual)),
            VectorMath.Dot(zShort, shortResidual) + VectorMath.Dot(zLong, longResidual));
    }

    /// <summary>product ← c − P (λ z − product), the block residual given the block's product with the other block.</summary>
    private void Residual(double shift, ReadOnlySpan<double> c, ReadOnlySpan<double> z, double[] product, OrthonormalBasis basis)
    {
        for (var i = 0; i < product.Length; i++)
        {
            product[i] = (shift * z[i]) - product[i];
        }

        basis.ProjectOut(product, _scratch);
        for (var i = 0; i < product.Length; i++)
        {
            product[i] = c[i] - product[i];
        }
    }

    /// <summary>F: short side to long side (A when folding onto v, Aᵀ when folding onto u).</summary>
    private void Forward(ReadOnlySpan<double> source, Span<double> destination)
    {
        if (_foldOnRight)
        {
            _a.Multiply(source, destination);
        }
        else
        {
            _a.TransposeMultiply(source, destination);
        }
    }

    /// <summary>B: long side to short side, the transpose of F.</summary>
    private void Backward(ReadOnlySpan<double> source, Span<double> destination)
    {
        if (_foldOnRight)
        {
            _a.TransposeMultiply(source, destination);
        }
        else
        {
            _a.Multiply(source, destination);
        }
    }

    /// <summary>The short block of <c>(x_u; x_v)</c>.</summary>
    private Span<double> Short(double[] vector) => _foldOnRight ? vector.AsSpan(_m) : vector.AsSpan(0, _m);

    /// <summary>The long block of <c>(x_u; x_v)</c>.</summary>
    private Span<double> Long(double[] vector) => _foldOnRight ? vector.AsSpan(0, _m) : vector.AsSpan(_m);

    /// <summary><c>Y = FᵀF X</c> (K of the fold, <c>AᵀA</c> or <c>AAᵀ</c>) for r vectors of the shorter side stored column after column, by block products.</summary>
    internal static void FoldedBlock(ILinearOperator a, double[] source, double[] destination, int count)
    {
        var wide = new double[Math.Max(a.RowCount, a.ColumnCount) * count];
        if (FoldsOnRight(a))
        {
            a.MultiplyBlock(source, wide, count);                                          // A W
            a.TransposeMultiplyBlock(wide, destination, count);                            // Aᵀ A W
        }
        else
        {
            a.TransposeMultiplyBlock(source, wide, count);                                 // Aᵀ W
            a.MultiplyBlock(wide, destination, count);                                     // A Aᵀ W
        }
    }

    private static OrthonormalBasis Basis(IReadOnlyList<double[]> vectors)
    {
        var basis = new OrthonormalBasis(vectors[0].Length, vectors.Count);
        foreach (var vector in vectors)
        {
            basis.Append(vector, 1.0);
        }

        return basis;
    }
}
