namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The largest singular triplets of an operator that applies <c>G = A Aᵀ</c> in one pass over its entries, by thick-restart Lanczos on G:
/// one pass over A per step instead of the two of the bidiagonalisation (<see cref="GolubKahanLanczos"/>), with a fallback to it where squaring
/// the values costs accuracy.</summary>
/// <remarks>
/// <para><b>The map.</b> G is symmetric positive semidefinite with eigenvalues <c>s_i²</c> and eigenvectors <c>u_i</c>. A Ritz pair (θ, q) of G
/// (<c>‖q‖ = 1</c>, Lanczos residual <c>ρ = ‖(G − θ) q‖ = ‖r‖ |Y[p, i]|</c>, <see cref="ThickRestartLanczos.Iterate"/>) gives the triplet
/// <c>s = √θ</c>, <c>u = q</c>, <c>v = Aᵀu / ‖Aᵀu‖</c>. Since <c>‖Aᵀu‖² = qᵀ G q = θ</c> (the Ritz value is the Rayleigh quotient of its vector),
/// <c>v = Aᵀu / s</c>, so <c>Aᵀu − s v = 0</c> and <c>A v − s u = (A Aᵀ u − s² u) / s = (G − θ) q / s</c>: the triplet's residuals are
/// <c>0</c> and <c>ρ / √θ</c>. The singular-value convergence rule of <see cref="GolubKahanLanczos.Run"/> (<see cref="RitzBounds.Converged"/> with the
/// values, the residuals and <c>Tolerance · s₁</c>, the triplets computed only for the gap included, the early-stop margin within a cycle) is
/// therefore applied to <c>x_i = √θ_i</c> and <c>ρ_i / √θ_i</c> (<see cref="SingularValues"/>), and the iteration stops where the
/// bidiagonalisation would. In exact arithmetic the two are the same Krylov method: the bidiagonalisation started from <c>v₁</c> is Lanczos on
/// <c>AᵀA</c> from <c>v₁</c>, and its left vectors span <c>K(A Aᵀ, A v₁)</c> (Golub and Van Loan, Matrix Computations, 4th ed., §10.4, Lanczos
/// on the normal equations); the thick restart is that of Wu and Simon (SIAM J. Matrix Anal. Appl. 22 (2000) 602–616). The run starts from
/// <c>q₁ ∝ A x₀</c>, <c>x₀</c> the bidiagonalisation's start vector, so its Krylov space <c>K(G, A x₀)</c> is the bidiagonalisation's left one and
/// it needs the same number of steps (one product more; a random <c>q₁</c> took about 10 % more steps on mean-zero dense matrices).</para>
/// <para><b>Accuracy, and the fallback.</b> Rounding in the products with G is about <c>ε ‖A‖² = ε s₁²</c>, so the attainable <c>ρ</c> is about
/// <c>ε s₁²</c> and the attainable <c>‖A v − s u‖</c> about <c>ε s₁² / s_i</c>: as good as the bidiagonalisation's <c>ε s₁</c> for values near
/// <c>s₁</c>, useless for small or zero ones. Asking for <c>ε s₁² / s_i ≤ Tolerance · s₁</c> with a factor 64 of room (rounding grows with the
/// dimension) gives the floor <c>s_i ≥ 64 ε s₁ / Tolerance</c> (<see cref="Floor"/>). A wanted Ritz value below it counts as settled in the
/// iteration, which then stops at once, and the run is rejected. After the iteration the residuals are measured explicitly, with one product
/// with A and one with Aᵀ per triplet, as the bidiagonalisation measures its own; the run is rejected when a wanted θ_i ≤ 0, √θ_i is below the
/// floor, or a measured residual fails the rule (a converged triplet above <c>Tolerance · s₁</c>, a triplet for the gap above its eighth of the
/// gap: <see cref="Accepts"/>). A rejected run returns null and the caller runs <see cref="GolubKahanLanczos.Run"/>, whose results meet the
/// tolerance without this floor.</para>
/// <para><b>Cost.</b> Per step one one-pass product with G (counted as 2 products in <see cref="GolubKahanLanczos.Triplets.Products"/>: one with A
/// and one with Aᵀ, done in one pass; about 1.3–1.45 times faster than two separate passes for a dense A) and O(m p) reorthogonalisation of the
/// m-long basis only (the bidiagonalisation reorthogonalises an m-long and an n-long one); 1 product for the start, and at the end 2 per wanted triplet.
/// Steps: as many as the bidiagonalisation. Memory <c>8 m p</c> bytes plus the operator. Used only when the folded shifted solves run on the
/// u side (m ≤ n, <see cref="FoldedEmbeddingSolver.FoldsOnRight"/> false), so that the spare Ritz vectors (<see cref="GolubKahanLanczos.Triplets.Spare"/>,
/// the next Ritz vectors of G) lie on the side the solves recycle.</para>
/// <para>Exact power-of-two homogeneity: every step runs on the normalised operator, which is the same for A and <c>2^p A</c>; the small
/// eigenproblem is scale-invariant (<see cref="SmallMatrix"/>); the sign is fixed as in the bidiagonalisation (largest |entry| of v positive).</para>
/// </remarks>
internal static class OuterGramLanczos
{
    /// <summary>Room in the floor <c>s_i ≥ FloorFactor · ε · s₁ / Tolerance</c> over the rounding estimate <c>ε s₁² / s_i</c> of the residual.</summary>
    public const double FloorFactor = 64;

