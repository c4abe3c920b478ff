using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Series;

/// <summary>
/// The zero singular values of A as the eigenvalue 0 of <c>H(B)</c> for a small matrix B with the same singular values
/// along the path: memory bounded for tall and wide A.
/// </summary>
/// <remarks>
/// <para>With W an orthonormal basis of a space that holds <c>range([U₊ E₁ … E_L])</c> (U₊ the left singular vectors of the
/// non-zero values), <c>A(t) = W (Wᵀ A(t))</c>, so <c>A(t)</c> and <c>B(t) = Wᵀ A(t)</c> (p × n, p ≤ r₊ + L n) have the
/// same non-trivial singular values for every t; only the count of identically zero ones differs. W comes from a thin QR
/// of <c>[U₊, E₁/2^{e₁}, …]</c> (each term normalised by a power of two, so the basis does not depend on E's scale). A wide
/// A is handled through its transpose.</para>
/// <para>The kernel of <c>H(B)</c> is spanned by <c>(x; 0)</c>, x in <c>null(Bᵀ)</c>, and <c>(0; y)</c>, y in <c>null(B)</c>,
/// from a full SVD of the small B; the reduced resolvent at 0 is the pseudo-inverse (<see cref="ReducedResolvent"/> with
/// the zero pairs removed at shift 0). Along the path the kernel's eigenvalues split into <c>±s̃_i(t)</c>, one pair per
/// zero singular value of B, and <c>p − n</c> structural zeros that stay 0 (Kato, Ch. II §2; Bunse-Gerstner et
/// al., Numer. Math. 60 (1991)). Cost: O(m (r₊ + Ln)²) for the QR, O(p n² ) for the small SVD, memory O(m (r₊ + Ln) + p²).</para>
/// </remarks>
internal sealed class ZeroClusterProblem
{
    private ZeroClusterProblem(SingularValueEigenproblem? problem, int structural, int exactZeros, int pairs)
    {
        Problem = problem;
        StructuralZeros = structural;
        ExactZeros = exactZeros;
        Pairs = pairs;
    }

    /// <summary>The eigenproblem at 0 of <c>H(B)</c>; null when B has no kernel (every zero of A stays exactly zero).</summary>
    public SingularValueEigenproblem? Problem { get; }

    /// <summary>The number of structural zeros of <c>H(B)</c>, <c>|p − n|</c>: branches that stay 0 and are not singular values.</summary>
    public int StructuralZeros { get; }

    /// <summary>Zero singular values of A beyond those of B: identically zero along the path.</summary>
    public int ExactZeros { get; }

    /// <summary>The number of <c>±s̃_i</c> pairs (zero singular values of B).</summary>
    public int Pairs { get; }

