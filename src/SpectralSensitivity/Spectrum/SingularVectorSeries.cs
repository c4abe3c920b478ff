using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Spectrum;

/// <summary>The Taylor coefficients of the unit singular vectors from the coordinates of <see cref="SingularCoordinates"/>.</summary>
/// <remarks>
/// The eigenvector coefficient <c>w_j = (x_j; y_j)</c> of column c is <c>x_j = U (a_j + b_j)/√2 + Σ_β R_β z_{β,j}</c>,
/// <c>y_j = V (a_j − b_j)/√2</c> (<c>w₀ = (u_k; v_k)/√2</c>); each block is normalised as a power series, as the one-value
/// path does. Cost: per order one M × R × K and one R × R × K product (plus L for the null part), O(N² (M + R) K) for the
/// normalisation; memory O(N (M + R) K). Formed only when asked for.
/// </remarks>
internal static class SingularVectorSeries
{
    /// <summary>For each column, the normalised series of the M-block and the R-block (scaled units).</summary>
    public static (double[][] X, double[][] Y)[] Compute(SingularCoordinates op, Matrix<double>[]?[] coordinates, int order)
    {
        var scale = 1.0 / Math.Sqrt(2.0);
        int tall = op.Left.RowCount, rows = op.Rows, columns = op.Columns;
        var x = new Matrix<double>[order + 1];
        var y = new Matrix<double>[order + 1];
        x[0] = Matrix<double>.Build.Dense(tall, columns, (i, c) => scale * op.Left[i, op.EigenvectorRows[c]]);   // u_k/√2
        y[0] = Matrix<double>.Build.Dense(rows, columns, (i, c) => scale * op.Right[i, op.EigenvectorRows[c]]);  // v_k/√2
        for (var j = 1; j <= order; j++)
        {
            var blocks = coordinates[j]!;
            x[j] = Matrix<double>.Build.Dense(tall, columns);
            y[j] = Matrix<double>.Build.Dense(rows, columns);
            Gemm.Run(scale, op.Left, false, blocks[0] + blocks[1], false, 0.0, x[j]);                   // U (a + b)/√2
            for (var beta = 0; beta < op.Residuals.Length; beta++)
            {
                Gemm.Run(1.0, op.Residuals[beta], false, blocks[2 + beta], false, 1.0, x[j]);         // + R_β z_β
            }

            Gemm.Run(scale, op.Right, false, blocks[0] - blocks[1], false, 0.0, y[j]);                  // V (a − b)/√2
        }

        var result = new (double[][] X, double[][] Y)[columns];
        Parallel.For(0, columns, SpectralParallelism.Options(), c =>
        {
            result[c] = (PowerSeries.Normalize(x.Select(m => m.Column(c).ToArray()).ToArray()), PowerSeries.Normalize(y.Select(m => m.Column(c).ToArray()).ToArray()));
        });
        return result;
    }
}
