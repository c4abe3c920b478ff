namespace SpectralSensitivity.Decomposition.Refinement;

/// <summary>How far the Ritz values of an almost invariant subspace can lie from the eigenvalues they stand for.</summary>
/// <remarks>
/// <para>For a symmetric H and an orthonormal basis X with <c>Xᵀ H X = Θ</c> diagonal, write H in the basis <c>[X, X⊥]</c> as
/// <c>[[Θ, Fᵀ], [F, W]]</c>, <c>F = X⊥ᵀ H X</c>, so <c>‖F‖₂ ≤ ‖H X − X Θ‖₂ = r</c>. If every Ritz value θ lies at least η &gt; 0 from
/// every eigenvalue of W, the eigenvalues of H and of <c>diag(Θ, W)</c>, both sorted, differ by at most
/// <c>2 r² / (η + √(η² + 4 r²)) ≤ r² / η</c> (Li, Li, Linear Algebra Appl. 395 (2005), Thm. 2; Mathias, SIAM J. Matrix Anal. Appl. 19
/// (1998)): quadratic in the residual, so a subspace accurate to double precision gives values accurate to about twice as many digits.</para>
/// <para>Cost: O(1).</para>
/// </remarks>
internal static class QuadraticResidualBound
{
    /// <summary>The bound <c>2 r² / (η + √(η² + 4 r²))</c>; +∞ unless <paramref name="separation"/> η is positive.</summary>
    /// <remarks>Evaluated on <c>2^−k r</c>, <c>2^−k η</c> with <c>2^k</c> the binade of <c>max(r, η)</c> and scaled back, so the squares neither
    /// overflow nor underflow and the result scales exactly with r and η by any power of two while it is representable.</remarks>
    /// <param name="residual">r, an upper bound on <c>‖H X − X Θ‖₂</c>.</param>
    /// <param name="separation">η, a lower bound on the distance from the Ritz values to the spectrum of W.</param>
    public static double Of(double residual, double separation)
    {
        if (!(separation > 0 && double.IsFinite(residual)))
        {
            return double.PositiveInfinity;
        }

        if (double.IsPositiveInfinity(separation))
        {
            return 0;                                                                            // nothing else in the spectrum: the limit η → ∞
        }

        var k = Math.ILogB(Math.Max(Math.Abs(residual), separation));
        double r = Math.ScaleB(residual, -k), eta = Math.ScaleB(separation, -k);                 // max(|r|, η) in [1, 2)
        return Math.ScaleB(2 * r * r / (eta + Math.Sqrt((eta * eta) + (4 * r * r))), k);         // 2r²/(η + √(η² + 4r²))
    }
}
