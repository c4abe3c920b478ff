namespace SpectralSensitivity.Studies.Evaluation;

/// <summary>The error measure of the accuracy harness: the difference relative to the larger of the reference and its natural size.</summary>
/// <remarks>
/// <c>err = |x − x_ref| / max(|x_ref|, σ)</c>. For the j-th derivative of <c>s_k</c> along E, σ_j = j! ‖E‖_F^j / g^(j−1), g the
/// gap of <c>s_k</c> in the spectrum of <c>H(A)</c>: the size Kato's bounds give the coefficients, so a derivative that
/// happens to cross zero is measured against the scale of its problem rather than against its own tiny value.
/// </remarks>
internal static class RelativeError
{
    /// <summary><c>|x − reference| / max(|reference|, scale)</c>.</summary>
    public static double Of(double x, double reference, double scale) => Math.Abs(x - reference) / Math.Max(Math.Abs(reference), scale);

    /// <summary>σ_j = j! ‖E‖^j / g^(j−1), evaluated as a running product (no overflow for moderate j).</summary>
    /// <param name="order">j ≥ 1.</param>
    /// <param name="directionNorm">‖E‖_F.</param>
    /// <param name="gap">g &gt; 0.</param>
    public static double NaturalScale(int order, double directionNorm, double gap)
    {
        var scale = directionNorm;
        for (var i = 2; i <= order; i++)
        {
            scale *= i * directionNorm / gap;     // σ_i = σ_{i−1} · i ‖E‖ / g
        }

        return scale;
    }
}