    /// <summary>The unit roundoff of double precision, 2^−52.</summary>
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>Whether the Lanczos iteration on <c>A Aᵀ</c> serves <paramref name="a"/>: it applies <c>A Aᵀ</c> in one pass
    /// (<see cref="IOuterGramOperator.OnePassOuterGram"/>) and the folded solves run on the u side (m ≤ n). Cost O(1).</summary>
    /// <param name="a">A (normalised).</param>
    /// <returns>True when <see cref="TryRun"/> may be used.</returns>
    public static bool Applies(ILinearOperator a) => a is IOuterGramOperator { OnePassOuterGram: true } && !FoldedEmbeddingSolver.FoldsOnRight(a);

    /// <summary>The floor fraction <c>FloorFactor · ε / Tolerance</c>: a wanted value below this times <c>s₁</c> cannot be resolved through <c>A Aᵀ</c>.</summary>
    /// <param name="tolerance">The relative residual tolerance.</param>
    /// <returns>The fraction of <c>s₁</c>.</returns>
    public static double Floor(double tolerance) => FloorFactor * Epsilon / tolerance;             // s_i ≥ 64 ε s₁ / tol ⇔ ε s₁² / s_i ≤ tol s₁ / 64

    /// <summary>The <paramref name="wanted"/> largest triplets, as <see cref="GolubKahanLanczos.Run"/> defines them, by Lanczos on <c>A Aᵀ</c>; null
    /// when the run is rejected (see the remarks of <see cref="OuterGramLanczos"/>), and the products it used either way.</summary>
    /// <param name="a">A (normalised), m ≤ n, with a one-pass <c>A Aᵀ</c>.</param>
    /// <param name="wanted">The number of triplets.</param>
    /// <param name="converged">How many of them converge to the tolerance (the rest only for the gap below them).</param>
    /// <param name="options">Tolerance, basis size and restart budget.</param>
    /// <param name="earlyStopMargin">Within a cycle, stop when the residuals are below this fraction of the tolerance.</param>
    /// <returns>The triplets or null, and the products with A or Aᵀ used (a product with G counting 2).</returns>
    /// <exception cref="Errors.KrylovConvergenceException">The restart budget ran out.</exception>
    public static (GolubKahanLanczos.Triplets? Triplets, int Products) TryRun(IOuterGramOperator a, int wanted, int converged, KrylovOptions options,
        double earlyStopMargin = GolubKahanLanczos.EarlyStopMargin)
    {
        var floor = Floor(options.Tolerance);
        var seed = new double[a.ColumnCount];
        var start = new double[a.RowCount];
        StartVector.Fill(seed, 0);
        a.Multiply(seed, start);                                                          // q₁ ∝ A x₀: the Krylov space K(G, A x₀) of the bidiagonalisation's left side
        if (!(VectorMath.Norm(start) > 0))
        {
            StartVector.Fill(start, 0);                                                   // A x₀ = 0: any start
        }

        var basis = ThickRestartLanczos.Iterate(start, a.MultiplyOuterGram, wanted, converged, SpectrumEnd.LargestAlgebraic, SingularValues(floor), options,
            earlyStopMargin, $"the {wanted} largest singular triplets (Lanczos on A Aᵀ)");
        var triplets = Finish(a, basis, wanted, options);
        var accepted = Accepts(triplets.Values, triplets.LeftResiduals, triplets.RightResiduals, converged, options.Tolerance, floor);
        return (accepted ? triplets : null, triplets.Products);
    }

