using System.Numerics;
using System.Runtime.InteropServices;

namespace SpectralSensitivity.Hessian;

/// <summary>SIMD kernels on contiguous columns (spans of doubles) for the memory-bound Hessian loops.</summary>
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
}
