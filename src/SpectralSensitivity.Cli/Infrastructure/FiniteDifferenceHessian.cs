using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>An independent check of the Hessian: central differences of the gradient <c>u_k v_kᵀ</c>, one column per entry of A.</summary>
internal static class FiniteDifferenceHessian
{
    /// <summary>The relative step: near the optimum ε^(1/3) for central differences.</summary>
    public const double RelativeStep = 1e-5;

    /// <summary>Column <c>p = i + j m</c> is <c>vec(∇s_k(A + h e_ij) − ∇s_k(A − h e_ij)) / 2h</c>; costs 2mn SVDs.</summary>
    /// <param name="a">A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="tick">Called after each SVD (progress).</param>
    public static Matrix<double> Compute(Matrix<double> a, int index, Action tick)
    {
        int m = a.RowCount, n = a.ColumnCount;
        var h = RelativeStep * Math.Max(1.0, a.L2Norm());
        var hessian = Matrix<double>.Build.Dense(m * n, m * n);
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++)
            {
                var plus = Gradient(a, i, j, h, index, tick);
                var minus = Gradient(a, i, j, -h, index, tick);
                hessian.SetColumn(i + j * m, ((plus - minus) / (2 * h)).ToColumnMajorArray());
            }
        }

        return hessian;
    }

    private static Matrix<double> Gradient(Matrix<double> a, int i, int j, double step, int index, Action tick)
    {
        var shifted = a.Clone();
        shifted[i, j] += step;
        var gradient = SingularValueGradient.Compute(ThinSingularValueDecomposition.Compute(shifted), index);
        tick();
        return gradient;
    }
}
