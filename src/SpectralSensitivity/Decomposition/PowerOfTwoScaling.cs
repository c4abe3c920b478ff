using System.Numerics;
using System.Runtime.InteropServices;
using SpectralSensitivity.Operators;
using DenseMatrix = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix;
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

    /// <summary>A column-major array holding the matrix (or its transpose) times <c>2^−exponent</c>, exponent in the double
    /// range (−1074..1023); every product is exact. The transpose is written in 32 × 32 blocks so both sides stay in cache.</summary>
    public static double[] ScaledArray(Matrix matrix, int exponent, bool transpose)
    {
        var source = ColumnKernels.Storage(matrix);
        double[] result;
        if (!transpose)
        {
            result = matrix is DenseMatrix ? (double[])source.Clone() : source;         // Storage shares a dense matrix's array
        }
        else
        {
            int m = matrix.RowCount, n = matrix.ColumnCount;
            result = new double[source.Length];
            const int block = 32;
            for (var j0 = 0; j0 < n; j0 += block)
            {
                for (var i0 = 0; i0 < m; i0 += block)
                {
                    for (var j = j0; j < Math.Min(j0 + block, n); j++)
                    {
                        for (var i = i0; i < Math.Min(i0 + block, m); i++)
                        {
                            result[i * n + j] = source[j * m + i];              // (Aᵀ)[j, i] = A[i, j]
                        }
                    }
                }
            }
        }

        if (exponent != 0)
        {
            Scale(result, exponent);
        }

        return result;
    }

    /// <summary>Multiplies <paramref name="values"/> by <c>2^−exponent</c> in place (exact).</summary>
    private static void Scale(double[] values, int exponent)
    {
        if (exponent >= -1022)
        {
            Multiply(values, Math.ScaleB(1.0, -exponent), values);         // a power of two: every product exact
        }
        else
        {
            // 2^−e overflows when the largest entry is subnormal: scale in two exact halves.
            var half = -exponent / 2;
            Multiply(values, Math.ScaleB(1.0, half), values);
            Multiply(values, Math.ScaleB(1.0, -exponent - half), values);
        }
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
