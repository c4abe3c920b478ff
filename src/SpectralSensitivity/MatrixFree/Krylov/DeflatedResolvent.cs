using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The reduced resolvent <c>S</c> of a symmetric operator T at an extreme computed eigenvalue λ, applied by an
/// iterative solve on the complement of the known eigenvectors and exact partial fractions on them.</summary>
/// <remarks>
/// <para>With <c>Q = [w₀, q₁ … q_r]</c> the target's eigenvector and the other known eigenvectors (eigenvalues
/// <c>μ_i</c>) and <c>P = I − Q Qᵀ</c>:</para>
/// <para><c>S b = Σ_i (q_iᵀ b) q_i / (μ_i − λ) + z</c>, where <c>z ∈ range(P)</c> solves <c>P (T − λ) P z = P b</c>.</para>
/// <para>The known terms are exact partial fractions (never <c>1/(s_i² − s_k²)</c>). The known eigenvectors include
/// every eigenvalue of T beyond λ (all larger singular values and their <c>−s_i</c> partners, the target's <c>−s_k</c>
/// partner included), so on <c>range(P)</c> the spectrum of T lies on one side of λ, at distance at least
/// <c>d_c</c> (<c>s_k − s_K</c> for singular values): <c>±(λ − T)</c> is positive definite there and the solve is
/// conjugate gradients (Hestenes and Stiefel, J. Res. NBS 49 (1952)), MINRES (Paige and Saunders, SIAM J. Numer.
/// Anal. 12 (1975)) taking over if a non-positive curvature shows that the deflation was not exact enough.</para>
/// <para>For singular values (<c>T = H(A)</c>) the complement solve runs on the folded system of
/// <see cref="FoldedEmbeddingSolver"/> instead (same stopping rule, about half the iterations), MINRES on
/// <c>λ − T</c> remaining the fallback.</para>
/// <para>Either CG may be deflated by Ritz vectors recycled from the final Lanczos basis (<see cref="Recycled"/>,
/// <see cref="FoldedEmbeddingSolver"/>; Saad, Yeung, Erhel and Guyomarc'h, SIAM J. Sci. Comput. 21 (2000)): fewer iterations, the same
/// residual to stop on, the same answer.</para>
/// <para>The solve stops at <c>‖r‖ ≤ tol ‖P b‖</c>; the true residual <c>‖P b − P (T − λ) P z‖</c> is recomputed and
/// <c>‖r‖ / d_c</c> bounds the error of z (<see cref="Residuals"/>). Cost per iteration: one product with T and a
/// one-pass projection against Q, O(dimension · (r + 1)).</para>
/// <para>A solve whose result only enters the quadratic form <c>bᵀ S b</c> (<see cref="StationarySolve"/>) needs half the digits: with
/// <c>M = P (T − λ) P</c> on range(P), <c>ρ = P b − M z̃</c> the true residual of an approximation z̃ of <c>z = M⁻¹ P b</c>,</para>
/// <para><c>(P b)ᵀ z = (P b)ᵀ z̃ + z̃ᵀ ρ + ρᵀ M⁻¹ ρ</c>,</para>
/// <para>so <c>(P b)ᵀ z̃ + z̃ᵀ ρ</c> (<see cref="StationaryTerms"/> holds <c>z̃ᵀ ρ</c>) is within <c>‖ρ‖² / d_c</c> of the exact form: a residual
/// <c>√tol ‖P b‖</c> gives the error <c>tol ‖P b‖² / d_c</c> that a residual <c>tol ‖P b‖</c> gives the first-order form <c>(P b)ᵀ z̃</c>.
/// This is the stationarity of the Hylleraas functional behind Wigner's rule (Hylleraas, Z. Phys. 65 (1930) 209–225).</para>
/// </remarks>
internal sealed class DeflatedResolvent
{
    private readonly Action<double[], double[]> _apply;
    private readonly OrthonormalBasis _known;
    private readonly double[] _knownValues;
    private readonly double _sign;
    private readonly double _tolerance;
    private readonly int _maxIterations;
    private readonly double[] _coefficients;
    private readonly double[] _scratchCoefficients;
    private readonly int _groupSize;
    private readonly Lazy<DeflationSpace?> _deflation;

    /// <param name="apply">y = T x.</param>
    /// <param name="eigenvalue">λ.</param>
    /// <param name="target">The unit eigenvector w₀ of λ.</param>
    /// <param name="knownValues">μ_i of the other known eigenvectors.</param>
    /// <param name="knownVectors">q_i, orthonormal and orthogonal to w₀.</param>
    /// <param name="complementBelow">Whether the rest of the spectrum lies below λ (else above).</param>
    /// <param name="complementGap">d_c, a lower bound on the distance from λ to the spectrum on the complement.</param>
    /// <param name="tolerance">Relative residual at which a solve stops.</param>
    /// <param name="maxIterations">Iterations of one solve before giving up.</param>
    public DeflatedResolvent(Action<double[], double[]> apply, double eigenvalue, double[] target, double[] knownValues, IReadOnlyList<double[]> knownVectors,
        bool complementBelow, double complementGap, double tolerance, int maxIterations)
        : this(apply, eigenvalue, [target], knownValues, knownVectors, complementBelow, complementGap, tolerance, maxIterations)
    {
    }

