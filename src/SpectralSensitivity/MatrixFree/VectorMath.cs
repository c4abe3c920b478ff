using SpectralSensitivity.Operators;

namespace SpectralSensitivity.MatrixFree;

/// <summary>Scale-safe vector norms and exact power-of-two scalings for the matrix-free path.</summary>
internal static class VectorMath
{
    /// <summary><c>‖x‖₂</c> computed as <c>2^e ‖2^−e x‖₂</c> with <c>e</c> the exponent of the largest entry: no overflow or underflow, and <c>‖2^p x‖ = 2^p ‖x‖</c> exactly.</summary>
    public static double Norm(ReadOnlySpan<double> x)
    {
        var largest = MaxAbs(x);
        if (largest == 0 || !double.IsFinite(largest))
        {
            return largest;
        }

        var e = Math.ILogB(largest);
        var down = Math.ScaleB(1.0, -e);
        var sum = 0.0;
        foreach (var value in x)
        {
            var scaled = value * down;                    // exact: a power of two
            sum += scaled * scaled;
        }

        return Math.ScaleB(Math.Sqrt(sum), e);
    }

    /// <summary><c>max_i |x_i|</c>; NaN if an entry is NaN.</summary>
    public static double MaxAbs(ReadOnlySpan<double> x)
    {
        var largest = 0.0;
        foreach (var value in x)
        {
            var a = Math.Abs(value);
            if (double.IsNaN(a))
            {
                return double.NaN;
            }

            largest = Math.Max(largest, a);
        }

        return largest;
    }

    /// <summary><c>x ← 2^e x</c>, exact wherever the result is a normal number.</summary>
    /// <remarks>While <c>2^e</c> is itself a normal number (|e| ≤ 1022) this is one multiplication by it, rounded once,
    /// which is what <see cref="Math.ScaleB"/> returns; beyond, <see cref="Math.ScaleB"/> entry by entry.</remarks>
    public static void ScaleByPowerOfTwo(Span<double> x, int e)
    {
        if (e == 0)
        {
            return;
        }

        if (Math.Abs(e) <= 1022)
        {
            Scale(Math.ScaleB(1.0, e), x);
            return;
        }

        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.ScaleB(x[i], e);
        }
    }

    /// <summary><c>x ← α x</c>.</summary>
    public static void Scale(double alpha, Span<double> x)
    {
        var width = System.Numerics.Vector<double>.Count;
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(x);
        var a = new System.Numerics.Vector<double>(alpha);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] *= a;
        }

        for (var i = vectors.Length * width; i < x.Length; i++)
        {
            x[i] *= alpha;
        }
    }

    /// <summary><c>xᵀ y</c>.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => ColumnKernels.Dot(x, y);

    /// <summary><c>y ← y + α x</c>.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y) => ColumnKernels.Axpy(alpha, x, y);
}
