namespace SpectralSensitivity.Decomposition.Refinement;

/// <summary>The cosine and sine of the Jacobi rotation that annihilates an off-diagonal entry, in double-double.</summary>
/// <remarks>
/// <para>With <c>ζ = (β − α)/(2γ)</c> (γ the entry to annihilate, α and β the diagonal pair) the tangent is the smaller root of <c>t² + 2ζt − 1 = 0</c>,
/// <c>t = sign(ζ)/(|ζ| + √(1 + ζ²))</c>, and <c>c = 1/√(1 + t²)</c>, <c>s = c t</c> (Golub, Van Loan, Matrix Computations,
/// 4th ed., §8.5.2). For <c>|ζ| ≥ 2^60</c> the root is <c>1/(2ζ)</c> to a relative <c>1/(4ζ²) ≤ 2^−122</c>, below the
/// double-double roundoff, and it is computed as <c>t = γ/(β − α)</c> without forming ζ: for a column that is numerically
/// zero against a large one, γ can be tiny enough that ζ or <c>ζ²</c> overflows, and double-double arithmetic on an infinite
/// value turns into NaN.</para>
/// <para>Cost: O(1).</para>
/// </remarks>
internal static class JacobiRotation
{
    /// <summary>Beyond this <c>|ζ|</c> the tangent is <c>1/(2ζ)</c>.</summary>
    private const double LargeZeta = 1152921504606846976.0;                 // 2^60

    /// <summary>(c, s) for the rotation with <c>ζ = (β − α)/(2γ)</c>.</summary>
    /// <param name="difference"><c>β − α</c>.</param>
    /// <param name="offDiagonal">γ, non-zero.</param>
    public static (DoubleDouble C, DoubleDouble S) For(DoubleDouble difference, DoubleDouble offDiagonal)
    {
        DoubleDouble t;
        if (Math.Abs(difference.Hi) >= 2 * LargeZeta * Math.Abs(offDiagonal.Hi))
        {
            t = offDiagonal / difference;                                     // t = 1/(2ζ) = γ/(β − α), to 2^−122
        }
        else
        {
            var zeta = difference / (offDiagonal * 2.0);                      // ζ = (β − α)/(2γ), |ζ| < 2^60
            var root = DoubleDouble.Sqrt((zeta * zeta) + 1.0);                // √(1 + ζ²)
            t = zeta.Hi >= 0.0 ? 1.0 / (zeta + root) : -1.0 / (root - zeta); // smaller root of t² + 2ζt − 1 = 0
        }

        var c = 1.0 / DoubleDouble.Sqrt((t * t) + 1.0);                      // c = 1/√(1 + t²)
        return (c, c * t);                                                    // s = c t
    }
}
