using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Matrices;

/// <summary>Exact rescaling by powers of two, so that factorizations see entries of size about one.</summary>
/// <remarks>MathNet's managed SVD and eigensolver fail to converge on entries near 1e300 and flush values near 1e-300 to
/// zero. Multiplying by <c>2^−e</c> changes no significand bit (short of subnormal underflow of entries far below
/// ε‖A‖), so the factors of the scaled matrix are those of A with values scaled by <c>2^e</c>.</remarks>
internal static class PowerOfTwoScaling
{
    /// <summary>The exponent e with the largest |entry| in <c>[2^e, 2^(e+1))</c>; 0 for a zero matrix.</summary>
    public static int LargestEntryExponent(Matrix<double> matrix)
    {
        var largest = ColumnKernels.Storage(matrix).Max(Math.Abs);
        return largest > 0.0 ? Math.ILogB(largest) : 0;
    }

    /// <summary>A copy of the matrix times <c>2^−exponent</c>.</summary>
    public static Matrix<double> ScaledCopy(Matrix<double> matrix, int exponent)
    {
        var copy = matrix.Clone();
        copy.MapInplace(x => Math.ScaleB(x, -exponent));
        return copy;
    }
}