    /// <summary>The resolvent with a whole group (cluster) removed: its eigenvectors are projected out and get no partial fraction.</summary>
    /// <param name="apply">y = T x.</param>
    /// <param name="eigenvalue">λ, the shift (a member's value).</param>
    /// <param name="group">The orthonormal eigenvectors of the group, λ's among them.</param>
    /// <param name="knownValues">μ_i of the other known eigenvectors.</param>
    /// <param name="knownVectors">q_i, orthonormal and orthogonal to the group.</param>
    /// <param name="complementBelow">Whether the rest of the spectrum lies below λ (else above).</param>
    /// <param name="complementGap">d_c, a lower bound on the distance from λ to the spectrum on the complement.</param>
    /// <param name="tolerance">Relative residual at which a solve stops.</param>
    /// <param name="maxIterations">Iterations of one solve before giving up.</param>
    public DeflatedResolvent(Action<double[], double[]> apply, double eigenvalue, IReadOnlyList<double[]> group, double[] knownValues, IReadOnlyList<double[]> knownVectors,
        bool complementBelow, double complementGap, double tolerance, int maxIterations)
    {
        _apply = apply;
        Eigenvalue = eigenvalue;
        _knownValues = knownValues;
        _sign = complementBelow ? 1.0 : -1.0;
        ComplementGap = complementGap;
        _tolerance = tolerance;
        _maxIterations = maxIterations;
        Dimension = group[0].Length;
        _groupSize = group.Count;
        _known = new OrthonormalBasis(Dimension, knownVectors.Count + _groupSize);
        foreach (var member in group)
        {
            _known.Append(member, 1.0);
        }

        foreach (var q in knownVectors)
        {
            _known.Append(q, 1.0);
        }

        _coefficients = new double[_known.Count];
        _scratchCoefficients = new double[_known.Count];
        _deflation = new Lazy<DeflationSpace?>(() => Recycled?.Shifted(_sign * Eigenvalue, -_sign, y => _known.ProjectOut(y, _scratchCoefficients)));   // ±(λ − T) = (±λ) I + (∓1) T
    }

    public int Dimension { get; }

    public double Eigenvalue { get; }

    public double ComplementGap { get; }

    /// <summary>For T = H(A) with the complement below λ: the folded solve that replaces CG on <c>λ − T</c> (null for a general T).</summary>
    public FoldedEmbeddingSolver? Folding { get; init; }

    /// <summary>Vectors orthogonal to the known ones, with their images under T, that deflate the unfolded CG (<see cref="DeflationSpace"/>, with
    /// <c>±(λ − T) = a I + b T</c>, a = ±λ, b = ∓1); null for plain CG. The folded solve takes its own (<see cref="Folding"/>).</summary>
    public RecycledSubspace? Recycled { get; init; }

    /// <summary>The true residual norm of each solve so far, relative to nothing (absolute).</summary>
    public List<double> Residuals { get; } = [];

    /// <summary>Iterations of each solve so far.</summary>
    public List<int> Iterations { get; } = [];

    /// <summary><c>z̃ᵀ ρ</c> of each solve so far: the computed complement part z̃ and its true residual <c>ρ = P b − P (T − λ) P z̃</c>, the term that makes
    /// <c>(P b)ᵀ z̃ + z̃ᵀ ρ</c> stationary (see the remarks).</summary>
    public List<double> StationaryTerms { get; } = [];

    /// <summary>The number (1-based, counted over the solves of this resolvent) of the solve whose result only enters a quadratic form <c>bᵀ S b</c>, corrected by
    /// <see cref="StationaryTerms"/>: it stops at the residual <c>√tol ‖P b‖</c> instead of <c>tol ‖P b‖</c>. Null for none.</summary>
    public int? StationarySolve { get; set; }

    /// <summary>destination = S source.</summary>
    public void Apply(double[] source, double[] destination)
    {
        var b = (double[])source.Clone();
        _known.Orthogonalize(b, _known.Count, _coefficients);                    // P b, and c = Qᵀ b
        var z = new double[Dimension];
        var rightSide = (double[])b.Clone();
        VectorMath.Scale(-_sign, rightSide);                                     // ±(λ − T) z = ∓P b
        var tolerance = Residuals.Count + 1 == StationarySolve ? Math.Sqrt(_tolerance) : _tolerance;
        var (residual, dot, iterations, converged) = Folding is { } folding
            ? folding.Solve(Eigenvalue, rightSide, z, tolerance, _maxIterations)
            : ConjugateGradient(rightSide, z, tolerance);
        if (!converged)
        {
            Array.Clear(z);
            (residual, dot, iterations) = Minres(rightSide, z, iterations, tolerance);
        }

        z.CopyTo(destination);
        for (var i = _groupSize; i < _known.Count; i++)
        {
            VectorMath.Axpy(_coefficients[i] / (_knownValues[i - _groupSize] - Eigenvalue), _known.Column(i), destination);   // (q_iᵀ b) q_i / (μ_i − λ)
        }

        Residuals.Add(residual);
        Iterations.Add(iterations);
        StationaryTerms.Add(-_sign * dot);                                       // ρ = P b − P (T − λ) P z̃ = ∓(∓P b − ±P (λ − T) P z̃)
    }

