using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Results;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Taylor predictions of <c>s_k(A + tE)</c> against singular values recomputed from scratch at each t.</summary>
internal static class TaylorScan
{
    /// <summary>Evaluates the expansion at every t and recomputes <c>s_k(A + tE)</c> with a fresh SVD.</summary>
    /// <param name="a">A.</param>
    /// <param name="e">E.</param>
    /// <param name="expansion">The expansion of <c>s_k</c> to order N.</param>
    /// <param name="steps">The values of t.</param>
    /// <param name="tick">Called once per t (progress).</param>
    public static TaylorPoint[] Run(Matrix<double> a, Matrix<double> e, SingularValueExpansion expansion, IReadOnlyList<double> steps, Action tick)
    {
        var points = new TaylorPoint[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var t = steps[i];
            var recomputed = ThinSingularValueDecomposition.Compute(a + t * e).SingularValues[expansion.Index - 1];
            var byOrder = Enumerable.Range(1, expansion.Order).Select(n => expansion.Predict(t, n)).ToArray();
            var predicted = byOrder[^1];
            points[i] = new TaylorPoint(t, recomputed, predicted, Math.Abs(predicted - recomputed), expansion.PredictionErrorBound(t), byOrder);
            tick();
        }

        return points;
    }

    /// <summary><paramref name="count"/> equally spaced values from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double[] Linspace(double from, double to, int count) =>
        count == 1 ? [from] : Enumerable.Range(0, count).Select(i => i == count - 1 ? to : from + (to - from) * i / (count - 1)).ToArray();
}

/// <summary>One value of t: the recomputed <c>s_k(A + tE)</c>, the order-N prediction, its error and the rigorous bound, and the predictions of orders 1..N.</summary>
internal sealed record TaylorPoint(double T, double Recomputed, double Predicted, double Error, double ErrorBound, double[] PredictionsByOrder);
