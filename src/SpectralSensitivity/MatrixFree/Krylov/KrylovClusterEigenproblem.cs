using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>
/// A cluster of g computed eigenvalues of a symmetric operator (for singular values, of the Jordan–Wielandt embedding
/// <c>H(A')</c>) on the group interface of <see cref="IsolatedEigenproblem"/>: the members' eigenvectors, and for each
/// member a <see cref="DeflatedResolvent"/> at its own value with the WHOLE cluster removed.
/// </summary>
/// <remarks>
/// <para>With Q the cluster's eigenvectors and <c>q_i, μ_i</c> the other computed pairs, member c's reduced resolvent is
/// <c>S_c b = Σ_i (q_iᵀ b) q_i / (μ_i − λ_c) + z</c>, z solving <c>P (T − λ_c) P z = P b</c> with <c>P = I − [Q q] [Q q]ᵀ</c>:
/// the cluster's own directions are projected out and get no partial fraction (their <c>1/(λ_i − λ_c)</c> are the terms
/// that blow up). Every eigenvalue beyond the cluster at its end is computed, so <c>±(λ_c − T)</c> is definite on
/// range(P) and the solve is conjugate gradients (Kato, Ch. II §2.2; docs/theory.md, matrix-free section).</para>
/// <para>Units as in <see cref="KrylovSingularValueEigenproblem"/>: everything held in the normalised operator's units,
/// the recursion's scaled units divide by <c>σ = 2^v</c>. Members with the same value share one resolvent.</para>
/// <para>Every application records the right-hand side's norm, the solve's true residual and its iterations, in order,
/// for the error estimate of <see cref="KrylovClusterRecursion"/>.</para>
/// </remarks>
internal sealed class KrylovClusterEigenproblem : IsolatedEigenproblem
{
    private readonly DeflatedResolvent[] _resolvents;
    private readonly double[] _shifts;
    private readonly Action<double[], double[]> _term;

    private KrylovClusterEigenproblem(double[][] group, double[] shifts, DeflatedResolvent[] resolvents, Action<double[], double[]> term,
        double directionNormBound, int valueExponent, double unscaledGap, double tripletResidual)
        : base(group, [directionNormBound], valueExponent)
    {
        _shifts = shifts;
        _resolvents = resolvents;
        _term = term;
        UnscaledGap = unscaledGap;
        TripletResidual = tripletResidual;
    }

    /// <summary>d', the distance from the cluster to the rest of the spectrum, in the normalised operator's units.</summary>
    public double UnscaledGap { get; }

    /// <summary>The largest residual of the members' pairs, in the normalised operator's units.</summary>
    public double TripletResidual { get; }

    /// <summary>The smallest complement gap <c>d_c</c> over the members' resolvents, in the normalised operator's units.</summary>
    public double ComplementGap => _resolvents.Min(r => r.ComplementGap);

    /// <summary>‖right-hand side‖ of each solve, in the recursion's units, in call order.</summary>
    public List<double> RightSideNorms { get; } = [];

    /// <summary>The true residual of each solve, in call order.</summary>
    public List<double> SolveResiduals { get; } = [];

    /// <summary>The iterations of each solve, in call order.</summary>
    public List<int> SolveIterations { get; } = [];

    /// <inheritdoc/>
    public override double MemberEigenvalue(int member) => Math.ScaleB(_shifts[member], -ValueExponent);

    /// <inheritdoc/>
    public override double Gap => Math.ScaleB(UnscaledGap, -ValueExponent);

