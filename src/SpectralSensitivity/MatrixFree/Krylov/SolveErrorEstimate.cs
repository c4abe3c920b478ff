namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>First-order propagation of the errors of the matrix-free recursion into each Taylor coefficient.</summary>
/// <remarks>
/// <para>Sources: the target eigenvector's error <c>ε_w₀ = τ / d</c> (τ its residual, d the gap), each solve's
/// residual <c>‖r_j‖</c> (error <c>‖r_j‖ / d_c</c> in <c>w_j</c>), and the deflation by approximate vectors, which
/// perturbs S by about <c>τ_K / d²</c> (τ_K the largest triplet residual) times the right-hand side.</para>
/// <para>Propagated through <c>λ_j = w₀ᵀ T₁ w_{j−1}</c> and <c>w_j = S(−T₁ w_{j−1} + Σ λ_i w_{j−i})</c> with
/// <c>‖S‖ = 1/d</c>, <c>‖T₁‖ ≤ ‖E‖₂</c>:</para>
/// <para><c>ε_λj = ‖E‖ (ε_w(j−1) + ε_w0 ‖w_{j−1}‖)</c>,</para>
/// <para><c>ε_wj = (‖E‖ ε_w(j−1) + Σ_i |λ_i| ε_w(j−i) + ε_λi ‖w_{j−i}‖) / d + ‖r_j‖ / d_c + τ_K ‖b_j‖ / d²</c>.</para>
/// <para>An estimate to first order in the errors, not a rigorous bound; cost O(N²).</para>
/// </remarks>
internal static class SolveErrorEstimate
{
    /// <returns>The error estimates of each Taylor coefficient λ_j (index j − 1, j = 1..N) and of each w_j (index j, j = 0..N).</returns>
    public static (double[] Values, double[] Vectors) Coefficients(double[] lambda, double[][] w, double gap, double complementGap, double directionNorm, double tripletResidual,
        double largestTripletResidual, IReadOnlyList<double> solveResiduals, IReadOnlyList<double> rightSideNorms)
    {
        var order = lambda.Length - 1;
        var errorW = new double[order + 1];
        var errorLambda = new double[order + 1];
        var normW = w.Select(v => VectorMath.Norm(v)).ToArray();
        errorW[0] = tripletResidual / gap;
        for (var j = 1; j <= order; j++)
        {
            errorLambda[j] = directionNorm * (errorW[j - 1] + (errorW[0] * normW[j - 1]));
            var rightSide = directionNorm * errorW[j - 1];
            for (var i = 1; i < j; i++)
            {
                rightSide += (Math.Abs(lambda[i]) * errorW[j - i]) + (errorLambda[i] * normW[j - i]);
            }

            errorW[j] = (rightSide / gap) + (solveResiduals[j - 1] / complementGap) + (largestTripletResidual * rightSideNorms[j - 1] / (gap * gap));
        }

        return (errorLambda[1..], errorW);
    }

    /// <summary>Extends the estimates of <see cref="Coefficients"/> (orders 1..n, vectors 0..n) to the orders n + 1..N of <see cref="Series.WignerRule"/>.</summary>
    /// <remarks>Propagated through <c>λ_J = w_aᵀ T₁ w_b − Σ_k Σ_l λ_{J−k−l} w_kᵀ w_l</c> to first order:
    /// <c>ε_λJ = ‖E‖ (ε_wa ‖w_b‖ + ‖w_a‖ ε_wb) + Σ_k Σ_l (ε_λ(J−k−l) ‖w_k‖ ‖w_l‖ + |λ_{J−k−l}| (ε_wk ‖w_l‖ + ‖w_k‖ ε_wl))</c>.</remarks>
    /// <param name="lambda">λ₀ … λ_N.</param>
    /// <param name="w">w₀ … w_n.</param>
    /// <param name="valueErrors">The estimates of λ₁ … λ_n (index j − 1).</param>
    /// <param name="vectorErrors">The estimates of w₀ … w_n.</param>
    /// <param name="directionNorm">‖T₁‖₂ (bound).</param>
    /// <returns>The estimates of λ₁ … λ_N (index j − 1).</returns>
    public static double[] WignerValues(double[] lambda, double[][] w, double[] valueErrors, double[] vectorErrors, double directionNorm)
    {
        var order = lambda.Length - 1;
        var errors = new double[order + 1];
        valueErrors.CopyTo(errors, 1);
        var normW = w.Select(v => VectorMath.Norm(v)).ToArray();
        for (var j = valueErrors.Length + 1; j <= order; j++)
        {
            var (a, half, last) = Series.WignerRule.Terms(j);
            var error = directionNorm * ((vectorErrors[a] * normW[half]) + (normW[a] * vectorErrors[half]));
            for (var k = 1; k <= half; k++)
            {
                for (var l = 1; l <= last; l++)
                {
                    error += (errors[j - k - l] * normW[k] * normW[l]) + (Math.Abs(lambda[j - k - l]) * ((vectorErrors[k] * normW[l]) + (normW[k] * vectorErrors[l])));
                }
            }

            errors[j] = error;
        }

        return errors[1..];
    }
}
