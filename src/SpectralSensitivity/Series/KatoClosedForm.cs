using System.Text;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Series;

/// <summary>
/// Kato's closed form for the Taylor coefficients of an isolated eigenvalue: an explicit sum of traces over
/// compositions. The exact reference against which the recursion is checked; its cost grows like 4ⁿ.
/// </summary>
/// <remarks>
/// <para>For <c>T(t) = T + Σ_ν t^ν T^(ν)</c>, P the eigenprojection and <c>S^(0) = −P</c>, <c>S^(j) = S^j</c>
/// (Kato, Ch. II §2.2, eq. (2.12); Luo et al. 2025, Thm 3.1):</para>
/// <para><c>λ^(n) = Σ_{p=1}^{n} ((−1)^p / p) Σ_{ν₁+…+ν_p = n, ν_i ≥ 1} Σ_{k₁+…+k_p = p−1, k_i ≥ 0}
/// tr[T^(ν₁) S^(k₁) ⋯ T^(ν_p) S^(k_p)]</c>.</para>
/// <para>For a straight line only <c>p = n</c>, <c>ν_i = 1</c> survives: <c>λ^(n) = ((−1)ⁿ/n) Σ tr[T₁ S^(k₁) ⋯ T₁ S^(k_n)]</c>
/// with <c>C(2n−2, n−1)</c> terms. Since <c>Σ k_i = p − 1 &lt; p</c>, every term has at least one factor <c>−P = −w₀w₀ᵀ</c>;
/// cutting the cyclic product at those factors splits the trace into a product of scalars
/// <c>w₀ᵀ T^(ν) S^(κ) ⋯ T^(ν′) w₀</c> (all κ ≥ 1), which are evaluated by repeated applications and memoized.</para>
/// </remarks>
internal static class KatoClosedForm
{
    /// <summary>The largest order evaluated: order 12 of a straight line already has C(22, 11) = 705 432 terms.</summary>
    public const int MaxOrder = 12;

    /// <summary>Returns <c>λ^(0..N)</c> and the number of trace terms summed.</summary>
    public static (double[] Coefficients, long TermCount) Run(IsolatedEigenproblem problem, int order)
    {
        var evaluator = new SegmentEvaluator(problem);
        var coefficients = new double[order + 1];
        coefficients[0] = problem.Eigenvalue;
        long terms = 0;
        for (var n = 1; n <= order; n++)
        {
            coefficients[n] = Coefficient(problem.PathDegree, n, evaluator, ref terms);
            if (!double.IsFinite(coefficients[n]))
            {
                throw new SeriesOverflowException(n);
            }
        }

        return (coefficients, terms);
    }

    /// <summary>Number of trace terms in orders 1..N for a path of degree L.</summary>
    public static long TermCount(int order, int degree)
    {
        try
        {
            checked
            {
                long total = 0;
                for (var n = 1; n <= order; n++)
                {
                    for (var p = 1; p <= n; p++)
                    {
                        total += CountBoundedCompositions(n, p, degree) * Binomial(2 * p - 2, p - 1);
                    }
                }

                return total;
            }
        }
        catch (OverflowException)
        {
            return long.MaxValue;                                                // beyond 9.2e18 terms: saturate, never wrap
        }
    }

    private static double Coefficient(int degree, int n, SegmentEvaluator evaluator, ref long terms)
    {
        var sum = 0.0;
        for (var p = 1; p <= n; p++)
        {
            if ((long)p * degree < n)
            {
                continue;
            }

            var sign = p % 2 == 0 ? 1.0 : -1.0;
            var nus = new int[p];
            var ks = new int[p];
            var partial = 0.0;
            long count = 0;
            ForEachComposition(nus, 0, n, 1, degree, () =>
                ForEachComposition(ks, 0, p - 1, 0, p - 1, () =>
                {
                    partial += evaluator.Trace(nus, ks); // tr[T^(ν₁) S^(k₁) ⋯ T^(ν_p) S^(k_p)]
                    count++;
                }));
            sum += sign / p * partial;                   // (−1)^p / p
            terms += count;
        }

        return sum;
    }

