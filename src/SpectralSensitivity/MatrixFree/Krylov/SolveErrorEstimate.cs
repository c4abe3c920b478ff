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
}
