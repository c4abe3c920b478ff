using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The largest singular triplets of an operator by Golub–Kahan–Lanczos bidiagonalisation with thick restart and full reorthogonalisation.</summary>
/// <remarks>
/// <para>Builds orthonormal <c>V_p</c> (n × p), <c>U_p</c> (m × p) with <c>A V_p = U_p B_p</c> and
/// <c>Aᵀ U_p = V_p B_pᵀ + r e_pᵀ</c>, <c>B_p = U_pᵀ A V_p</c> upper triangular (bidiagonal in exact arithmetic before the
/// first restart); every new vector is orthogonalised twice against the whole basis, and the Gram–Schmidt
/// coefficients are kept in <c>B_p</c>. With <c>B_p = X Σ Yᵀ</c>, the Ritz triplets <c>(σ_i, U_p x_i, V_p y_i)</c>
/// satisfy <c>A ṽ_i = σ_i ũ_i</c> and <c>Aᵀ ũ_i − σ_i ṽ_i = r X[p, i]</c>, so <c>‖r‖ |X[p, i]|</c> is the residual.
/// A restart keeps the <c>l</c> largest Ritz triplets, <c>V_l = V_p Y_l</c>, <c>U_l = U_p X_l</c>, <c>B_l = Σ_l</c>,
/// and continues from <c>v_{l+1} = r / ‖r‖</c>: the Ritz augmentation of Baglama and Reichel ("Augmented implicitly
/// restarted Lanczos bidiagonalization methods", SIAM J. Sci. Comput. 27 (2005) 19–42), the bidiagonal analogue of
/// the thick restart of Wu and Simon (SIAM J. Matrix Anal. Appl. 22 (2000) 602–616).</para>
/// <para>Cost per cycle: <c>p − l</c> products with A and with Aᵀ, O((m + n) p²) for the reorthogonalisation,
/// O(p³) for the small SVD. Memory: <c>8 (m + n) p</c> bytes plus the operator.</para>
/// </remarks>
internal static class GolubKahanLanczos
{
    /// <summary>The result in the (scaled) coordinates the iteration ran in.</summary>
    /// <param name="Values">The wanted Ritz values θ_i, descending.</param>
    /// <param name="Left">ũ_i.</param>
    /// <param name="Right">ṽ_i.</param>
    /// <param name="LeftResiduals"><c>‖A ṽ_i − θ_i ũ_i‖</c>, measured.</param>
    /// <param name="RightResiduals"><c>‖Aᵀ ũ_i − θ_i ṽ_i‖</c>, measured.</param>
    /// <param name="Restarts">Restart cycles used.</param>
    /// <param name="Products">Products with A or Aᵀ used.</param>
    /// <param name="Spare">Ritz vectors of the final basis beyond the wanted ones, on the side the folded solves run on (<c>ṽ_i = V_p y_i</c> when
    /// n &lt; m, else <c>ũ_i = U_p x_i</c>: <see cref="FoldedEmbeddingSolver.FoldsOnRight"/>), in descending order of their Ritz values, at most <see cref="KrylovOptions.RecycledVectors"/> of them: approximate
    /// singular vectors next to the wanted ones, which the shifted solves recycle (<see cref="RecycledSubspace"/>).</param>
    internal sealed record Triplets(double[] Values, double[][] Left, double[][] Right, double[] LeftResiduals, double[] RightResiduals, int Restarts, int Products,
        double[][] Spare);

    /// <summary>A triplet wanted only for the gap counts as converged when its residual is at most this fraction of its distance below the last triplet converged to the tolerance.</summary>
    /// <remarks>Then the gap bound <c>θ_K − (θ_{K+1} + ρ_{K+1})</c> is at least <c>1 − 1/8</c> of the Ritz gap <c>θ_K − θ_{K+1}</c>, itself an upper bound of
    /// the true gap up to <c>ρ_K</c> (<see cref="PartialSingularValueDecomposition.GapBound"/>).</remarks>
    public const double GapResidualFraction = 0.125;

