using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>
/// The singular value <c>s_k</c> of <c>A + tE</c> as the eigenvalue of <c>H(A) + t H(E)</c>, with the reduced resolvent
/// applied matrix-free by <see cref="DeflatedResolvent"/> from the k-or-more computed triplets (all in the normalised
/// coordinates of <see cref="PartialSingularValueDecomposition"/>).
/// </summary>
/// <remarks>
/// Known eigenpairs of <c>H(A)</c> deflated exactly: <c>(+s_i, (u_i; v_i)/√2)</c> for i ≠ k and <c>(−s_i, (u_i; −v_i)/√2)</c>
/// for every deflated i (<see cref="PartialSingularValueDecomposition.DeflatedCount"/>; the target's own <c>−s_k</c> partner included). On the complement the spectrum of H lies in
/// <c>[−s_{K+1}, s_{K+1}]</c>, below <c>s_k</c> by at least <c>s_k − s_K</c>.
/// <para>Units: the operators are the normalised <c>A' = 2^−e A</c>, <c>E' = 2^−f E</c>; the recursion's own scaling
/// (<see cref="IsolatedEigenproblem"/>) divides by <c>σ = 2^v</c>, v the exponent of <c>s'₁</c>.</para>
/// </remarks>
internal sealed class KrylovSingularValueEigenproblem : KrylovEigenproblem
{
    private readonly ILinearOperator _a;
    private readonly JordanWielandtEmbedding _term;

    public KrylovSingularValueEigenproblem(PartialSingularValueDecomposition svd, ILinearOperator normalizedDirection, double directionNormBound, int index, double solverTolerance, int maxIterations)
        : base(JordanWielandtEmbedding.Embed(svd.Scaled.Left[index - 1], svd.Scaled.Right[index - 1], +1), directionNormBound, ValueExponentOf(svd))
    {
        var triplets = svd.Scaled;
        _a = svd.Normalized;
        _term = new JordanWielandtEmbedding(normalizedDirection);
        var count = svd.DeflatedCount;                                                      // deflated exactly: the converged triplets (and the next if it converged too)
        var s = triplets.Values;
        var k = index - 1;
        UnscaledEigenvalue = s[k];
        UnscaledGap = svd.ScaledClusterGapBound(k, k);                                        // d ≤ distance from s_k to the rest of spec H
        var complementGap = s[k] - svd.ScaledComplementBound;                                // d_c ≤ s_k − s_{K+1}, s_{K+1} ≤ θ_{K+1} + ρ_{K+1}
        var values = new List<double>();
        var vectors = new List<double[]>();
        for (var i = 0; i < count; i++)
        {
            if (i != k)
            {
                values.Add(s[i]);
                vectors.Add(JordanWielandtEmbedding.Embed(triplets.Left[i], triplets.Right[i], +1));
            }

            values.Add(-s[i]);
            vectors.Add(JordanWielandtEmbedding.Embed(triplets.Left[i], triplets.Right[i], -1));
        }

        Resolvent = new DeflatedResolvent(new JordanWielandtEmbedding(_a).Apply, UnscaledEigenvalue, Eigenvector, [.. values], vectors, complementBelow: true, complementGap, solverTolerance, maxIterations)
        {
            Folding = new FoldedEmbeddingSolver(_a, triplets.Left[..count], triplets.Right[..count], svd.Recycled),
        };
        TripletResidual = Math.Max(triplets.LeftResiduals[k], triplets.RightResiduals[k]);
    }

    protected override void ApplyUnscaledTerm(int term, double[] source, double[] destination) => _term.Apply(source, destination);

    private static int ValueExponentOf(PartialSingularValueDecomposition svd) =>
        svd.Scaled.Values[0] > 0 ? Math.ILogB(svd.Scaled.Values[0]) : 0;
}
