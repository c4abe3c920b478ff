namespace SpectralSensitivity.Decomposition.Refinement;

/// <summary>
/// Extended-precision values of a few consecutive singular values of a tall or square matrix, from their double-precision right
/// vectors alone (Rayleigh–Ritz in double-double on that subspace), with a rigorous bound, instead of refining the whole SVD.
/// </summary>
/// <remarks>
/// <para>For the window <c>W = {f, …, f + g − 1}</c> of a double SVD <c>(U₀, s₀, V₀)</c> of the m × n matrix A (m ≥ n):
/// 1. <c>V ← V₀,W (3I − V₀,Wᵀ V₀,W)/2</c> (Newton–Schulz, orthonormal to double-double level), n × g;
/// 2. <c>B = A V</c> in double-double, m × g; 3. one-sided Jacobi sweeps on B, V rotated alike (as in
/// <see cref="OneSidedJacobiRefinement"/>) until the columns of B are orthogonal; 4. <c>θ_j = ‖b_j‖</c>, <c>u_j = b_j / θ_j</c>.
/// Then <c>A V = U Θ</c> and <c>X = [U; V]/√2</c> is an orthonormal basis with <c>Xᵀ H(A) X = Θ</c>, <c>H(A) = [[0, A], [Aᵀ, 0]]</c>.</para>
/// <para>Bound: the residual <c>H X − X Θ = [0; Aᵀ U − V Θ]/√2</c> is computed in double-double, <c>r = ‖Aᵀ U − V Θ‖_F / √2</c> plus the
/// double-double roundoff. The other eigenvalues of H are the other <c>±s_i</c> (and 0 when m &gt; n); each true value lies within
/// β of its double value (the backward error of the double SVD, a few <c>ε‖A‖₂</c>, taken below β = <c>max(m, n) ε s₁</c>, as the
/// near-tie test itself assumes), so the eigenvalues of the compression W of H to the complement of X lie within β + r of
/// <c>{s₀,i : i ∉ W} ∪ {−s₀,i} ∪ {0}</c>, which gives the separation η. Then every <c>θ_j</c> lies within
/// <c>2 r² / (η + √(η² + 4 r²))</c> of <c>s_{f+j}</c> (<see cref="QuadraticResidualBound"/>). The values are returned only when that bound
/// is below an eighth of a unit in the last place of the window's smallest value: each is then within an eighth of an ulp of the
/// exact value, so it is the exact value rounded to double, or its neighbour one ulp away when the exact value lies that close to a
/// rounding midpoint (the whole refinement promises a few ulps). Otherwise null (the caller refines the whole SVD).</para>
/// <para>Cost: O(m n g) double-double operations (two products with A) plus O(m g²) per sweep, instead of O(m n²) per sweep for the
/// whole SVD: at 3000 × 2000 with g = 3, seconds instead of minutes. References: Parlett, The Symmetric Eigenvalue Problem (1998)
/// §11.4 (Rayleigh–Ritz); Li, Li, Linear Algebra Appl. 395 (2005) (quadratic residual bound); Hestenes, J. SIAM 6 (1958).</para>
/// </remarks>
internal static class SingularSubspaceRitz
{
    /// <summary>The bound must stay below this fraction of the window's smallest value: 2^−56, an eighth of its last place.</summary>
    internal const double RelativeAccuracy = 1.3877787807814457e-17;

    /// <summary>Relative double-double roundoff allowed per operation in the residual and the basis: 2^−96 (the unit is 2^−104).</summary>
    internal const double DoubleDoubleRoundoff = 1.2621774483536189e-29;

    /// <summary>The values <c>s_f … s_{f+g−1}</c> (0-based <paramref name="first"/>, descending) of the m × n matrix <paramref name="a"/>
    /// (column-major, m ≥ n, largest entry within <c>2^±128</c>), or null when the bound does not certify them to an eighth of an ulp.</summary>
    /// <param name="a">A, column-major.</param>
    /// <param name="m">Rows.</param>
    /// <param name="n">Columns.</param>
    /// <param name="v0">The double right singular vectors, n × n column-major.</param>
    /// <param name="s0">The double singular values, descending.</param>
    /// <param name="first">f, 0-based.</param>
    /// <param name="count">g.</param>
    /// <param name="uncertainty">β: the double values are within β of the exact ones.</param>
    public static double[]? Values(double[] a, int m, int n, double[] v0, double[] s0, int first, int count, double uncertainty)
    {
        var v = DoubleDoubleColumns.NewtonSchulzStep(v0.AsSpan(first * n, count * n), n, count);   // V orthonormal to double-double level
        var b = DoubleDoubleColumns.Multiply(a, m, n, v, count);                                  // B = A V
        var sweeps = 1;
        while (OneSidedJacobiRefinement.Sweep(b, m, v, n, count))
        {
            if (++sweeps > OneSidedJacobiRefinement.MaxSweeps)
            {
                return null;
            }
        }

        var theta = new DoubleDouble[count];
        var squares = 0.0;
        for (var j = 0; j < count; j++)
        {
            var column = b.AsSpan(j * m, m);
            theta[j] = DoubleDouble.Sqrt(DoubleDoubleColumns.Dot(column, column));              // θ_j = ‖b_j‖
            if (!(theta[j].Hi > 0))
            {
                return null;
            }

            for (var l = 0; l < n; l++)
            {
                var residual = (DoubleDoubleColumns.Dot(a.AsSpan(l * m, m), column) / theta[j]) - (theta[j] * v[(j * n) + l]);   // (Aᵀ u_j − θ_j v_j)_l
                squares += residual.Hi * residual.Hi;
            }
        }

        var norm = s0[0] + uncertainty;                                                          // ≥ ‖A‖₂
        var r = (Math.Sqrt(squares / 2) * (1 + 1e-10)) + (DoubleDoubleRoundoff * (m + n) * count * norm);   // ‖H X − X Θ‖₂ ≤ ‖·‖_F, plus roundoff
        var separation = double.PositiveInfinity;
        var smallest = double.PositiveInfinity;
        var nearestPartner = m > n ? 0.0 : s0[n - 1];                                           // −s_i closest to θ: −s_n, or the kernel 0 of H
        foreach (var t in theta)
        {
            var value = t.Hi;
            smallest = Math.Min(smallest, value);
            separation = Math.Min(separation, value + nearestPartner);
            if (first > 0)
            {
                separation = Math.Min(separation, s0[first - 1] - value);
            }

            if (first + count < n)
            {
                separation = Math.Min(separation, value - s0[first + count]);
            }
        }

        var bound = QuadraticResidualBound.Of(r, separation - uncertainty - r);
        if (!(bound <= RelativeAccuracy * smallest))
        {
            return null;
        }

        return theta.Select(t => t.ToDouble()).OrderDescending().ToArray();
    }
}