    /// <summary><c>y = ±P (λ − T) x</c> for x in range(P): positive definite there.</summary>
    /// <remarks>The iterates of CG and MINRES stay in range(P) (every vector they combine is an output of P), so the
    /// input is not projected again; one Gram–Schmidt pass on the output keeps them there.</remarks>
    private void Operator(double[] x, double[] y)
    {
        _apply(x, y);
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = _sign * ((Eigenvalue * x[i]) - y[i]);                       // ±(λ x − T x)
        }

        _known.ProjectOut(y, _scratchCoefficients);
    }

    private (double Residual, double SolutionDotResidual, int Iterations, bool Converged) ConjugateGradient(double[] rightSide, double[] x, double tolerance)
    {
        var (iterations, converged) = ConjugateGradients.Solve(Operator, rightSide, x, tolerance * VectorMath.Norm(rightSide), _maxIterations, _deflation.Value);
        var (residual, dot) = converged ? TrueResidual(rightSide, x) : (double.PositiveInfinity, 0.0);
        return (residual, dot, iterations, converged);
    }

    /// <summary>MINRES (Paige–Saunders) on the same symmetric operator, from x = 0: Lanczos vectors, a QR factorisation of the tridiagonal matrix updated by Givens rotations, and <c>|φ̄|</c> the residual norm.</summary>
    private (double Residual, double SolutionDotResidual, int Iterations) Minres(double[] rightSide, double[] x, int spent, double tolerance)
    {
        var n = Dimension;
        var stop = tolerance * VectorMath.Norm(rightSide);
        var betaNext = VectorMath.Norm(rightSide);
        var v = (double[])rightSide.Clone();
        var (vPrevious, z) = (new double[n], new double[n]);
        var (w, w1, w2) = (new double[n], new double[n], new double[n]);
        var (phiBar, cosine, sine, dBar, epsilon, beta) = (betaNext, -1.0, 0.0, 0.0, 0.0, 0.0);
        var iterations = 0;
        while (betaNext > 0 && Math.Abs(phiBar) > stop && iterations < _maxIterations)
        {
            VectorMath.Scale(1.0 / betaNext, v);                                 // v_j = z / β_j
            (beta, betaNext) = (betaNext, 0.0);
            Operator(v, z);
            VectorMath.Axpy(-beta, vPrevious, z);                                // z = M v_j − β_j v_{j−1}
            var alpha = VectorMath.Dot(v, z);
            VectorMath.Axpy(-alpha, v, z);                                       // z −= α_j v_j
            betaNext = VectorMath.Norm(z);                                       // β_{j+1}
            var oldEpsilon = epsilon;
            var delta = (cosine * dBar) + (sine * alpha);                        // previous rotation applied to column j
            var gammaBar = (sine * dBar) - (cosine * alpha);
            epsilon = sine * betaNext;
            dBar = -cosine * betaNext;
            var gamma = Math.Sqrt((gammaBar * gammaBar) + (betaNext * betaNext));
            (cosine, sine) = (gammaBar / gamma, betaNext / gamma);              // new rotation annihilating β_{j+1}
            var phi = cosine * phiBar;
            phiBar *= sine;
            (w1, w2, w) = (w2, w, w1);
            for (var i = 0; i < n; i++)
            {
                w[i] = (v[i] - (oldEpsilon * w1[i]) - (delta * w2[i])) / gamma;   // w_j = (v_j − ε w_{j−2} − δ w_{j−1}) / γ
                x[i] += phi * w[i];
            }

            (vPrevious, v, z) = (v, z, vPrevious);
            iterations++;
        }

        var (residual, dot) = TrueResidual(rightSide, x);
        if (Math.Abs(phiBar) > stop || !double.IsFinite(residual))
        {
            throw new KrylovConvergenceException(
                $"the shifted solve at {Eigenvalue:G10} did not converge: residual {residual:G3} after {spent + iterations} iterations, tolerance {stop:G3}; raise the solver budget or loosen the solver tolerance");
        }

        return (residual, dot, spent + iterations);
    }

    /// <summary><c>ρ = c − M x</c> for <c>M = ±P (λ − T) P</c>: <c>‖ρ‖</c> and <c>xᵀρ</c>.</summary>
    private (double Norm, double SolutionDot) TrueResidual(double[] rightSide, double[] x)
    {
        var mx = new double[Dimension];
        Operator(x, mx);
        for (var i = 0; i < mx.Length; i++)
        {
            mx[i] = rightSide[i] - mx[i];
        }

        return (VectorMath.Norm(mx), VectorMath.Dot(x, mx));
    }
}
