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

    /// <summary>Splits <c>w_j = (x_j; y_j)</c> at <paramref name="split"/> and normalises each block as a series.</summary>
    public static (Vector<double>[] Top, Vector<double>[] Bottom) NormalizeBlocks(double[][] w, int split)
    {
        var top = PowerSeries.Normalize(w.Select(v => v[..split]).ToArray());
        var bottom = PowerSeries.Normalize(w.Select(v => v[split..]).ToArray());
        return (top.Select(Vector<double>.Build.DenseOfArray).ToArray(), bottom.Select(Vector<double>.Build.DenseOfArray).ToArray());
    }
}
