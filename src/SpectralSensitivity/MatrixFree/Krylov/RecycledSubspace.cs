using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>An approximate invariant subspace of a symmetric operator K, recycled from the final Lanczos basis to deflate the conjugate
/// gradients of the shifted solves: orthonormal <c>W</c> (n × r) in the complement of the exactly deflated vectors, and <c>Z = K W</c>.</summary>
/// <remarks>
/// <para>The shifted solves run CG on <c>M = P (a I + b K) P</c> (<c>P = I − Q Qᵀ</c>, Q the exactly deflated vectors): the folded operator
/// <c>λ − AᵀA/λ</c> (K = AᵀA, a = λ, b = −1/λ) or <c>±(λ − T)</c> (K = T, a = ±λ, b = ∓1). For every shift,
/// <c>M W = P (a W + b Z)</c> costs no product, so <c>Z</c> is formed once per decomposition (<see cref="Build"/>) and serves every order,
/// every index and every member of a cluster; <see cref="Shifted"/> then gives the deflation of one shift.</para>
/// <para>Z is formed by explicit products rather than from the Lanczos relation <c>AᵀA ṽ_i = σ_i² ṽ_i + σ_i X[p, i] r</c> (which would cost
/// none): the products are exact to the rounding of one product whatever happened to the basis (restarts, breakdowns, the vectors' later
/// orthogonalisation against Q), and their cost, <c>r</c> block products with A and Aᵀ, is paid once per decomposition.</para>
/// <para>Any candidates are accepted: they are orthogonalised twice against Q and against each other
/// (Giraud, Langou and Rozložník, Numer. Math. 101 (2005)), and a candidate that keeps less than <see cref="DependenceThreshold"/> of its
/// norm (nearly dependent on the others, or on Q) is dropped, so W is orthonormal to working precision. Cost: <c>O(n r (r + |Q|))</c> for
/// the orthogonalisation and one block product with K; memory <c>16 n r</c> bytes.</para>
/// </remarks>
internal sealed class RecycledSubspace
{
    /// <summary>A candidate is dropped when orthogonalisation leaves less than this fraction of its norm.</summary>
    public const double DependenceThreshold = 1.0 / 1024;

    private readonly double[] _w;
    private readonly double[] _z;

    private RecycledSubspace(int dimension, int count, double[] w, double[] z)
    {
        Dimension = dimension;
        Count = count;
        _w = w;
        _z = z;
    }

    /// <summary>The default number of vectors for an operator: <c>⌊N / (20 min(m, n))⌋</c>, N the multiply-adds of one product (the stored entries:
    /// <c>m n</c> dense, nnz sparse; <c>m n</c> when A is known only by its products).</summary>
    /// <remarks>A CG iteration of the shifted solves costs two products, <c>2N</c>, and the deflation by r vectors of length min(m, n) adds
    /// <c>5 r min(m, n)</c> multiply-adds (two dot products and three updates each, <see cref="DeflationSpace"/>) streamed from memory without
    /// reuse; the budget keeps that below an eighth of the products, so a deflation that saves nothing costs at most an eighth more time.
    /// Dense 4000 × 4000: 200, every spare vector; 200,000 × 150,000 with 2 million entries: none. Cost O(1).</remarks>
    public static long Budget(ILinearOperator a) => EntriesOf(a) / (20L * Math.Min(a.RowCount, a.ColumnCount));

    private static long EntriesOf(ILinearOperator a) => a switch
    {
        IScalableOperator stored => stored.StoredEntryCount,
        ScaledOperator scaled => EntriesOf(scaled.Inner),
        _ => (long)a.RowCount * a.ColumnCount,
    };

    /// <summary>n, the length of each vector.</summary>
    public int Dimension { get; }

    /// <summary>r, the number of vectors kept.</summary>
    public int Count { get; }

    /// <summary>W orthonormalised from <paramref name="candidates"/> in the complement of <paramref name="known"/>, and <c>Z = K W</c>; null when no candidate is left.</summary>
    /// <param name="candidates">Approximate eigenvectors of K (any vectors are accepted).</param>
    /// <param name="known">Q, orthonormal: the exactly deflated vectors.</param>
    /// <param name="applyBlock">(X, Y, r): <c>Y = K X</c> for r vectors stored column after column.</param>
    public static RecycledSubspace? Build(IReadOnlyList<double[]> candidates, IReadOnlyList<double[]> known, Action<double[], double[], int> applyBlock)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        var dimension = candidates[0].Length;
        var basis = new OrthonormalBasis(dimension, known.Count + candidates.Count);
        foreach (var q in known)
        {
            basis.Append(q, 1.0);
        }

