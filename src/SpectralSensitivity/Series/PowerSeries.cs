using SpectralSensitivity.Operators;
namespace SpectralSensitivity.Series;

/// <summary>Truncated power-series arithmetic on coefficient arrays <c>c₀..c_N</c>.</summary>
internal static class PowerSeries
{
    /// <summary>Horner evaluation of <c>Σ c_j tʲ</c>.</summary>
    public static double Evaluate(ReadOnlySpan<double> coefficients, double t)
    {
        var sum = 0.0;
        for (var j = coefficients.Length - 1; j >= 0; j--)
        {
            sum = sum * t + coefficients[j];
        }

        return sum;
    }

    /// <summary>Coefficients of <c>x(t)/‖x(t)‖</c> for a vector series <c>x(t) = Σ x_j tʲ</c> with <c>x₀ ≠ 0</c>.</summary>
    /// <remarks>
    /// <c>q(t) = ‖x(t)‖² = Σ_j tʲ Σ_i x_iᵀ x_{j−i}</c>; <c>g = q^(−1/2)</c> from <c>g² q = 1</c> term by term:
    /// <c>g₀ = q₀^(−1/2)</c>, <c>g_j = −(Σ_{i=1}^{j} q_i h_{j−i} + q₀ Σ_{i=1}^{j−1} g_i g_{j−i}) / (2 q₀ g₀)</c> with
    /// <c>h = g²</c> truncated; the normalised coefficients are <c>Σ_i g_i x_{j−i}</c>.
    /// </remarks>
    public static double[][] Normalize(IReadOnlyList<double[]> x)
    {
        var order = x.Count - 1;
        var q = new double[order + 1];
        for (var j = 0; j <= order; j++)
        {
            for (var i = 0; i <= j; i++)
            {
                q[j] += ColumnKernels.Dot(x[i], x[j - i]);
            }
        }

        var g = InverseSquareRoot(q);
        var result = new double[order + 1][];
        for (var j = 0; j <= order; j++)
        {
            var coefficient = new double[x[0].Length];
            for (var i = 0; i <= j; i++)
            {
                var gi = g[i];
                var xj = x[j - i];
                for (var p = 0; p < coefficient.Length; p++)
                {
                    coefficient[p] += gi * xj[p];
                }
            }

            result[j] = coefficient;
        }

        return result;
    }

    /// <summary>Coefficients of <c>q(t)^(−1/2)</c> for <c>q₀ &gt; 0</c>.</summary>
    internal static double[] InverseSquareRoot(double[] q)
    {
        // s = q^(1/2): s₀ = √q₀, s_j = (q_j − Σ_{i=1}^{j−1} s_i s_{j−i}) / (2 s₀); then g = 1/s: g₀ = 1/s₀, g_j = −(Σ_{i=1}^{j} s_i g_{j−i}) / s₀.
        var n = q.Length;
        var s = new double[n];
        s[0] = Math.Sqrt(q[0]);
        for (var j = 1; j < n; j++)
        {
            var sum = q[j];
            for (var i = 1; i < j; i++)
            {
                sum -= s[i] * s[j - i];
            }

            s[j] = sum / (2 * s[0]);
        }

        var g = new double[n];
        g[0] = 1.0 / s[0];
        for (var j = 1; j < n; j++)
        {
            var sum = 0.0;
            for (var i = 1; i <= j; i++)
            {
                sum += s[i] * g[j - i];
            }

            g[j] = -sum / s[0];
        }

        return g;
    }
}
