using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Series;

/// <summary>
/// The block recursion of a cluster run along a polynomial path in the scaled units of its <see cref="IsolatedEigenproblem"/>,
/// and the quantities it gives back in true units: the coefficient matrices <c>M_j</c> and the cluster mean.
/// </summary>
internal static class ClusterSeries
{
    /// <summary>The scaled <c>M′₀ … M′_N</c> of the group along the problem's path (the problem's basis set to powers of t).</summary>
    public static double[][,] ScaledMatrices(IsolatedEigenproblem problem, int order)
    {
        problem.UseBasis(new PowerMonomials(order, problem.PathDegree));
        return PerturbationRecursion.RunBlock(problem).Matrices;
    }

    /// <summary>The mean's coefficients <c>tr(M_j)/g</c> (scaled, with their powers of two) and the matrices <c>M_j</c> in true units, j = 0..N.</summary>
    /// <remarks><c>mean(t) = tr M(t) / g</c> is analytic where members cross (Kato, Ch. II §2.3, the weighted mean of the λ-group).</remarks>
    public static (ScaledCoefficients Mean, Matrix<double>[] Matrices) Mean(IsolatedEigenproblem problem, int order) =>
        Mean(problem, ScaledMatrices(problem, order));

    /// <summary>The mean's coefficients and the matrices in true units from the scaled <c>M′₀ … M′_N</c> of the block recursion (the problem's basis as it ran).</summary>
    public static (ScaledCoefficients Mean, Matrix<double>[] Matrices) Mean(IsolatedEigenproblem problem, double[][,] scaled)
    {
        var order = scaled.Length - 1;
        var g = problem.MemberCount;
        var mean = new double[order + 1];
        for (var j = 0; j <= order; j++)
        {
            var trace = 0.0;
            for (var c = 0; c < g; c++)
            {
                trace += scaled[j][c, c];
            }

            mean[j] = trace / g;                                                  // mean_j = tr(M_j)/g
        }

        var matrices = new Matrix<double>[order + 1];
        for (var j = 0; j <= order; j++)
        {
            var exponent = problem.Basis.CoefficientExponent(j);
            var m = scaled[j];
            matrices[j] = Matrix<double>.Build.Dense(g, g, (r, c) => Math.ScaleB(m[r, c], exponent));
            if (!matrices[j].ForAll(double.IsFinite))
            {
                throw new ResultOutOfRangeException($"the cluster coefficient matrix of order {j}", j);
            }
        }

        return (ScaledCoefficients.Of(problem, mean), matrices);
    }
}
