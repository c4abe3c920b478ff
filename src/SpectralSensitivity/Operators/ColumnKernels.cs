using System.Numerics;
using System.Runtime.InteropServices;
using Matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;
using DenseMatrix = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix;

namespace SpectralSensitivity.Operators;

/// <summary>SIMD kernels on contiguous columns (spans of doubles) for the memory-bound matrix–vector loops of the engine and the Hessian.</summary>
/// <remarks>MathNet 5 runs dense matrix–vector products in a scalar managed loop whatever the provider; these stream each column once.</remarks>
internal static class ColumnKernels
{
    /// <summary><c>Σ x_i y_i</c>.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var width = Vector<double>.Count;
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
        var ys = MemoryMarshal.Cast<double, Vector<double>>(y);
        var accumulator = Vector<double>.Zero;
        for (var i = 0; i < xs.Length; i++)
        {
            accumulator += xs[i] * ys[i];
        }

        var sum = Vector.Sum(accumulator);
        for (var i = xs.Length * width; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary><c>y ← y + α x</c>.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        var width = Vector<double>.Count;
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
        var ys = MemoryMarshal.Cast<double, Vector<double>>(y);
        var a = new Vector<double>(alpha);
        for (var i = 0; i < xs.Length; i++)
        {
            ys[i] += a * xs[i];
        }

        for (var i = xs.Length * width; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary><c>z ← α x + β y</c>: one column of a rank-two matrix, each entry written once.</summary>
    public static void Combine(double alpha, ReadOnlySpan<double> x, double beta, ReadOnlySpan<double> y, Span<double> z)
    {
        var width = Vector<double>.Count;
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
        var ys = MemoryMarshal.Cast<double, Vector<double>>(y);
        var zs = MemoryMarshal.Cast<double, Vector<double>>(z[..x.Length]);
        var a = new Vector<double>(alpha);
        var b = new Vector<double>(beta);
        for (var i = 0; i < xs.Length; i++)
        {
            zs[i] = a * xs[i] + b * ys[i];
        }

        for (var i = xs.Length * width; i < x.Length; i++)
        {
            z[i] = alpha * x[i] + beta * y[i];
        }
    }

    /// <summary><c>y ← Mᵀ x</c> for column-major M (rows × columns) as one dot product per column.</summary>
    public static void TransposeMultiplyColumns(ReadOnlySpan<double> matrix, int rows, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var j = 0; j < y.Length; j++)
        {
            y[j] = Dot(matrix.Slice(j * rows, rows), x);
        }
    }

    /// <summary><c>y ← M x</c> for column-major M (rows × columns) as one axpy per column.</summary>
    public static void MultiplyColumns(ReadOnlySpan<double> matrix, int rows, ReadOnlySpan<double> x, Span<double> y)
    {
        y[..rows].Clear();
        for (var j = 0; j < x.Length; j++)
        {
            Axpy(x[j], matrix.Slice(j * rows, rows), y);
        }
    }

    /// <summary><c>H(E)(x; y) = (E y; Eᵀ x)</c> for column-major E (m × n) in one pass over E.</summary>
    public static void ApplyEmbedded(ReadOnlySpan<double> e, int m, int n, ReadOnlySpan<double> source, Span<double> destination)
    {
        var x = source[..m];
        var y = source[m..];
        var top = destination[..m];
        top.Clear();
        for (var j = 0; j < n; j++)
        {
            var column = e.Slice(j * m, m);
            Axpy(y[j], column, top);                    // E y, column by column
            destination[m + j] = Dot(column, x);        // (Eᵀ x)_j
        }
    }

    /// <summary>The column-major storage of a matrix: the array itself for a dense matrix, a copy otherwise.</summary>
    public static double[] Storage(Matrix matrix) =>
        matrix is DenseMatrix dense ? dense.Values : matrix.ToColumnMajorArray();

    /// <summary>An upper bound on ‖M‖₂: <c>min(‖M‖_F, √(‖M‖₁ ‖M‖_∞))</c>; NaN if M has a non-finite entry.</summary>
    /// <remarks>
    /// One SIMD pass when the largest entry lies within <c>2^±480</c>, where no square or product can overflow or
    /// underflow; otherwise the entries are first scaled by the power of two of the largest one, so the bound is exactly
    /// homogeneous, <c>bound(2^e M) = 2^e bound(M)</c>, across the whole double range.
    /// </remarks>
    public static double SpectralNormBound(ReadOnlySpan<double> matrix, int rows, int columns)
    {
        var largest = 0.0;
        foreach (var x in matrix)
        {
            largest = Math.Max(largest, Math.Abs(x));
        }

        if (double.IsNaN(largest) || double.IsInfinity(largest))
        {
            return double.NaN;
        }

        if (largest == 0)
        {
            return 0;
        }

        var exponent = Math.ILogB(largest);
        if (Math.Abs(exponent) <= 480)
        {
            return NormBoundPass(matrix, rows, columns, 1.0);
        }

        return Math.ScaleB(NormBoundPass(matrix, rows, columns, Math.ScaleB(1.0, -exponent)), exponent);
    }

    private static double NormBoundPass(ReadOnlySpan<double> matrix, int rows, int columns, double factor)
    {
        var width = Vector<double>.Count;
        var rowSums = new double[rows];
        var rowVectors = MemoryMarshal.Cast<double, Vector<double>>(rowSums.AsSpan());
        var f = new Vector<double>(factor);
        var squares = Vector<double>.Zero;
        var tailSquares = 0.0;
        var maxColumn = 0.0;
        for (var j = 0; j < columns; j++)
        {
            var column = matrix.Slice(j * rows, rows);
            var columnVectors = MemoryMarshal.Cast<double, Vector<double>>(column);
            var columnSum = Vector<double>.Zero;
            for (var i = 0; i < columnVectors.Length; i++)
            {
                var x = Vector.Abs(columnVectors[i]) * f;
                columnSum += x;
                rowVectors[i] += x;
                squares += x * x;
            }

            var sum = Vector.Sum(columnSum);
            for (var i = columnVectors.Length * width; i < rows; i++)
            {
                var x = Math.Abs(column[i]) * factor;
                sum += x;
                rowSums[i] += x;
                tailSquares += x * x;
            }

            maxColumn = double.IsNaN(sum) ? double.NaN : Math.Max(maxColumn, sum);
        }

        var frobenius = Math.Sqrt(Vector.Sum(squares) + tailSquares);
        return double.IsNaN(maxColumn) || double.IsNaN(frobenius) ? double.NaN : Math.Min(frobenius, Math.Sqrt(maxColumn * rowSums.Max()));
    }

    /// <summary>Matrices with at least this many entries are split across cores: the products are memory-bound, and on
    /// smaller ones the hand-off costs more than it saves.</summary>
    internal const int ParallelThreshold = 1 << 18;

    /// <summary>The number of parts a large pass is cut into, whatever the number of cores: each part is summed on its own
    /// and the parts are added in a fixed order, so results are bit-identical on every machine and thread setting.</summary>
    internal const int FixedPartCount = 8;

    /// <summary>How many parts a memory-bound pass over a rows × columns matrix is cut into: 1 below
    /// <see cref="ParallelThreshold"/>, else <see cref="FixedPartCount"/> (never the core count).</summary>
    internal static int Parts(int rows, int columns) =>
        (long)rows * columns < ParallelThreshold ? 1 : FixedPartCount;

    /// <summary><c>H(E)(x; y) = (E y; Eᵀ x)</c> in one pass over E, rows split across cores when E is large.</summary>
    public static void ApplyEmbedded(double[] e, int m, int n, double[] source, double[] destination)
    {
        var parts = Parts(m, n);
        if (parts == 1)
        {
            ApplyEmbedded(e.AsSpan(), m, n, source, destination);
            return;
        }

        var partialDots = new double[parts][];
        Parallel.For(0, parts, SpectralParallelism.Options(), part =>
        {
            var (first, end) = Range(m, parts, part);
            var top = destination.AsSpan(first, end - first);
            var x = source.AsSpan(first, end - first);
            var dots = new double[n];
            top.Clear();
            for (var j = 0; j < n; j++)
            {
                var column = e.AsSpan(j * m + first, end - first);
                Axpy(source[m + j], column, top);       // rows [first, end) of E y
                dots[j] = Dot(column, x);               // this block's share of (Eᵀ x)_j
            }

            partialDots[part] = dots;
        });
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (var part = 0; part < parts; part++)
            {
                sum += partialDots[part][j];
            }

            destination[m + j] = sum;
        }
    }

    /// <summary>The half-open range of <paramref name="count"/> items that part <paramref name="part"/> of <paramref name="parts"/> takes.</summary>
    internal static (int First, int End) Range(int count, int parts, int part) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));
}
