using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Series;

/// <summary>
/// Kato's reduction process: the analytic branches of a group's eigenvalues along one parameter, from the group's
/// <c>g × g</c> coefficient matrices <c>M₀, M₁, …, M_N</c>, by running the same block recursion on smaller and smaller problems.
/// </summary>
/// <remarks>
/// <para>The group's eigenvalues of <c>T(t)</c> are the eigenvalues of <c>K(t) = Σ_j t^j K_j</c>, <c>K_j = M_j</c>, whose
/// leading term <c>K₀</c> is symmetric (the later terms need not be). Decompose <c>K₀ = Q diag(θ) Qᵀ</c> and group equal θ:
/// a simple θ gives one branch by the (scalar) recursion on K(t); a group of h equal θ gives, by the block recursion on K(t)
/// with that group removed, an h × h family <c>θ I + t K′(t)</c>, <c>K′(t) = Σ_j t^j M′_{j+1}</c>, whose branches are
/// <c>θ + t μ(t)</c> with μ the branches of K′ — the same problem one order shorter (Kato, Ch. II §2.3; Rellich 1969).
/// Branches still equal after the last order are tied to that order. Everything runs in the caller's scaled units, so the
/// result maps back by the caller's exact powers of two.</para>
/// <para>Cost: one small symmetric eigendecomposition and one g × g block recursion per level, at most N levels: O(N g⁴)
/// at worst, negligible beside the big recursion that produced <c>M_j</c>.</para>
/// </remarks>
internal static class BranchReduction
{
    /// <summary>Relative distance (to <c>max(1, |θ|)</c>, in scaled units) at or below which two branch coefficients count as equal.</summary>
    /// <remarks>2⁻³⁴ ≈ 5.8e-11: far above the rounding of O(1) scaled coefficients, far below any split worth reporting.</remarks>
    public const double TieTolerance = 5.8207660913467407e-11;      // 2⁻³⁴

    /// <summary>The g branches of <c>K(t) = Σ_j t^j K_j</c>, each as coefficients <c>c₀ … c_N</c>, in ascending order of <c>c₀</c>.</summary>
    /// <param name="k">K₀ (symmetric up to rounding) … K_N, each g × g.</param>
    public static double[][] Reduce(IReadOnlyList<double[,]> k)
    {
        var g = k[0].GetLength(0);
        var order = k.Count - 1;
        var k0 = Matrix<double>.Build.Dense(g, g, (i, j) => 0.5 * (k[0][i, j] + k[0][j, i]));  // sym(K₀): exact symmetry
        var eig = SymmetricEigendecomposition.Compute(k0);
        var theta = eig.Factors.Values.ToArray();
        if (order == 0)
        {
            return theta.Select(x => new[] { x }).ToArray();
        }

        var terms = new double[order][];
        var bounds = new double[order];
        for (var nu = 1; nu <= order; nu++)
        {
            var matrix = k[nu];
            terms[nu - 1] = ColumnKernels.Storage(Matrix<double>.Build.Dense(g, g, (i, j) => matrix[i, j]));
            bounds[nu - 1] = ColumnKernels.SpectralNormBound(terms[nu - 1], g, g);
        }

        var tolerance = TieTolerance * Math.Max(1.0, theta.Max(Math.Abs));
        var branches = new List<double[]>();
        for (var first = 1; first <= g;)
        {
            var (start, count) = SpectralCluster.Chain(theta, first, tolerance);
            var problem = SymmetricEigenproblem.ForReduction(eig, terms, bounds, start, count);
            problem.UseBasis(new PowerMonomials(order, order));
            var (scaled, _) = PerturbationRecursion.RunBlock(problem);
            var matrices = scaled.Select((m, j) => Rescaled(m, problem.Basis.CoefficientExponent(j))).ToArray();
            if (count == 1)
            {
                branches.Add(matrices.Select(m => m[0, 0]).ToArray());                     // a simple θ: its own series
            }
            else
            {
                var value = theta[(start - 1)..(start - 1 + count)].Average();
                foreach (var sub in Reduce(matrices[1..]))
                {
                    branches.Add([value, .. sub]);                                         // θ + t μ(t)
                }
            }

            first = start + count;
        }

        return branches.ToArray();
    }

    /// <summary>Sorts branches by value for small t &gt; 0, largest first: by <c>c₀</c>, then <c>c₁</c>, … (equal within the tie tolerance).</summary>
    public static double[][] LargestFirst(IEnumerable<double[]> branches)
    {
        var list = branches.ToList();
        list.Sort((a, b) => Compare(b, a));
        return list.ToArray();
    }

    /// <summary>Groups of positions (0-based, into a sorted list) whose branches agree in every coefficient within the tolerance.</summary>
    public static IReadOnlyList<int[]> Ties(IReadOnlyList<double[]> sorted)
    {
        var groups = new List<int[]>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i + 1;
            while (j < sorted.Count && Compare(sorted[i], sorted[j]) == 0)
            {
                j++;
            }

            if (j - i > 1)
            {
                groups.Add(Enumerable.Range(i, j - i).ToArray());
            }

            i = j;
        }

        return groups;
    }

    /// <summary>Whether a coefficient counts as zero next to the branch's largest coefficient.</summary>
    public static bool IsZero(double coefficient, double[] branch) =>
        Math.Abs(coefficient) <= TieTolerance * Math.Max(1.0, branch.Max(Math.Abs));

    private static int Compare(double[] a, double[] b)
    {
        for (var j = 0; j < a.Length; j++)
        {
            var difference = a[j] - b[j];
            if (Math.Abs(difference) > TieTolerance * Math.Max(1.0, Math.Max(Math.Abs(a[j]), Math.Abs(b[j]))))
            {
                return Math.Sign(difference);
            }
        }

        return 0;
    }

    private static double[,] Rescaled(double[,] matrix, int exponent)
    {
        var result = (double[,])matrix.Clone();
        for (var i = 0; i < result.GetLength(0); i++)
        {
            for (var j = 0; j < result.GetLength(1); j++)
            {
                result[i, j] = Math.ScaleB(result[i, j], exponent);
            }
        }

        return result;
    }
}
