using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>Scaled tolerances: c · ε · √n · ‖A‖, growing with order and with 1/gap.</summary>
internal static class Tolerance
{
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary><c>c · ε · √(m+n) · ‖A‖₂</c>.</summary>
    public static double Residual(Matrix<double> a, double c = 16) =>
        c * Epsilon * Math.Sqrt(a.RowCount + a.ColumnCount) * Math.Max(a.L2Norm(), 1e-300);

    /// <summary>Tolerance for the n-th Taylor coefficient: <c>c · ε · √(m+n) · ‖E‖ⁿ / dⁿ⁻¹</c> times a factor that grows with the order.</summary>
    public static double Coefficient(int order, int size, double directionNorm, double gap, double c = 64) =>
        c * Epsilon * Math.Sqrt(size) * Math.Pow(4, order) * Math.Pow(directionNorm, order) / Math.Pow(gap, order - 1);
}