    /// <summary>The cluster <c>s_first … s_{first+g−1}</c> (0-based first) of the computed triplets: eigenvectors <c>(u_c; v_c)/√2</c> of
    /// <c>H(A')</c>; deflated exactly are the other computed <c>+s_i</c> and every computed <c>−s_i</c>.</summary>
    public static KrylovClusterEigenproblem ForSingularValues(PartialSingularValueDecomposition svd, ILinearOperator normalizedDirection, double directionNormBound,
        int first, int count)
    {
        var triplets = svd.Scaled;
        var s = triplets.Values;
        var computed = svd.DeflatedCount;                                                          // deflated exactly: the converged triplets (and the next if it converged too)
        var last = first + count - 1;
        var embedding = new JordanWielandtEmbedding(svd.Normalized);
        var group = Enumerable.Range(first, count).Select(i => JordanWielandtEmbedding.Embed(triplets.Left[i], triplets.Right[i], +1)).ToArray();
        var values = new List<double>();
        var vectors = new List<double[]>();
        for (var i = 0; i < computed; i++)
        {
            if (i < first || i > last)
            {
                values.Add(s[i]);
                vectors.Add(JordanWielandtEmbedding.Embed(triplets.Left[i], triplets.Right[i], +1));
            }

            values.Add(-s[i]);
            vectors.Add(JordanWielandtEmbedding.Embed(triplets.Left[i], triplets.Right[i], -1));
        }

        var gap = svd.ScaledClusterGapBound(first, last);                                                  // d ≤ distance from the cluster to the rest of spec H
        var shifts = s[first..(last + 1)];
        var options = svd.Options;
        var iterations = options.SolverIterationsFor(svd.RowCount + svd.ColumnCount);
        var resolvents = PerMember(count, c => shifts[c], shift => new DeflatedResolvent(embedding.Apply, shift, group, [.. values], vectors, complementBelow: true,
            shift - svd.ScaledComplementBound, options.SolverTolerance, iterations)                                   // d_c ≤ s_c − s_{K+1}, s_{K+1} ≤ θ_{K+1} + ρ_{K+1}
        {
            Folding = new FoldedEmbeddingSolver(svd.Normalized, triplets.Left[..computed], triplets.Right[..computed], svd.Recycled),
        });
        var residual = Enumerable.Range(first, count).Max(i => Math.Max(triplets.LeftResiduals[i], triplets.RightResiduals[i]));
        return new KrylovClusterEigenproblem(group, shifts, resolvents, new JordanWielandtEmbedding(normalizedDirection).Apply,
            directionNormBound, ExponentOf(s), gap, residual);
    }

    /// <summary>The cluster <c>μ_first … μ_{first+g−1}</c> (0-based first, counted from the chosen end) of the computed pairs.</summary>
    public static KrylovClusterEigenproblem ForEigenvalues(PartialSymmetricEigendecomposition eig, ILinearOperator normalizedDirection, double directionNormBound,
        int first, int count)
    {
        var pairs = eig.Scaled;
        var mu = pairs.Values;
        var computed = eig.DeflatedCount;                                                            // deflated exactly: the converged pairs (and the next if it converged too)
        var last = first + count - 1;
        var group = Enumerable.Range(first, count).Select(i => (double[])pairs.Vectors[i].Clone()).ToArray();
        var others = Enumerable.Range(0, computed).Where(i => i < first || i > last).ToArray();
        var gap = eig.ScaledClusterGapBound(first, last);                                            // d ≤ distance from the cluster to the other eigenvalues
        var shifts = mu[first..(last + 1)];
        var options = eig.Options;
        var normalized = eig.Normalized;
        var resolvents = PerMember(count, c => shifts[c], shift => new DeflatedResolvent((x, y) => normalized.Multiply(x, y), shift, group,
            others.Select(i => mu[i]).ToArray(), others.Select(i => pairs.Vectors[i]).ToArray(), complementBelow: eig.End == SpectrumEnd.LargestAlgebraic,
            eig.ScaledComplementGap(shift), options.SolverTolerance, options.SolverIterationsFor(eig.Size))
        {
            Recycled = eig.Recycled,
        });
        var residual = Enumerable.Range(first, count).Max(i => pairs.Residuals[i]);
        return new KrylovClusterEigenproblem(group, shifts, resolvents, (x, y) => normalizedDirection.Multiply(x, y),
            directionNormBound, ExponentOf(mu), gap, residual);
    }

    /// <summary>destination = σ S'_c source (member c's reduced resolvent of <c>T'/σ</c> with the cluster removed, at <c>λ'_c/σ</c>).</summary>
    public override void ApplyResolvent(int member, double[] source, double[] destination)
    {
        var resolvent = _resolvents[member];
        RightSideNorms.Add(VectorMath.Norm(source));
        resolvent.Apply(source, destination);
        SolveResiduals.Add(resolvent.Residuals[^1]);
        SolveIterations.Add(resolvent.Iterations[^1]);
        VectorMath.ScaleByPowerOfTwo(destination, ValueExponent);
    }

    /// <inheritdoc/>
    protected override void ApplyUnscaledTerm(int term, double[] source, double[] destination) => _term(source, destination);

    private static int ExponentOf(double[] values)
    {
        var largest = values.Max(Math.Abs);
        return largest > 0 ? Math.ILogB(largest) : 0;
    }
}
