using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Series;

/// <summary>
/// The fast recursion for the Taylor coefficients <c>λ_j</c> and <c>w_j</c> of an isolated eigenvalue and its
/// eigenvector along <c>T(t) = T + Σ_ν t^ν T^(ν)</c>: all orders 1..N in O(N²) vector operations.
/// </summary>
/// <remarks>
/// <para>Insert <c>λ(t) = Σ λ_j t^j</c>, <c>w(t) = Σ w_j t^j</c> into <c>T(t) w(t) = λ(t) w(t)</c> and collect <c>t^j</c>;
/// with the intermediate normalisation <c>w₀ᵀ w_j = 0</c> (j ≥ 1), projecting on <c>w₀</c> and applying the reduced
/// resolvent S gives</para>
/// <para><c>λ_j = Σ_{ν=1}^{min(j,L)} w₀ᵀ T^(ν) w_{j−ν}</c>,</para>
/// <para><c>w_j = S ( −Σ_{ν=1}^{min(j,L)} T^(ν) w_{j−ν} + Σ_{i=1}^{j−1} λ_i w_{j−i} )</c>.</para>
/// <para>For a straight line (L = 1) this is <c>λ_j = w₀ᵀ T₁ w_{j−1}</c>,
/// <c>w_j = S(−T₁ w_{j−1} + Σ_{i=1}^{j−1} λ_i w_{j−i})</c>: Rayleigh–Schrödinger perturbation theory in Kato's
/// reduced-resolvent form (Kato, Ch. II §2.2; docs/theory.md §4). Cost per order: L path-term applications,
/// one resolvent application and O(j) axpys of length <see cref="IIsolatedEigenproblem.Dimension"/>.</para>
/// </remarks>
internal static class PerturbationRecursion
{
    /// <summary>Runs the recursion to order <paramref name="order"/>.</summary>
    /// <returns><c>λ_0..λ_N</c> and <c>w_0..w_N</c> (Taylor coefficients, not derivatives).</returns>
    /// <exception cref="SeriesOverflowException">A coefficient is not finite.</exception>
    public static (double[] Values, double[][] Vectors) Run(IIsolatedEigenproblem problem, int order)
    {
        var dimension = problem.Dimension;
        var w0 = problem.Eigenvector;
        var lambda = new double[order + 1];
        var w = new double[order + 1][];
        lambda[0] = problem.Eigenvalue;
        w[0] = (double[])w0.Clone();
        var product = new double[dimension];
        var rightSide = new double[dimension];
        for (var j = 1; j <= order; j++)
        {
            Array.Clear(rightSide);
            var lambdaJ = 0.0;
            for (var nu = 1; nu <= Math.Min(j, problem.PathDegree); nu++)
            {
                problem.ApplyPathTerm(nu, w[j - nu], product);  // T^(ν) w_{j−ν}
                lambdaJ += Dot(w0, product);                     // λ_j += w₀ᵀ T^(ν) w_{j−ν}
                Axpy(-1.0, product, rightSide);                  // rhs −= T^(ν) w_{j−ν}
            }

            for (var i = 1; i < j; i++)
            {
                Axpy(lambda[i], w[j - i], rightSide);            // rhs += λ_i w_{j−i}
            }

            lambda[j] = lambdaJ;
            w[j] = new double[dimension];
            problem.ApplyResolvent(rightSide, w[j]);             // w_j = S rhs
            if (!double.IsFinite(lambdaJ) || !AllFinite(w[j]))
            {
                throw new SeriesOverflowException(j);
            }
        }

        return (lambda, w);
    }

    internal static double Dot(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    private static void Axpy(double alpha, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    private static bool AllFinite(double[] x)
    {
        foreach (var value in x)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}