    /// <summary>The <paramref name="wanted"/> largest triplets, the first <paramref name="converged"/> to <see cref="KrylovOptions.Tolerance"/>, the others until their residual is at most
    /// <see cref="GapResidualFraction"/> of their distance below triplet <paramref name="converged"/> (or the tolerance, whichever is larger).</summary>
    /// <param name="a">A (normalised).</param>
    /// <param name="wanted">The number of triplets.</param>
    /// <param name="converged">How many of them converge to the tolerance.</param>
    /// <param name="options">Tolerance, basis size and restart budget.</param>
    /// <param name="earlyStopMargin">Within a cycle, stop when the residuals are below this fraction of the tolerance (see <see cref="EarlyStopMargin"/>).</param>
    public static Triplets Run(ILinearOperator a, int wanted, int converged, KrylovOptions options, double earlyStopMargin = EarlyStopMargin)
    {
        int m = a.RowCount, n = a.ColumnCount;
        var p = options.BasisSizeFor(wanted, Math.Min(m, n));
        var u = new OrthonormalBasis(m, p);
        var v = new OrthonormalBasis(n, p);
        var b = Matrix<double>.Build.Dense(p, p);
        var left = new double[m];
        var right = new double[n];
        var coefficients = new double[p];
        StartVector.Fill(right, 0);
        v.Append(right, VectorMath.Norm(right));
        var (kept, products, stream, normEstimate) = (0, 0, 1, 0.0);
        var (sigma, x, y) = (Array.Empty<double>(), b, b);
        for (var restart = 0; restart <= options.MaxRestarts; restart++)
        {
            var beta = 0.0;
            for (var c = kept; c < p; c++)
            {
                a.Multiply(v.Column(c), left);                                     // A v_c
                products++;
                normEstimate = Math.Max(normEstimate, VectorMath.Norm(left));
                u.Orthogonalize(left, c, coefficients);                             // A v_c = U_c h + α u_c
                var alpha = NextColumn(u, left, normEstimate, ref stream);
                for (var i = 0; i < c; i++)
                {
                    b[i, c] = coefficients[i];
                }

                b[c, c] = alpha;
                a.TransposeMultiply(u.Column(c), right);                           // Aᵀ u_c
                products++;
                normEstimate = Math.Max(normEstimate, VectorMath.Norm(right));
                v.Orthogonalize(right, c + 1, coefficients);                        // r = (I − V Vᵀ) Aᵀ u_c
                beta = VectorMath.Norm(right);
                if (c + 1 >= wanted)
                {
                    var size = c + 1;                                                   // A V_c = U_c B_c, Aᵀ U_c = V_c B_cᵀ + r e_cᵀ hold at every step
                    (sigma, x, y) = SmallMatrix.Svd(size == p ? b : b.SubMatrix(0, size, 0, size));
                    var margin = size == p ? 1.0 : earlyStopMargin;                   // within a cycle, stop only well inside the tolerance
                    if (Converged(sigma, x, beta, wanted, converged, margin * options.Tolerance) || size == Math.Min(m, n))
                    {
                        return Finish(a, u, v, x, y, sigma, wanted, restart, products, options);
                    }
                }

                if (c + 1 < p)
                {
                    NextColumn(v, right, normEstimate, ref stream);
                }
            }

            kept = Math.Min(p - 1, wanted + ((p - wanted) / 2));
            u.Rotate(x, kept);                                                      // U_l = U_p X_l
            v.Rotate(y, kept);                                                      // V_l = V_p Y_l
            b.Clear();
            for (var i = 0; i < kept; i++)
            {
                b[i, i] = sigma[i];
            }

            if (beta > 0)
            {
                v.Append(right, beta);                                              // v_{l+1} = r / ‖r‖
            }
            else
            {
                NextColumn(v, right, normEstimate, ref stream);
            }
        }

        throw new KrylovConvergenceException(
            $"Lanczos bidiagonalisation did not converge to tolerance {options.Tolerance:G3} for the {wanted} largest singular triplets in {options.MaxRestarts} restarts (basis size {p}); raise the basis size or the restart budget, or use the dense decomposition");
    }

    /// <summary>Within a restart cycle the iteration stops as soon as the converged triplets' residuals are below this fraction of the tolerance (checked
    /// at every step: the Lanczos relations hold for the leading block at every step); at the end of a cycle the tolerance itself decides. An
    /// isolated value then costs a few steps rather than a whole cycle, and lands well inside the tolerance, as at the end of a cycle.</summary>
    public const double EarlyStopMargin = 1.0 / 64;

