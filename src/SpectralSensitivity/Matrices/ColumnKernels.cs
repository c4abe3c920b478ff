using System.Numerics;
using System.Runtime.InteropServices;
using Matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;
using DenseMatrix = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix;

namespace SpectralSensitivity.Matrices;

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
}
