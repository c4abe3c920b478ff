using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Benchmarks.MatrixFree;

/// <summary>The dense operator's products before the tile kernels, kept only as the benchmark's baseline: one axpy per
/// column over fixed blocks of rows for <c>A x</c>, one dot product per column over fixed blocks of columns for <c>Aᵀ y</c>.</summary>
internal static class LegacyDenseProducts
{
    /// <summary><c>y ← A x</c>, A column-major m × n.</summary>
    public static void Multiply(double[] a, int m, int n, double[] x, double[] y)
    {
        Array.Clear(y);
        RowBlocks.Run(m, (long)m * n, (first, end) =>
        {
            var part = y.AsSpan(first, end - first);
            for (var j = 0; j < n; j++)
            {
                ColumnKernels.Axpy(x[j], a.AsSpan((j * m) + first, end - first), part);   // y += x_j a_j on these rows
            }
        });
    }

    /// <summary><c>x ← Aᵀ y</c>, A column-major m × n.</summary>
    public static void TransposeMultiply(double[] a, int m, int n, double[] y, double[] x) =>
        RowBlocks.Run(n, (long)m * n, (first, end) =>
        {
            for (var j = first; j < end; j++)
            {
                x[j] = ColumnKernels.Dot(a.AsSpan(j * m, m), y);                            // (Aᵀ y)_j = a_jᵀ y
            }
        });
}