    /// <summary>The convergence rule on the eigenvalues θ of <c>A Aᵀ</c> read as singular values: <c>x_i = √θ_i</c>, residual <c>ρ_i / √θ_i</c>
    /// (<c>= ‖A v − s u‖</c>, the remarks), tolerance times <c>s₁ = √θ₁</c>; a wanted pair with <c>θ_i ≤ 0</c> or <c>√θ_i</c> below
    /// <paramref name="floor"/> times <c>s₁</c> counts as settled, so the iteration stops and the run is rejected.</summary>
    /// <param name="floor">The floor fraction (<see cref="Floor"/>).</param>
    /// <returns>The rule for <see cref="ThickRestartLanczos.Iterate"/>. Cost O(wanted) per call.</returns>
    internal static RitzConvergence SingularValues(double floor) => (theta, order, residual, wanted, converged, relativeTolerance) =>
    {
        var s1 = Root(theta[order[0]]);                                                  // s₁ = √θ₁
        return RitzBounds.Converged(
            i => Root(theta[order[i]]),
            i => Resolved(theta[order[i]], floor * s1) ? residual(i) / Math.Sqrt(theta[order[i]]) : 0,     // ‖A v − s u‖ = ‖(G − θ) q‖ / √θ
            wanted,
            converged,
            relativeTolerance * s1);
    };

    /// <summary>Whether measured triplets are acceptable: every value at least <paramref name="floor"/> times <c>s₁</c> and every residual
    /// <c>max(‖A v − s u‖, ‖Aᵀ u − s v‖)</c> within the rule of <see cref="RitzBounds.Converged"/> (the first <paramref name="converged"/> within
    /// <c>tolerance · s₁</c>, the others within an eighth of their distance below the last of those).</summary>
    /// <param name="values">s_i, descending.</param>
    /// <param name="left"><c>‖A v_i − s_i u_i‖</c>, measured.</param>
    /// <param name="right"><c>‖Aᵀ u_i − s_i v_i‖</c>, measured.</param>
    /// <param name="converged">How many converge to the tolerance.</param>
    /// <param name="tolerance">The relative tolerance.</param>
    /// <param name="floor">The floor fraction (<see cref="Floor"/>).</param>
    /// <returns>True when the triplets meet what <see cref="GolubKahanLanczos.Run"/> promises. Cost O(k).</returns>
    internal static bool Accepts(double[] values, double[] left, double[] right, int converged, double tolerance, double floor)
    {
        var s1 = values[0];
        return values.All(s => s >= floor * s1 && s > 0)
            && RitzBounds.Converged(i => values[i], i => Math.Max(left[i], right[i]), values.Length, converged, tolerance * s1);
    }

    /// <summary>√θ for θ ≥ 0, else 0.</summary>
    private static double Root(double theta) => Math.Sqrt(Math.Max(theta, 0));

    /// <summary>Whether θ &gt; 0 and √θ ≥ <paramref name="floorValue"/>.</summary>
    private static bool Resolved(double theta, double floorValue) => theta > 0 && Math.Sqrt(theta) >= floorValue;

    /// <summary>The triplets <c>(√θ_i, q_i, Aᵀq_i / ‖Aᵀq_i‖)</c> with measured residuals, and the spare Ritz vectors of G.</summary>
    private static GolubKahanLanczos.Triplets Finish(IOuterGramOperator a, ThickRestartLanczos.RitzBasis basis, int wanted, KrylovOptions options)
    {
        int m = a.RowCount, n = a.ColumnCount;
        var products = 1 + (2 * basis.Products);                                         // A x₀, then each product with G: one with Aᵀ and one with A, in one pass
        var values = new double[wanted];
        var left = new double[wanted][];
        var right = new double[wanted][];
        var leftResiduals = new double[wanted];
        var rightResiduals = new double[wanted];
        var av = new double[m];
        for (var i = 0; i < wanted; i++)
        {
            left[i] = basis.RitzVector(i);                                               // u = q̃ = Q y
            right[i] = new double[n];
            a.TransposeMultiply(left[i], right[i]);                                      // w = Aᵀ u
            var norm = VectorMath.Norm(right[i]);
            values[i] = Root(basis.Values[basis.Order[i]]);                              // s = √θ
            var atu = (double[])right[i].Clone();
            if (norm > 0)
            {
                VectorMath.Scale(1.0 / norm, right[i]);                                  // v = w / ‖w‖
            }

            VectorMath.Axpy(-values[i], right[i], atu);
            rightResiduals[i] = VectorMath.Norm(atu);                                    // ‖Aᵀ u − s v‖ = |‖w‖ − s|
            GolubKahanLanczos.NormalizeSign(left[i], right[i]);
            a.Multiply(right[i], av);
            products += 2;
            VectorMath.Axpy(-values[i], left[i], av);
            leftResiduals[i] = VectorMath.Norm(av);                                      // ‖A v − s u‖ = ‖(G − θ) u‖ / s
        }

        var spare = new double[options.RecycledVectorsFor(basis.Order.Length - wanted, a)][];
        for (var i = 0; i < spare.Length; i++)
        {
            spare[i] = basis.RitzVector(wanted + i);                                     // the next Ritz vectors of G: u side
        }

        return new GolubKahanLanczos.Triplets(values, left, right, leftResiduals, rightResiduals, basis.Restarts, products, spare);
    }
}
