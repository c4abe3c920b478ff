namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Rigorous bounds on the gaps between the extreme values of a symmetric problem from its Ritz values and residuals, and the
/// convergence rule that keeps those bounds useful; shared by the singular (<see cref="PartialSingularValueDecomposition"/>) and the
/// symmetric (<see cref="PartialSymmetricEigendecomposition"/>) matrix-free paths.</summary>
/// <remarks>
/// <para>Values are in end coordinates, most extreme first: <c>x₁ ≥ x₂ ≥ …</c> with <c>x = θ</c> for singular values and the largest
/// eigenvalues and <c>x = −θ</c> for the smallest. Cauchy interlacing (the θ are the eigenvalues of a compression <c>Qᵀ T Q</c> with Q
/// orthonormal, or the singular values of <c>Uᵀ A V</c>) gives <c>x_i ≤ ξ_i</c>, ξ_i the i-th true value from the end, and the residual
/// <c>ρ_i</c> of the Ritz pair puts a true value within <c>ρ_i</c> of <c>x_i</c> (Parlett, The Symmetric Eigenvalue Problem, Thm. 4.5.1),
/// which is <c>ξ_i</c> when the iteration has missed no value beyond it (the assumption of every Krylov eigensolver). Hence
/// <c>x_i ≤ ξ_i ≤ x_i + ρ_i</c>, and every gap below is a lower bound on the true one. Cost O(1) each.</para>
/// </remarks>
internal static class RitzBounds
{
    /// <summary><c>ξ_{k−1} − ξ_k ≥ x_{k−1} − (x_k + ρ_k)</c> (0-based k); +∞ for k = 0.</summary>
    public static double Above(IReadOnlyList<double> x, Func<int, double> residual, int k) =>
        k > 0 ? x[k - 1] - (x[k] + residual(k)) : double.PositiveInfinity;

    /// <summary><c>ξ_k − ξ_{k+1} ≥ x_k − (x_{k+1} + ρ_{k+1})</c> (0-based k, not the last computed).</summary>
    public static double Below(IReadOnlyList<double> x, Func<int, double> residual, int k) => x[k] - (x[k + 1] + residual(k + 1));

    /// <summary>An upper bound on every true value beyond the first <paramref name="converged"/>: <c>ξ_{K+1} ≤ x_{K+1} + ρ_{K+1}</c> when that
    /// value was computed, <c>ξ_{K+1} ≤ ξ_K ≤ x_K + ρ_K</c> otherwise.</summary>
    public static double Beyond(IReadOnlyList<double> x, Func<int, double> residual, int converged) =>
        converged < x.Count ? x[converged] + residual(converged) : x[^1] + residual(x.Count - 1);

    /// <summary>How many leading values the shifted solves deflate: the <paramref name="converged"/> ones, plus the next computed one when its
    /// measured residual reached the <paramref name="tolerance"/> as well (it was computed only for the gap, but is then as good as the others).</summary>
    public static int DeflatedCount(int converged, int computed, Func<int, double> residual, double tolerance) =>
        converged < computed && residual(converged) <= tolerance ? converged + 1 : converged;

    /// <summary>Extends the chain (0-based first, count) of values within <paramref name="tolerance"/> over every computed neighbour whose
    /// residual-corrected distance (<see cref="Above"/>, <see cref="Below"/>) is not above the tolerance, so the chain's gap bound is positive.</summary>
    public static (int First, int Count) Extend(IReadOnlyList<double> x, Func<int, double> residual, int first, int count, double tolerance)
    {
        while (first > 0 && Above(x, residual, first) <= tolerance)
        {
            (first, count) = (first - 1, count + 1);
        }

        while (first + count < x.Count && Below(x, residual, first + count - 1) <= tolerance)
        {
            count++;
        }

        return (first, count);
    }

    /// <summary>Whether the <paramref name="wanted"/> Ritz values (end coordinates <paramref name="x"/>, residual estimates
    /// <paramref name="residual"/>) have converged: the first <paramref name="converged"/> to the absolute <paramref name="tolerance"/>,
    /// the others until their residual is at most <see cref="GolubKahanLanczos.GapResidualFraction"/> of their distance beyond the last of
    /// those (or the tolerance, whichever is larger).</summary>
    /// <remarks>The looser rule is all the derivatives need of a value computed only for the gap: with <c>ρ_i ≤ (x_K − x_i)/8</c> the bound
    /// <see cref="Below"/> is at least 7/8 of the Ritz gap <c>x_K − x_{K+1}</c>.</remarks>
    public static bool Converged(Func<int, double> x, Func<int, double> residual, int wanted, int converged, double tolerance)
    {
        for (var i = 0; i < wanted; i++)
        {
            var allowed = i < converged ? tolerance : Math.Max(tolerance, GolubKahanLanczos.GapResidualFraction * (x(converged - 1) - x(i)));   // ρ_i ≤ (x_K − x_i) / 8
            if (!(residual(i) <= allowed))
            {
                return false;
            }
        }

        return true;
    }
}
