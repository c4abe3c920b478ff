using System.Numerics;
using System.Runtime.InteropServices;
using SpectralSensitivity.Operators;
using Matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;

namespace SpectralSensitivity.Decomposition;

/// <summary>Exact rescaling by powers of two, so that factorizations see entries of size about one.</summary>
/// <remarks>MathNet's managed SVD and eigensolver fail to converge on entries near 1e300 and flush values near 1e-300 to
/// zero. Multiplying by <c>2^−e</c> changes no significand bit (short of subnormal underflow of entries far below
/// ε‖A‖), so the factors of the scaled matrix are those of A with values scaled by <c>2^e</c>. Only matrices whose
/// largest entry lies outside <c>[2^−128, 2^129)</c> are copied and scaled (<see cref="ExponentFor"/>): inside that range
/// squares and sums of squares, in double and double-double, stay far from overflow and underflow, and the common case
/// pays one SIMD pass for the largest entry and no copy.</remarks>
internal static class PowerOfTwoScaling
{
    /// <summary>Largest |exponent| of the largest entry that is left unscaled.</summary>
    public const int SafeExponent = 128;

    /// <summary>The power of two to divide the matrix by before factorizing it: 0 when its largest entry is within
    /// <c>2^±128</c>, else the exponent of that entry (the scaled matrix then has its largest entry in [1, 2)).</summary>
    public static int ExponentFor(Matrix matrix)
    {
        var exponent = LargestEntryExponent(matrix);
        return Math.Abs(exponent) <= SafeExponent ? 0 : exponent;
    }

    /// <summary>The exponent e with the largest |entry| in <c>[2^e, 2^(e+1))</c>; 0 for a zero matrix. Entries must be finite.</summary>
    private static int LargestEntryExponent(Matrix matrix)
    {
        var values = ColumnKernels.Storage(matrix).AsSpan();
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        var largestVector = Vector<double>.Zero;
        foreach (var v in vectors)
        {
            largestVector = Vector.Max(largestVector, Vector.Abs(v));
        }

        var largest = 0.0;
        for (var i = 0; i < Vector<double>.Count; i++)
        {
            largest = Math.Max(largest, largestVector[i]);
        }

        for (var i = vectors.Length * Vector<double>.Count; i < values.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(values[i]));
        }

        return largest > 0.0 ? Math.ILogB(largest) : 0;
    }

    /// <summary>A dense copy of the matrix times <c>2^−exponent</c>, exponent in the double range (−1074..1023).</summary>
    public static Matrix ScaledCopy(Matrix matrix, int exponent)
    {
        var source = ColumnKernels.Storage(matrix);
        var result = new double[source.Length];
        if (exponent >= -1022)
        {
            Multiply(source, Math.ScaleB(1.0, -exponent), result);       // a power of two: every product exact
        }
        else
        {
            // 2^−e overflows when the largest entry is subnormal: scale in two exact halves.
            var half = -exponent / 2;
            Multiply(source, Math.ScaleB(1.0, half), result);
            Multiply(result, Math.ScaleB(1.0, -exponent - half), result);
        }

        return Matrix.Build.Dense(matrix.RowCount, matrix.ColumnCount, result);
    }

    private static void Multiply(ReadOnlySpan<double> source, double factor, Span<double> destination)
    {
        var from = MemoryMarshal.Cast<double, Vector<double>>(source);
        var to = MemoryMarshal.Cast<double, Vector<double>>(destination);
        var f = new Vector<double>(factor);
        for (var i = 0; i < from.Length; i++)
        {
            to[i] = from[i] * f;
        }

        for (var i = from.Length * Vector<double>.Count; i < source.Length; i++)
        {
            destination[i] = source[i] * factor;
        }
    }
}