    /// <summary>Builds the reduced problem for the zero singular values of A along the path.</summary>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="path">The path terms.</param>
    /// <param name="rank">The number of non-zero singular values (the zero cluster starts at rank + 1).</param>
    public static ZeroClusterProblem Create(ThinSingularValueDecomposition svd, PerturbationPath path, int rank)
    {
        path.ValidateAndBound(svd.RowCount, svd.ColumnCount, "A");                     // shapes and finiteness
        var wide = svd.RowCount < svd.ColumnCount;
        var u = wide ? svd.RightFactor : svd.LeftFactor;
        var v = wide ? svd.LeftFactor : svd.RightFactor;
        var terms = path.Terms.Select(e => wide ? e.Transpose() : e).ToArray();
        int m = u.RowCount, n = v.RowCount;
        var exponent = ReducedResolvent.ScaleExponentOf(svd);
        var scaledValues = Vector<double>.Build.Dense(rank, i => Math.ScaleB(svd.Factors.Values[i], -exponent));
        var uPlus = u.SubMatrix(0, m, 0, rank);
        var vPlus = v.SubMatrix(0, n, 0, rank);

        Matrix<double> b;                                                                // B/σ, p × n
        Matrix<double>[] reduced;
        var width = rank + terms.Length * n;
        if (width < m)
        {
            var c = Matrix<double>.Build.Dense(m, width);
            c.SetSubMatrix(0, 0, uPlus);
            for (var nu = 0; nu < terms.Length; nu++)
            {
                var largest = terms[nu].Enumerate().Max(Math.Abs);
                c.SetSubMatrix(0, rank + nu * n, largest > 0 ? terms[nu] * Math.ScaleB(1.0, -Math.ILogB(largest)) : terms[nu]);
            }

            var w = c.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;  // range(W) ⊇ range([A E₁ …])
            b = w.TransposeThisAndMultiply(uPlus) * Matrix<double>.Build.DenseOfDiagonalVector(scaledValues).TransposeAndMultiply(vPlus);
            reduced = terms.Select(e => w.TransposeThisAndMultiply(e)).ToArray();
        }
        else
        {
            b = uPlus * Matrix<double>.Build.DenseOfDiagonalVector(scaledValues).TransposeAndMultiply(vPlus);
            reduced = terms;
        }

        if (b.RowCount < b.ColumnCount)
        {
            b = b.Transpose();
            reduced = reduced.Select(e => e.Transpose()).ToArray();
        }

        int p = b.RowCount, q = b.ColumnCount;
        var exactZeros = Math.Min(m, n) - q;
        var pairs = q - rank;
        var structural = p - q;
        if (pairs == 0 && structural == 0)
        {
            return new ZeroClusterProblem(null, 0, exactZeros, 0);
        }

        var full = b.Svd(computeVectors: true);
        var values = Vector<double>.Build.Dense(q, i => i < rank ? Math.ScaleB(full.S[i], exponent) : 0.0);  // B's zeros exactly 0
        var left = full.U;
        var right = full.VT.Transpose();
        var thin = ThinSingularValueDecomposition.FromFactors(left.SubMatrix(0, p, 0, q), values, right);
        var kernel = new List<double[]>();
        for (var i = rank; i < p; i++)
        {
            var x = new double[p + q];
            for (var r = 0; r < p; r++)
            {
                x[r] = left[r, i];                                                       // (x; 0), x ∈ null(Bᵀ)
            }

            kernel.Add(x);
            if (i < q)
            {
                var y = new double[p + q];
                for (var r = 0; r < q; r++)
                {
                    y[p + r] = right[r, i];                                              // (0; y), y ∈ null(B)
                }

                kernel.Add(y);
            }
        }

        var reducedPath = PerturbationPath.Polynomial(reduced);
        var (storage, bounds) = reducedPath.ValidateAndBound(p, q, "B");
        var problem = SingularValueEigenproblem.AtZero(thin, storage, bounds, kernel.ToArray(), rank + 1);
        return new ZeroClusterProblem(problem, structural, exactZeros, pairs);
    }

    /// <summary>From the kernel's branches (in scaled units): one signed branch per zero singular value of B, normalised so
    /// that its first non-zero coefficient is positive, largest first; the structural zeros left out. A branch zero to every
    /// order within <see cref="BranchReduction.TieTolerance"/> is reported as exactly 0.</summary>
    public double[][] SignedBranches(IEnumerable<double[]> kernelBranches)
    {
        var normalised = kernelBranches.Select(branch =>
        {
            var leading = Array.FindIndex(branch, c => !BranchReduction.IsZero(c, branch));
            if (leading < 0)
            {
                return new double[branch.Length];                                        // zero to every order: exactly 0
            }

            return branch[leading] < 0 ? branch.Select(c => -c).ToArray() : branch;
        });
        var structural = normalised.OrderBy(branch => branch.Max(Math.Abs)).Skip(StructuralZeros);  // the p − n nearest to 0
        var sorted = BranchReduction.LargestFirst(structural);
        return sorted.Where((_, position) => position % 2 == 0).ToArray();                // ±s̃_i: one of each equal pair
    }
}
