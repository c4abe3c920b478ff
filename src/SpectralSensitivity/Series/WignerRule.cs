using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Series;

/// <summary>
/// Wigner's 2n + 1 rule: the Taylor coefficients of an isolated eigenvalue along a straight line <c>T + t T₁</c> up to
/// order 2n + 1 from its eigenvector coefficients up to order n, so that a value of order N costs ⌊N/2⌋ applications
/// of the reduced resolvent instead of N.
/// </summary>
/// <remarks>
/// <para>With the coefficients of <see cref="PerturbationRecursion"/> (intermediate normalisation <c>w₀ᵀ w_j = 0</c>, j &gt; 0):</para>
/// <para><c>λ_{2n+1} = w_nᵀ T₁ w_n − Σ_{k=1}^{n} Σ_{l=1}^{n} λ_{2n+1−k−l} w_kᵀ w_l</c>,</para>
/// <para><c>λ_{2n} = w_{n−1}ᵀ T₁ w_n − Σ_{k=1}^{n} Σ_{l=1}^{n−1} λ_{2n−k−l} w_kᵀ w_l</c>.</para>
/// <para>They follow from <c>λ_J = w₀ᵀ T₁ w_{J−1}</c> by moving one index at a time with the symmetry
/// <c>w_aᵀ (T − λ₀) w_{b+1} = w_{b+1}ᵀ (T − λ₀) w_a</c> and the recursion <c>(T − λ₀) w_j = −T₁ w_{j−1} + Σ_{i=1}^{j} λ_i w_{j−i}</c>
/// (derivation in the theory notes). E. P. Wigner, Math. Naturwiss. Anz. Ungar. Akad. Wiss. 53 (1935) 477–482;
/// J. O. Hirschfelder, W. Byers Brown, S. T. Epstein, Adv. Quantum Chem. 1 (1964) 255–374, §4.</para>
/// <para>Every λ on the right has order at most J − 2, so the orders follow one another. Cost: one product with T₁ per vector read (at most n + 1), <c>n²</c> dot products, O(N n²) scalars. Runs in the problem's scaled units.</para>
/// </remarks>
internal static class WignerRule
{
    /// <summary>The coefficients <c>λ′₀ … λ′_N</c> from <c>λ′₀ … λ′_n</c> and <c>w′₀ … w′_n</c> (scaled units), N ≤ 2n + 1; the first n + 1 are copied.</summary>
    /// <param name="problem">The eigenproblem the coefficients belong to, a straight line (one path term).</param>
    /// <param name="values">λ′₀ … λ′_n.</param>
    /// <param name="vectors">w′₀ … w′_n.</param>
    /// <param name="order">N.</param>
    /// <exception cref="SeriesOverflowException">A coefficient is not finite: the gap is too small for this order.</exception>
    public static double[] Extend(IsolatedEigenproblem problem, double[] values, double[][] vectors, int order)
    {
        var n = vectors.Length - 1;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, (2 * n) + 1);
        var lambda = new double[order + 1];
        Array.Copy(values, lambda, Math.Min(values.Length, order + 1));
        var gram = new double[n + 1, n + 1];
        for (var k = 1; k <= n; k++)
        {
            for (var l = 1; l <= k; l++)
            {
                gram[k, l] = gram[l, k] = ColumnKernels.Dot(vectors[k], vectors[l]);   // w_kᵀ w_l
            }
        }

        var products = new double[]?[n + 1];
        for (var j = values.Length; j <= order; j++)
        {
            var (a, half, last) = Terms(j);
            var value = ColumnKernels.Dot(vectors[a], Product(problem, vectors, products, half));
            for (var k = 1; k <= half; k++)
            {
                for (var l = 1; l <= last; l++)
                {
                    value -= lambda[j - k - l] * gram[k, l];                          // − λ_{j−k−l} w_kᵀ w_l
                }
            }

            if (!double.IsFinite(value))
            {
                throw new SeriesOverflowException(j);
            }

            lambda[j] = value;
        }

        return lambda;
    }

    /// <summary>The terms of order j: <c>λ_j = w_aᵀ T₁ w_b − Σ_{k=1}^{b} Σ_{l=1}^{last} λ_{j−k−l} w_kᵀ w_l</c>.</summary>
    /// <returns>(a, b, last): (n, n, n) for j = 2n + 1, (n − 1, n, n − 1) for j = 2n.</returns>
    internal static (int A, int B, int Last) Terms(int order)
    {
        var half = order / 2;
        return order % 2 == 1 ? (half, half, half) : (half - 1, half, half - 1);
    }

    /// <summary>T₁ w_b, computed once.</summary>
    private static double[] Product(IsolatedEigenproblem problem, double[][] vectors, double[]?[] products, int b)
    {
        if (products[b] is null)
        {
            products[b] = new double[problem.Dimension];
            problem.ApplyPathTerm(1, vectors[b], products[b]!);
        }

        return products[b]!;
    }
}
