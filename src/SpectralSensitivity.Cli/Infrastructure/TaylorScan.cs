using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
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
    public static TaylorPoint[] Run(Matrix<double> a, Matrix<double> e, SingularValueExpansion expansion, IReadOnlyList<double> steps, Action tick) =>
        Compare(expansion, steps, SingularValues(a, e, steps, tick).Select(values => values[expansion.Index - 1]).ToArray());

    /// <summary>The singular values of <c>A + tE</c> from a fresh SVD at every t (largest first).</summary>
    /// <param name="a">A.</param>
    /// <param name="e">E.</param>
    /// <param name="steps">The values of t.</param>
    /// <param name="tick">Called once per t (progress).</param>
    public static double[][] SingularValues(Matrix<double> a, Matrix<double> e, IReadOnlyList<double> steps, Action tick)
    {
        var values = new double[steps.Count][];
        for (var i = 0; i < steps.Count; i++)
        {
            values[i] = Recompute(a, e, steps[i]).SingularValues.ToArray();
            tick();
        }

        return values;
    }

    /// <summary>The predictions of orders 1..N of <paramref name="expansion"/> at every t against the <paramref name="recomputed"/> values.</summary>
    public static TaylorPoint[] Compare(SpectralExpansion expansion, IReadOnlyList<double> steps, IReadOnlyList<double> recomputed) =>
        steps.Select((t, i) =>
        {
            var byOrder = Enumerable.Range(1, expansion.Order).Select(n => expansion.Predict(t, n)).ToArray();
            var predicted = byOrder[^1];
            return new TaylorPoint(t, recomputed[i], predicted, Math.Abs(predicted - recomputed[i]), expansion.PredictionErrorBound(t), byOrder);
        }).ToArray();

    /// <summary>The SVD of <c>A + tE</c>; an entry that overflows is reported as <c>A + tE</c> at this t (A itself is finite).</summary>
    private static ThinSingularValueDecomposition Recompute(Matrix<double> a, Matrix<double> e, double t)
    {
        var perturbed = a + t * e;
        try
        {
            return ThinSingularValueDecomposition.Compute(perturbed);
        }
        catch (NonFiniteInputException inner)
        {
            throw new InvalidSpectralInputException(
                $"A + tE overflows double precision at t = {t:G6} (entry at row {inner.Row + 1}, column {inner.Column + 1}, 1-based); choose a smaller range of t",
                inner);
        }
    }

    /// <summary><paramref name="count"/> equally spaced values from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double[] Linspace(double from, double to, int count) =>
        count == 1 ? [from] : Enumerable.Range(0, count).Select(i => i == count - 1 ? to : from + (to - from) * i / (count - 1)).ToArray();
}

/// <summary>One value of t: the recomputed <c>s_k(A + tE)</c>, the order-N prediction, its error and the rigorous bound, and the predictions of orders 1..N.</summary>
internal sealed record TaylorPoint(double T, double Recomputed, double Predicted, double Error, double ErrorBound, double[] PredictionsByOrder);
