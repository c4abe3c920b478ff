using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Spectrum;

/// <summary>The Taylor coefficients of the unit eigenvectors from the coordinates of <see cref="EigenCoordinates"/>.</summary>
/// <remarks><c>q_j = Q c_j</c> (<c>c₀ = e_k</c>), normalised as a power series. Cost: one n × n × K product per order and
/// O(N² n K) for the normalisation; memory O(N n K). Formed only when asked for.</remarks>
internal static class EigenvectorSeries
{
    /// <summary>For each column, the normalised series of its eigenvector (scaled units).</summary>
    public static double[][][] Compute(EigenCoordinates op, Matrix<double>[]?[] coordinates, int order)
    {
        var q = new Matrix<double>[order + 1];
        q[0] = Matrix<double>.Build.Dense(op.Rows, op.Columns, (i, c) => op.Vectors[i, op.EigenvectorRows[c]]);
        for (var j = 1; j <= order; j++)
        {
            q[j] = Matrix<double>.Build.Dense(op.Rows, op.Columns);
            Gemm.Run(1.0, op.Vectors, false, coordinates[j]![0], false, 0.0, q[j]);                    // Q c_j
        }

        var result = new double[op.Columns][][];
        Parallel.For(0, op.Columns, SpectralParallelism.Options(), c => result[c] = PowerSeries.Normalize(q.Select(m => m.Column(c).ToArray()).ToArray()));
        return result;
    }
}
