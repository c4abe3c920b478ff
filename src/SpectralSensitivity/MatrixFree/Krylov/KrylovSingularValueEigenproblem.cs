using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>
/// The singular value <c>s_k</c> of <c>A + tE</c> as the eigenvalue of <c>H(A) + t H(E)</c>, with the reduced resolvent
/// applied matrix-free by <see cref="DeflatedResolvent"/> from the k-or-more computed triplets (all in the normalised
/// coordinates of <see cref="PartialSingularValueDecomposition"/>).
/// </summary>
/// <remarks>
/// Known eigenpairs of <c>H(A)</c> deflated exactly: <c>(+s_i, (u_i; v_i)/√2)</c> for i ≠ k and <c>(−s_i, (u_i; −v_i)/√2)</c>
/// for every computed i (the target's own <c>−s_k</c> partner included). On the complement the spectrum of H lies in
/// <c>[−s_{K+1}, s_{K+1}]</c>, below <c>s_k</c> by at least <c>s_k − s_K</c>.
/// </remarks>
internal sealed class KrylovSingularValueEigenproblem : IIsolatedEigenproblem
{
    private readonly ILinearOperator _a;
    private readonly ILinearOperator _e;
    private readonly int _m;

    public KrylovSingularValueEigenproblem(PartialSingularValueDecomposition svd, ILinearOperator normalizedDirection, double directionNormBound, int index, double solverTolerance, int maxIterations)
    {
        var triplets = svd.Scaled;
        _a = svd.Normalized;
        _e = normalizedDirection;
        _m = _a.RowCount;
        var count = triplets.Values.Length;
        var s = triplets.Values;
        var k = index - 1;
        Eigenvalue = s[k];
        Eigenvector = Embed(triplets.Left[k], triplets.Right[k], +1);
        var above = k > 0 ? s[k - 1] - s[k] : double.PositiveInfinity;
        var below = k + 1 < count ? s[k] - s[k + 1] : (_a.RowCount == _a.ColumnCount ? 2 * s[k] : s[k]);
        Gap = Math.Min(above, Math.Min(below, 2 * s[k]));                                    // d = distance from s_k to the rest of spec H
        var complementGap = count > k + 1 ? s[k] - s[count - 1] : s[k];                    // d_c ≤ s_k − s_{K+1}
        var values = new List<double>();
        var vectors = new List<double[]>();
        for (var i = 0; i < count; i++)
        {
            if (i != k)
            {
                values.Add(s[i]);
                vectors.Add(Embed(triplets.Left[i], triplets.Right[i], +1));
            }

            values.Add(-s[i]);
            vectors.Add(Embed(triplets.Left[i], triplets.Right[i], -1));
        }

        Resolvent = new DeflatedResolvent(ApplyEmbedding, Eigenvalue, Eigenvector, [.. values], vectors, complementBelow: true, complementGap, solverTolerance, maxIterations);
        PathTermNormBounds = [directionNormBound];
        TripletResidual = Math.Max(triplets.LeftResiduals[k], triplets.RightResiduals[k]);
    }

    public int Dimension => Eigenvector.Length;

    public double Eigenvalue { get; }

    public double[] Eigenvector { get; }

    public double Gap { get; }

    public int PathDegree => 1;

    public double[] PathTermNormBounds { get; }

    /// <summary>max(‖A v_k − s_k u_k‖, ‖Aᵀ u_k − s_k v_k‖) in normalised coordinates.</summary>
    public double TripletResidual { get; }

    public DeflatedResolvent Resolvent { get; }

    /// <summary>‖source‖ of every resolvent application so far.</summary>
    public List<double> RightSideNorms { get; } = [];

    public void ApplyResolvent(double[] source, double[] destination)
    {
        RightSideNorms.Add(VectorMath.Norm(source));
        Resolvent.Apply(source, destination);
    }

    public void ApplyPathTerm(int degree, double[] source, double[] destination) => Embedded(_e, source, destination);

    private void ApplyEmbedding(double[] source, double[] destination) => Embedded(_a, source, destination);

    /// <summary><c>H(M)(x; y) = (M y; Mᵀ x)</c>.</summary>
    private void Embedded(ILinearOperator matrix, double[] source, double[] destination)
    {
        matrix.Multiply(source.AsSpan(_m), destination.AsSpan(0, _m));
        matrix.TransposeMultiply(source.AsSpan(0, _m), destination.AsSpan(_m));
    }

    /// <summary><c>(u; ±v)/√2</c>.</summary>
    private static double[] Embed(double[] u, double[] v, int sign)
    {
        var w = new double[u.Length + v.Length];
        var scale = 1.0 / Math.Sqrt(2.0);
        for (var i = 0; i < u.Length; i++)
        {
            w[i] = scale * u[i];
        }

        for (var j = 0; j < v.Length; j++)
        {
            w[u.Length + j] = sign * scale * v[j];
        }

        return w;
    }
}
