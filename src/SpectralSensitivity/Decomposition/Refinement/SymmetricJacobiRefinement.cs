using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Decomposition.Refinement;

/// <summary>
/// Refines a double-precision eigendecomposition of a real symmetric matrix by cyclic Jacobi sweeps in double-double
/// arithmetic, so that the returned eigenpairs are the exact ones rounded to double up to a few units in the last place.
/// </summary>
/// <remarks>
/// <para>The symmetric counterpart of <see cref="OneSidedJacobiRefinement"/> (Jacobi, 1846; Demmel, Veselić 1992):</para>
/// <para>1. <c>Q ← Q₀ (3I − Q₀ᵀQ₀)/2</c> (one Newton–Schulz step: orthonormal to double-double level);
/// 2. <c>M = Qᵀ ((T + Tᵀ)/2) Q</c> in double-double, diagonal up to about ε‖T‖ (T itself when it is exactly symmetric);
/// 3. cyclic Jacobi: for each pair p &lt; q, <c>M ← JᵀMJ</c>, <c>Q ← QJ</c> with the rotation <c>J</c> of
/// <c>t = sign(θ)/(|θ| + √(1 + θ²))</c>, <c>θ = (m_qq − m_pp)/(2 m_pq)</c>, <c>c = 1/√(1 + t²)</c>, <c>s = c t</c>, which makes
/// <c>m_pq = (c² − s²) m_pq + cs (m_pp − m_qq)</c> zero; quadratic convergence from a nearly diagonal start;
/// 4. <c>μ_i = m_ii</c>, sorted ascending, signs of the vectors matched to the input, rounded to double.</para>
/// <para>Cost: O(n³) double-double operations per sweep. References: Jacobi (1846); Demmel, Veselić, SIAM J. Matrix
/// Anal. Appl. 13 (1992) §3; Golub, Van Loan, Matrix Computations, 4th ed., §8.5.</para>
/// </remarks>
internal static class SymmetricJacobiRefinement
{
    /// <summary>Sweeps allowed before giving up; started from a double eigendecomposition two suffice.</summary>
    internal const int MaxSweeps = 30;

    /// <summary>Off-diagonal size, relative to n times the largest diagonal entry, below which a pair is not rotated.</summary>
    private const double RotationThreshold = 1e-30;

    /// <summary>Refines <c>(μ₀, Q₀)</c> of the symmetric n × n matrix T (column-major, largest entry within <c>2^±128</c>);
    /// returns the eigenvalues ascending, the eigenvectors (column-major) and the number of sweeps run.</summary>
    /// <exception cref="RefinementFailedException">The sweeps did not converge (never seen from a double eigendecomposition).</exception>
    public static (double[] Values, double[] Vectors, int Sweeps) Refine(double[] t, int n, double[] q0)
    {
        var q = DoubleDoubleColumns.NewtonSchulzStep(q0, n, n);          // Q orthonormal to double-double level
        var tq = DoubleDoubleColumns.Multiply(t, n, n, q, n);             // T Q
        var m = new DoubleDouble[n * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                m[(j * n) + i] = DoubleDoubleColumns.Dot(q.AsSpan(i * n, n), tq.AsSpan(j * n, n)); // (Qᵀ T Q)_ij
            }
        }

        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var entry = (m[(j * n) + i] + m[(i * n) + j]) * 0.5;     // Qᵀ ((T + Tᵀ)/2) Q, exactly symmetric
                m[(j * n) + i] = entry;
                m[(i * n) + j] = entry;
            }
        }

        var sweeps = 1;
        while (Sweep(m, q, n, n))
        {
            if (++sweeps > MaxSweeps)
            {
                throw new RefinementFailedException($"the eigendecomposition refinement did not converge in {MaxSweeps} Jacobi sweeps on a {n} x {n} matrix");
            }
        }

        return Extract(m, q, n, q0, sweeps);
    }

    /// <summary>One cyclic sweep over the pairs of the n × n symmetric M; the columns of Q (<paramref name="qRows"/> × n) and of
    /// <paramref name="companion"/> (a product <c>T Q</c> kept current, or null) are rotated alike. Returns whether any pair was rotated.</summary>
    internal static bool Sweep(DoubleDouble[] m, DoubleDouble[] q, int n, int qRows, DoubleDouble[]? companion = null)
    {
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(m[(i * n) + i].Hi));
        }

        var threshold = RotationThreshold * n * scale;
        var rotated = false;
        for (var p = 0; p < n - 1; p++)
        {
            for (var r = p + 1; r < n; r++)
            {
                var mpr = m[(r * n) + p];
                if (!(Math.Abs(mpr.Hi) > threshold))
                {
                    continue;                                                    // already diagonal in this pair
                }

                var (c, s) = JacobiRotation.For(m[(r * n) + r] - m[(p * n) + p], mpr);       // θ = (m_rr − m_pp)/(2 m_pr)
                DoubleDoubleColumns.Rotate(m.AsSpan(p * n, n), m.AsSpan(r * n, n), c, s);   // M J (columns p, r)
                for (var k = 0; k < n; k++)                                                  // Jᵀ (M J) (rows p, r)
                {
                    var upper = m[(k * n) + p];
                    var lower = m[(k * n) + r];
                    m[(k * n) + p] = (c * upper) - (s * lower);
                    m[(k * n) + r] = (s * upper) + (c * lower);
                }

                DoubleDoubleColumns.Rotate(q.AsSpan(p * qRows, qRows), q.AsSpan(r * qRows, qRows), c, s);   // Q J
                if (companion is not null)
                {
                    DoubleDoubleColumns.Rotate(companion.AsSpan(p * qRows, qRows), companion.AsSpan(r * qRows, qRows), c, s);   // (T Q) J
                }

                rotated = true;
            }
        }

        return rotated;
    }

    private static (double[] Values, double[] Vectors, int Sweeps) Extract(DoubleDouble[] m, DoubleDouble[] q, int n, double[] q0, int sweeps)
    {
        var order = Enumerable.Range(0, n).OrderBy(i => m[(i * n) + i]).ToArray();
        var values = new double[n];
        var vectors = new double[n * n];
        for (var position = 0; position < n; position++)
        {
            var j = order[position];
            values[position] = m[(j * n) + j].ToDouble();
            var column = q.AsSpan(j * n, n);
            var alignment = 0.0;
            for (var i = 0; i < n; i++)
            {
                alignment += column[i].Hi * q0[(position * n) + i];
            }

            var sign = alignment < 0 ? -1.0 : 1.0;                              // keep the input's signs
            for (var i = 0; i < n; i++)
            {
                vectors[(position * n) + i] = sign * column[i].ToDouble();
            }
        }

        return (values, vectors, sweeps);
    }
}