    /// <summary>Calls <paramref name="visit"/> for every way of writing <paramref name="total"/> as parts[from..] with each part in [min, max].</summary>
    private static void ForEachComposition(int[] parts, int from, int total, int min, int max, Action visit)
    {
        if (from == parts.Length - 1)
        {
            if (total >= min && total <= max)
            {
                parts[from] = total;
                visit();
            }

            return;
        }

        var remaining = parts.Length - from - 1;
        for (var value = min; value <= Math.Min(max, total - remaining * min); value++)
        {
            parts[from] = value;
            ForEachComposition(parts, from + 1, total - value, min, max, visit);
        }
    }

    private static long CountBoundedCompositions(int total, int parts, int max)
    {
        var ways = new long[total + 1];
        ways[0] = 1;
        for (var part = 0; part < parts; part++)
        {
            var next = new long[total + 1];
            for (var s = 0; s <= total; s++)
            {
                for (var v = 1; v <= max && v <= s; v++)
                {
                    next[s] = checked(next[s] + ways[s - v]);
                }
            }

            ways = next;
        }

        return ways[total];
    }

    private static long Binomial(int n, int k)
    {
        long result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = checked(result * (n - k + i)) / i;
        }

        return result;
    }

    /// <summary>Evaluates trace terms by cutting them at their <c>−P</c> factors; memoizes the scalar segments.</summary>
    private sealed class SegmentEvaluator(IsolatedEigenproblem problem)
    {
        private readonly Dictionary<string, double> _segments = [];
        private readonly double[] _current = new double[problem.Dimension];
        private readonly double[] _next = new double[problem.Dimension];
        private readonly StringBuilder _key = new();

        public double Trace(int[] nus, int[] ks)
        {
            var p = nus.Length;
            var firstZero = Array.IndexOf(ks, 0);
            var product = 1.0;
            var origin = firstZero + 1;
            var start = origin;
            for (var offset = 0; offset < p; offset++)
            {
                var position = (origin + offset) % p; // walk the cycle from a fixed origin; `start` moves with each segment
                if (ks[position] == 0)
                {
                    // segment from `start` to `position`: w₀ᵀ T^(ν_start) S^(k_start) ⋯ T^(ν_position) w₀, times −1 for −P
                    product *= -Segment(nus, ks, start % p, position);
                    start = position + 1;
                }
            }

            return product;
        }

        private double Segment(int[] nus, int[] ks, int first, int last)
        {
            var p = nus.Length;
            _key.Clear();
            for (var position = first; ; position = (position + 1) % p)
            {
                _key.Append(nus[position]);
                if (position == last)
                {
                    break;
                }

                _key.Append(',').Append(ks[position]).Append(';');
            }

            var key = _key.ToString();
            if (_segments.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var value = Evaluate(nus, ks, first, last);
            _segments[key] = value;
            return value;
        }

        private double Evaluate(int[] nus, int[] ks, int first, int last)
        {
            var p = nus.Length;
            var length = (last - first + p) % p + 1;
            problem.ApplyPathTerm(nus[last], problem.Eigenvector, _current);        // v = T^(ν_last) w₀
            for (var step = length - 2; step >= 0; step--)
            {
                var position = (first + step) % p;
                for (var power = 0; power < ks[position]; power++)
                {
                    problem.ApplyResolvent(_current, _next);                          // v = S v
                    Array.Copy(_next, _current, _current.Length);
                }

                problem.ApplyPathTerm(nus[position], _current, _next);                // v = T^(ν) v
                Array.Copy(_next, _current, _current.Length);
            }

            return ColumnKernels.Dot(problem.Eigenvector, _current);        // w₀ᵀ v
        }
    }
}
