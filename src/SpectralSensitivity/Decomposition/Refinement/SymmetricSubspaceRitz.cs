namespace SpectralSensitivity.Decomposition.Refinement;

/// <summary>
/// Extended-precision values of a few consecutive eigenvalues of a symmetric matrix, from their double-precision eigenvectors alone
/// (Rayleigh–Ritz in double-double on that subspace), with a rigorous bound, instead of refining the whole eigendecomposition.
/// </summary>
/// <remarks>
/// <para>The symmetric counterpart of <see cref="SingularSubspaceRitz"/>: for the window <c>W = {f, …, f + g − 1}</c> of a double
/// eigendecomposition <c>(μ₀, Q₀)</c> of T: 1. <c>Q ← Q₀,W (3I − Q₀,Wᵀ Q₀,W)/2</c> (Newton–Schulz), n × g; 2. <c>P = T Q</c> and
/// <c>M = Qᵀ P</c> (symmetrized) in double-double; 3. cyclic Jacobi on M, Q and P rotated alike (<see cref="SymmetricJacobiRefinement"/>);
/// 4. <c>θ_j = m_jj</c>. Bound: <c>r = ‖P − Q Θ‖_F</c> in double-double plus the roundoff bounds <c>‖T Q − Q Θ‖₂</c>; the other eigenvalues
/// of T lie within β of the double values outside the window, so η = distance from the θ to those minus β minus r, and every
/// <c>θ_j</c> lies within <c>2 r² / (η + √(η² + 4 r²))</c> of <c>μ_{f+j}</c> (<see cref="QuadraticResidualBound"/>). Returned only when the
/// bound is below an eighth of an ulp of the window's smallest magnitude; otherwise null.</para>
/// <para>Cost: O(n² g) double-double operations instead of O(n³) per sweep. References as for <see cref="SingularSubspaceRitz"/>.</para>
/// </remarks>
internal static class SymmetricSubspaceRitz
{
    /// <summary>The eigenvalues <c>μ_f … μ_{f+g−1}</c> (0-based <paramref name="first"/>, ascending) of the symmetric n × n
    /// <paramref name="t"/> (column-major, largest entry within <c>2^±128</c>), or null when the bound does not certify them.</summary>
    /// <param name="t">T, column-major.</param>
    /// <param name="n">Order.</param>
    /// <param name="q0">The double eigenvectors, n × n column-major.</param>
    /// <param name="mu0">The double eigenvalues, ascending.</param>
    /// <param name="first">f, 0-based.</param>
    /// <param name="count">g.</param>
    /// <param name="uncertainty">β: the double values are within β of the exact ones.</param>
    public static double[]? Values(double[] t, int n, double[] q0, double[] mu0, int first, int count, double uncertainty)
    {
        var q = DoubleDoubleColumns.NewtonSchulzStep(q0.AsSpan(first * n, count * n), n, count);   // Q orthonormal to double-double level
        var p = DoubleDoubleColumns.Multiply(t, n, n, q, count);                                  // P = T Q
        var m = new DoubleDouble[count * count];
        for (var j = 0; j < count; j++)
        {
            for (var i = 0; i <= j; i++)
            {
                var entry = (DoubleDoubleColumns.Dot(q.AsSpan(i * n, n), p.AsSpan(j * n, n)) + DoubleDoubleColumns.Dot(q.AsSpan(j * n, n), p.AsSpan(i * n, n))) * 0.5;
                m[(j * count) + i] = entry;                                                       // Qᵀ T Q, symmetrized
                m[(i * count) + j] = entry;
            }
        }

        var sweeps = 1;
        while (SymmetricJacobiRefinement.Sweep(m, q, count, n, p))
        {
            if (++sweeps > SymmetricJacobiRefinement.MaxSweeps)
            {
                return null;
            }
        }

        var theta = new DoubleDouble[count];
        var squares = 0.0;
        for (var j = 0; j < count; j++)
        {
            theta[j] = m[(j * count) + j];                                                        // θ_j = m_jj
            for (var l = 0; l < n; l++)
            {
                var residual = p[(j * n) + l] - (theta[j] * q[(j * n) + l]);                      // (T q_j − θ_j q_j)_l
                squares += residual.Hi * residual.Hi;
            }
        }

        var norm = Math.Max(Math.Abs(mu0[0]), Math.Abs(mu0[^1])) + uncertainty;                  // ≥ ‖T‖₂
        var r = (Math.Sqrt(squares) * (1 + 1e-10)) + (SingularSubspaceRitz.DoubleDoubleRoundoff * 2 * n * count * norm);
        var separation = double.PositiveInfinity;
        var smallest = double.PositiveInfinity;
        foreach (var value in theta.Select(x => x.Hi))
        {
            smallest = Math.Min(smallest, Math.Abs(value));
            if (first > 0)
            {
                separation = Math.Min(separation, value - mu0[first - 1]);
            }

            if (first + count < n)
            {
                separation = Math.Min(separation, mu0[first + count] - value);
            }
        }

        var bound = QuadraticResidualBound.Of(r, separation - uncertainty - r);
        return bound <= SingularSubspaceRitz.RelativeAccuracy * smallest ? theta.Select(x => x.ToDouble()).Order().ToArray() : null;
    }
}
