using System.Numerics;
using System.Runtime.InteropServices;
using SpectralSensitivity.Operators;
using DenseMatrix = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix;
using Matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;

namespace SpectralSensitivity.Decomposition;

/// <summary>Exact rescaling by powers of two, so that factorizations see entries of size about one.</summary>
/// <remarks>Every matrix is factorized as <c>2^−e A</c> with e the exponent of its largest entry (<see cref="ExponentFor"/>),
/// so the scaled matrix has its largest entry in [1, 2) and A and <c>2^p A</c> hand the backend the identical array (short of
/// subnormal entries, which carry fewer bits at one scale than at the other). That, not the backend, makes the
/// decomposition exactly homogeneous: LAPACK's scaled norm accumulators, safe-minimum thresholds and deflation tests, and
/// MathNet's managed SVD (which fails to converge near 1e300 and loses small entries near 1e−300), are not homogeneous in
/// the last bits, least of all for singular values at the rounding level. Multiplying by <c>2^−e</c> changes no significand
/// bit (short of subnormal underflow of entries far below ε‖A‖), so the factors of the scaled matrix are those of A with
/// values scaled by <c>2^e</c>. The factorization copies A anyway (the backend overwrites its input); the scaling is fused
/// into that copy (<see cref="ScaledArray"/>), one multiplication per entry beside the O(m n min(m, n)) factorization.</remarks>
internal static class PowerOfTwoScaling
{
    /// <summary>The power of two to divide the matrix by before factorizing it: the exponent of its largest entry (the scaled
    /// matrix then has its largest entry in [1, 2)); 0 for a zero matrix. Entries must be finite.</summary>
    public static int ExponentFor(Matrix matrix) => ExponentOfLargest(ColumnKernels.Storage(matrix));

    /// <summary>The exponent e with <c>|x| ∈ [2^e, 2^(e+1))</c> for the largest |x| of <paramref name="values"/> (one SIMD pass); 0
    /// when all are zero. Values must be finite.</summary>
    public static int ExponentOfLargest(ReadOnlySpan<double> values)
    {
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

    /// <summary>A fresh column-major array holding the matrix (or its transpose) times <c>2^−exponent</c>, exponent in the double
    /// range (−1074..1023); every product is exact short of subnormal results. The scaling is fused into the copy (one pass); the
    /// transpose is written in 32 × 32 blocks so both sides stay in cache.</summary>
    public static double[] ScaledArray(Matrix matrix, int exponent, bool transpose)
    {
        var source = ColumnKernels.Storage(matrix);
        var (factor, second) = Factors(exponent);
        double[] result;
        if (!transpose)
        {
            result = matrix is DenseMatrix ? new double[source.Length] : source;         // Storage shares a dense matrix's array only
            Multiply(source, factor, result);                                          // 2^−e A: a power of two, every product exact
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
                            result[i * n + j] = source[j * m + i] * factor;      // (2^−e Aᵀ)[j, i] = 2^−e A[i, j]
                        }
                    }
                }
            }
        }

        if (second != 1.0)
        {
            Multiply(result, second, result);
        }

        return result;
    }

    /// <summary>Two powers of two whose product is <c>2^−exponent</c>: one when that is a double, else (the largest entry is
    /// subnormal, −exponent &gt; 1023) two halves, each product exact as the entries grow.</summary>
    private static (double First, double Second) Factors(int exponent)
    {
        if (exponent >= -1023)
        {
            return (Math.ScaleB(1.0, -exponent), 1.0);
        }

        var half = -exponent / 2;
        return (Math.ScaleB(1.0, half), Math.ScaleB(1.0, -exponent - half));
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