        var scratch = new double[basis.Capacity];
        foreach (var candidate in candidates)
        {
            var x = (double[])candidate.Clone();
            var norm = VectorMath.Norm(x);
            basis.Orthogonalize(x, basis.Count, scratch);                                 // x ← (I − [Q W][Q W]ᵀ)² x
            var kept = VectorMath.Norm(x);
            if (double.IsFinite(norm) && kept > DependenceThreshold * norm)
            {
                basis.Append(x, kept);
            }
        }

        var count = basis.Count - known.Count;
        if (count == 0)
        {
            return null;
        }

        var w = new double[dimension * count];
        for (var i = 0; i < count; i++)
        {
            basis.Column(known.Count + i).CopyTo(w.AsSpan(i * dimension, dimension));
        }

        var z = new double[dimension * count];
        applyBlock(w, z, count);                                                          // Z = K W, once per decomposition
        return new RecycledSubspace(dimension, count, w, z);
    }

    /// <summary>The deflation of CG on <c>M = P (a I + b K) P</c>; null when M is not positive definite on span(W) to working precision.</summary>
    /// <remarks>
    /// <para><c>M W = P (a W + b Z)</c> and <c>G = Wᵀ M W</c> (symmetrised). With <c>G = Y Θ Yᵀ</c>, the directions <c>W Y</c> with
    /// <c>θ_i ≤ √ε θ_max</c> are dropped (M is not definite there, or G⁻¹ would amplify the rounding of M W), and the rest are kept as
    /// <c>W' = W Y</c>, <c>M W' = (M W) Y</c> with the diagonal <c>G' = Θ</c>: the Ritz vectors of M in span(W). Since W is orthonormal in
    /// range(P), the θ lie between the extreme eigenvalues of M there, so G' is never worse conditioned than M.</para>
    /// <para>Cost: r products with nothing, <c>O(n r (r + |Q|))</c> flops; memory <c>16 n r</c> bytes.</para>
    /// </remarks>
    /// <param name="identityWeight">a.</param>
    /// <param name="operatorWeight">b.</param>
    /// <param name="project">x ← P x, one pass, as in the solver's operator.</param>
    public DeflationSpace? Shifted(double identityWeight, double operatorWeight, Action<double[]> project)
    {
        var (n, r) = (Dimension, Count);
        var mw = new double[r][];
        for (var j = 0; j < r; j++)
        {
            mw[j] = new double[n];
            for (var i = 0; i < n; i++)
            {
                mw[j][i] = (identityWeight * _w[(j * n) + i]) + (operatorWeight * _z[(j * n) + i]);   // a w_j + b K w_j
            }

            project(mw[j]);                                                               // M w_j = P (a w_j + b K w_j)
        }

        var g = Matrix<double>.Build.Dense(r, r);
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                g[i, j] = g[j, i] = 0.5 * (VectorMath.Dot(W(i), mw[j]) + VectorMath.Dot(W(j), mw[i]));   // G = Wᵀ M W, symmetrised
            }
        }

        var (theta, y) = SmallMatrix.SymmetricEvd(g);
        var largest = theta.Max();
        var kept = Enumerable.Range(0, r).Where(i => theta[i] > Math.Sqrt(Epsilon) * largest).ToArray();
        if (!(largest > 0) || kept.Length == 0)
        {
            return null;
        }

        var vectors = new double[kept.Length][];
        var images = new double[kept.Length][];
        for (var c = 0; c < kept.Length; c++)
        {
            (vectors[c], images[c]) = (new double[n], new double[n]);
            for (var j = 0; j < r; j++)
            {
                var weight = y[j, kept[c]];
                VectorMath.Axpy(weight, W(j), vectors[c]);                                // W' = W Y
                VectorMath.Axpy(weight, mw[j], images[c]);                                // M W' = (M W) Y
            }
        }

        return new DeflationSpace(vectors, images, kept.Select(i => theta[i]).ToArray());
    }

    private ReadOnlySpan<double> W(int j) => _w.AsSpan(j * Dimension, Dimension);

    private const double Epsilon = 2.220446049250313e-16;
}