    /// <summary>Whether every wanted Ritz triplet has converged: the first <paramref name="converged"/> to <paramref name="relativeTolerance"/> times σ₁, the others to
    /// <see cref="GapResidualFraction"/> of their distance below the last of those.</summary>
    private static bool Converged(double[] sigma, Matrix<double> x, double beta, int wanted, int converged, double relativeTolerance) =>
        RitzBounds.Converged(i => sigma[i], i => beta * Math.Abs(x[x.RowCount - 1, i]), wanted, converged, relativeTolerance * sigma[0]);   // ‖Aᵀ ũ_i − σ_i ṽ_i‖ = ‖r‖ |X[c, i]|

    /// <summary>Normalises the orthogonalised <paramref name="w"/> into the next basis column; on breakdown (an invariant subspace) a fresh deterministic vector orthogonal to the basis takes its place.</summary>
    /// <returns>The norm of <paramref name="w"/> (0 on breakdown).</returns>
    internal static double NextColumn(OrthonormalBasis basis, double[] w, double normEstimate, ref int stream)
    {
        var norm = VectorMath.Norm(w);
        var breakdown = norm <= 8 * SpectralTolerancesEpsilon * normEstimate;
        if (!breakdown)
        {
            basis.Append(w, norm);
            return norm;
        }

        var fresh = new double[w.Length];
        var scratch = new double[basis.Count];
        for (var attempt = 0; attempt < 8; attempt++)
        {
            StartVector.Fill(fresh, stream++);
            basis.Orthogonalize(fresh, basis.Count, scratch);
            var freshNorm = VectorMath.Norm(fresh);
            if (freshNorm > 0.5)
            {
                basis.Append(fresh, freshNorm);
                return 0;
            }
        }

        throw new KrylovConvergenceException($"could not extend a Krylov basis of {basis.Count} vectors in dimension {basis.Dimension}");
    }

    private const double SpectralTolerancesEpsilon = 2.220446049250313e-16;

    private static Triplets Finish(ILinearOperator a, OrthonormalBasis u, OrthonormalBasis v, Matrix<double> x, Matrix<double> y, double[] sigma, int wanted, int restarts, int products,
        KrylovOptions options)
    {
        int m = a.RowCount, n = a.ColumnCount;
        var values = new double[wanted];
        var left = new double[wanted][];
        var right = new double[wanted][];
        var leftResiduals = new double[wanted];
        var rightResiduals = new double[wanted];
        var au = new double[m];
        var atv = new double[n];
        for (var i = 0; i < wanted; i++)
        {
            left[i] = new double[m];
            right[i] = new double[n];
            u.Combine(x.Column(i).ToArray(), left[i]);                              // ũ_i = U_p x_i
            v.Combine(y.Column(i).ToArray(), right[i]);                             // ṽ_i = V_p y_i
            NormalizeSign(left[i], right[i]);
            values[i] = sigma[i];
            a.Multiply(right[i], au);
            a.TransposeMultiply(left[i], atv);
            products += 2;
            VectorMath.Axpy(-values[i], left[i], au);
            VectorMath.Axpy(-values[i], right[i], atv);
            leftResiduals[i] = VectorMath.Norm(au);                                 // ‖A v − s u‖
            rightResiduals[i] = VectorMath.Norm(atv);                               // ‖Aᵀ u − s v‖
        }

        var (basis, coordinates) = FoldedEmbeddingSolver.FoldsOnRight(a) ? (v, y) : (u, x);              // the side the folded solves run on
        var spare = new double[options.RecycledVectorsFor(sigma.Length - wanted, a)][];
        for (var i = 0; i < spare.Length; i++)
        {
            spare[i] = new double[basis.Dimension];
            basis.Combine(coordinates.Column(wanted + i).ToArray(), spare[i]);     // ṽ_i = V_p y_i (or ũ_i = U_p x_i), i beyond the wanted
        }

        return new Triplets(values, left, right, leftResiduals, rightResiduals, restarts, products, spare);
    }

    /// <summary>Fixes the sign of a pair (u, v) so that the largest-magnitude entry of v is positive (first such entry on ties).</summary>
    internal static void NormalizeSign(double[] u, double[] v)
    {
        var (index, largest) = (0, 0.0);
        for (var i = 0; i < v.Length; i++)
        {
            if (Math.Abs(v[i]) > largest)
            {
                (index, largest) = (i, Math.Abs(v[i]));
            }
        }

        if (v[index] < 0)
        {
            VectorMath.Scale(-1.0, u);
            VectorMath.Scale(-1.0, v);
        }
    }
}
