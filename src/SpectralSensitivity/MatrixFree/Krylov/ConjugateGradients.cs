namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Conjugate gradients (Hestenes and Stiefel, J. Res. NBS 49 (1952) 409–436) for a symmetric operator that should be positive definite on the vectors it meets,
/// optionally deflated by a subspace W (Saad, Yeung, Erhel and Guyomarc'h, SIAM J. Sci. Comput. 21 (2000) 1909–1926).</summary>
/// <remarks>Cost per iteration: one application of the operator, two dot products and three vector updates of the
/// dimension, plus r dot products and r updates with a deflation of r vectors (<see cref="DeflationSpace"/>); memory three vectors.
/// A non-positive curvature <c>pᵀMp ≤ 0</c> stops the iteration and reports failure, so the caller can switch to a method for
/// indefinite operators. With or without deflation, r is the residual <c>b − M x</c> of the undeflated system, updated recursively.
/// With deflation the residual is also restricted to <c>Wᵀ r = 0</c> at every step (x corrected to match), which exact arithmetic
/// keeps by itself: without it the rounding of the corrections accumulates along W and, for a W far from invariant (random vectors),
/// stalls the residual near <c>10⁻¹²</c> while plain CG goes on converging.</remarks>
internal static class ConjugateGradients
{
    /// <summary>Improves x (from zero) towards <c>M x = b</c> until <c>‖b − M x‖ ≤ stop</c> (the recursively updated residual).</summary>
    /// <param name="apply">y = M x.</param>
    /// <param name="rightSide">b.</param>
    /// <param name="x">Zero on entry; the iterate on exit.</param>
    /// <param name="stop">The residual norm at which to stop.</param>
    /// <param name="maxIterations">The iteration budget.</param>
    /// <param name="deflation">W, M W and <c>Wᵀ M W</c> for deflated CG; null for plain CG.</param>
    /// <returns>The iterations taken and whether the residual reached <paramref name="stop"/> (false on a non-positive curvature or an exhausted budget).</returns>
    public static (int Iterations, bool Converged) Solve(Action<double[], double[]> apply, double[] rightSide, double[] x, double stop, int maxIterations, DeflationSpace? deflation = null)
    {
        var n = rightSide.Length;
        var r = (double[])rightSide.Clone();
        deflation?.Start(rightSide, x, r);                                       // x₀ = W G⁻¹ Wᵀ b, r₀ = b − M x₀
        var p = (double[])r.Clone();
        deflation?.Correct(r, p);                                                // p₀ = r₀ − W G⁻¹ (M W)ᵀ r₀
        var q = new double[n];
        var rr = VectorMath.Dot(r, r);
        var iterations = 0;
        while (Math.Sqrt(rr) > stop)
        {
            if (iterations == maxIterations)
            {
                return (iterations, false);
            }

            apply(p, q);
            var curvature = VectorMath.Dot(p, q);
            if (!(curvature > 0))
            {
                return (iterations, false);
            }

            var alpha = rr / curvature;                                          // α = rᵀr / pᵀMp
            VectorMath.Axpy(alpha, p, x);
            VectorMath.Axpy(-alpha, q, r);
            deflation?.Restrict(x, r);                                           // Wᵀ r = 0 again, x moved to match: the rounding of the corrections no longer stalls r
            var rrNext = VectorMath.Dot(r, r);
            var beta = rrNext / rr;                                              // β = r₊ᵀr₊ / rᵀr
            for (var i = 0; i < n; i++)
            {
                p[i] = r[i] + (beta * p[i]);
            }

            deflation?.Correct(r, p);                                            // p = r₊ + β p − W G⁻¹ (M W)ᵀ r₊

            rr = rrNext;
            iterations++;
        }

        return (iterations, true);
    }
}
