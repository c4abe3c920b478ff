using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace SpectralSensitivity.Spectrum;

/// <summary><c>C ← α op(A) op(B) + β C</c> on dense matrices through MathNet's active linear-algebra provider
/// (<c>dgemm</c> of MKL or OpenBLAS when one is installed, MathNet's managed kernel otherwise).</summary>
internal static class Gemm
{
    /// <summary><c>C ← α op(A) op(B) + β C</c>; op is the transpose when the flag is set.</summary>
    public static void Run(double alpha, Matrix<double> a, bool transposeA, Matrix<double> b, bool transposeB, double beta, Matrix<double> c)
    {
        var rows = transposeA ? a.ColumnCount : a.RowCount;
        var inner = transposeA ? a.RowCount : a.ColumnCount;
        var innerB = transposeB ? b.ColumnCount : b.RowCount;
        var columns = transposeB ? b.RowCount : b.ColumnCount;
        if (inner != innerB || c.RowCount != rows || c.ColumnCount != columns)
        {
            throw new ArgumentException($"shapes do not fit: {rows} x {inner} times {innerB} x {columns} into {c.RowCount} x {c.ColumnCount}");
        }

        LinearAlgebraControl.Provider.MatrixMultiplyWithUpdate(
            transposeA ? Transpose.Transpose : Transpose.DontTranspose,
            transposeB ? Transpose.Transpose : Transpose.DontTranspose,
            alpha,
            CoordinateRecursion.Storage(a),
            a.RowCount,
            a.ColumnCount,
            CoordinateRecursion.Storage(b),
            b.RowCount,
            b.ColumnCount,
            beta,
            CoordinateRecursion.Storage(c));
    }
}
