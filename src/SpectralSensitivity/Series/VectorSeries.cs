using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Series;

/// <summary>Helpers for vector-valued power series.</summary>
internal static class VectorSeries
{
    /// <summary>Horner evaluation of <c>Σ v_j tʲ</c>.</summary>
    public static Vector<double> Evaluate(IReadOnlyList<Vector<double>> coefficients, double t)
    {
        var sum = coefficients[^1].Clone();
        for (var j = coefficients.Count - 2; j >= 0; j--)
        {
            sum.Multiply(t, sum);
            sum.Add(coefficients[j], sum);
        }

        return sum;
    }

    /// <summary>The coefficient arrays as MathNet vectors (no copy).</summary>
    public static Vector<double>[] Wrap(double[][] coefficients) => coefficients.Select(Vector<double>.Build.DenseOfArray).ToArray();
}
