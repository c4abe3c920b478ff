using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SpectralSensitivity.MatrixFree;

/// <summary>The SIMD inner loops of <see cref="DenseProducts"/>: one rectangular tile of a column-major m × n matrix times
/// one or more vectors.</summary>
/// <remarks>
/// <para><c>A x</c> takes the columns eight at a time: each 256-bit chunk of the output rows is loaded once, receives
/// <c>x_j a_ij</c> for the eight columns in increasing j by fused multiply-adds, and is stored once; the eight column
/// slices are read side by side. <c>Aᵀ y</c> takes the columns eight at a time: each 256-bit chunk of <c>y</c> is loaded
/// once and feeds eight dot products, one accumulator each (lane l sums the rows ≡ l mod 4, the lanes are added at the
/// end), eight independent chains of fused multiply-adds. For several vectors the vector loop is innermost over a
/// group of columns, so the group (at most 8 × 4096 or 8 × m doubles) is read from memory once and from cache for the
/// other vectors.</para>
/// <para>Every output entry is summed in one fixed order that depends only on the tile, never on the vector count or on
/// the thread: the same bits for <c>Multiply</c> and for the same vector inside <c>MultiplyBlock</c>. Rows past the last
/// multiple of the vector width go through the same order in scalar code. Fused multiply-adds where the hardware has
/// them (x64 FMA), a multiply then an add otherwise. Cost: one multiply-add per matrix entry per vector.</para>
/// </remarks>
internal static class DenseTileKernels
{
    private const int Width = 4;             // doubles per 256-bit register
    private const int AxColumns = 8;         // columns per pass of A x
    private const int DotColumns = 8;        // columns per pass of Aᵀ y

    /// <summary><c>y[c][rows] ← A[rows, columns] x[c][columns]</c> for each of <paramref name="count"/> vectors (x: n × count, y: m × count, column-major).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]                       // hot loops: fully optimised from the first call, no tier-0 pass
    public static void Multiply(double[] a, int m, int n, int rowFirst, int rowEnd, int columnFirst, int columnEnd, double[] x, double[] y, int count)
    {
        var length = rowEnd - rowFirst;
        for (var c = 0; c < count; c++)
        {
            y.AsSpan((c * m) + rowFirst, length).Clear();
        }

        var stride = (nuint)m;
        var j = columnFirst;
        for (; j + AxColumns <= columnEnd; j += AxColumns)
        {
            ref var columns = ref a[((long)j * m) + rowFirst];
            for (var c = 0; c < count; c++)
            {
                AccumulateEight(ref columns, stride, ref x[(c * n) + j], ref y[(c * m) + rowFirst], length);
            }
        }

        for (; j < columnEnd; j++)
        {
            ref var column = ref a[((long)j * m) + rowFirst];
            for (var c = 0; c < count; c++)
            {
                AccumulateOne(ref column, x[(c * n) + j], ref y[(c * m) + rowFirst], length);
            }
        }
    }

    /// <summary><c>x[c][columns] ← A[rows, columns]ᵀ y[c][rows]</c> for each of <paramref name="count"/> vectors (y: m × count, x: n × count, column-major).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]                       // hot loops: fully optimised from the first call, no tier-0 pass
    public static void TransposeMultiply(double[] a, int m, int n, int rowFirst, int rowEnd, int columnFirst, int columnEnd, double[] y, double[] x, int count)
    {
        var length = rowEnd - rowFirst;
        var stride = (nuint)m;
        var j = columnFirst;
        for (; j + DotColumns <= columnEnd; j += DotColumns)
        {
            ref var columns = ref a[((long)j * m) + rowFirst];
            for (var c = 0; c < count; c++)
            {
                DotEight(ref columns, stride, ref y[(c * m) + rowFirst], length, x.AsSpan((c * n) + j, DotColumns));
            }
        }

        for (; j < columnEnd; j++)
        {
            ref var column = ref a[((long)j * m) + rowFirst];
            for (var c = 0; c < count; c++)
            {
                x[(c * n) + j] = DotOne(ref column, ref y[(c * m) + rowFirst], length);
            }
        }
    }

    /// <summary><c>a·b + c</c>, fused where the hardware fuses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary><c>a·b + c</c>, fused where <see cref="MultiplyAdd(Vector256{double}, Vector256{double}, Vector256{double})"/> fuses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MultiplyAdd(double a, double b, double c) => Fma.IsSupported ? Math.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary>The number of leading rows handled by 256-bit registers in steps of <paramref name="step"/> (none without hardware vectors).</summary>
    private static nuint VectorRows(int length, int step) => Vector256.IsHardwareAccelerated ? (nuint)(length - (length % step)) : 0;

    /// <summary><c>y_i ← (((y_i + x_0 a_{i,0}) + x_1 a_{i,1}) + …) + x_7 a_{i,7}</c> for the eight columns starting at <paramref name="a"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]                       // hot loops: fully optimised from the first call, no tier-0 pass
    private static void AccumulateEight(ref double a, nuint stride, ref double x, ref double y, int length)
    {
        var x0 = Vector256.Create(x);
        var x1 = Vector256.Create(Unsafe.Add(ref x, 1));
        var x2 = Vector256.Create(Unsafe.Add(ref x, 2));
        var x3 = Vector256.Create(Unsafe.Add(ref x, 3));
        var x4 = Vector256.Create(Unsafe.Add(ref x, 4));
        var x5 = Vector256.Create(Unsafe.Add(ref x, 5));
        var x6 = Vector256.Create(Unsafe.Add(ref x, 6));
        var x7 = Vector256.Create(Unsafe.Add(ref x, 7));
        var vectorRows = VectorRows(length, Width);
        for (nuint i = 0; i < vectorRows; i += Width)
        {
            var sum = Vector256.LoadUnsafe(ref y, i);
            sum = MultiplyAdd(x0, Vector256.LoadUnsafe(ref a, i), sum);                  // y_i += x_j a_ij, j in column order
            sum = MultiplyAdd(x1, Vector256.LoadUnsafe(ref a, i + stride), sum);
            sum = MultiplyAdd(x2, Vector256.LoadUnsafe(ref a, i + (2 * stride)), sum);
            sum = MultiplyAdd(x3, Vector256.LoadUnsafe(ref a, i + (3 * stride)), sum);
            sum = MultiplyAdd(x4, Vector256.LoadUnsafe(ref a, i + (4 * stride)), sum);
            sum = MultiplyAdd(x5, Vector256.LoadUnsafe(ref a, i + (5 * stride)), sum);
            sum = MultiplyAdd(x6, Vector256.LoadUnsafe(ref a, i + (6 * stride)), sum);
            sum = MultiplyAdd(x7, Vector256.LoadUnsafe(ref a, i + (7 * stride)), sum);
            sum.StoreUnsafe(ref y, i);
        }

        for (var i = vectorRows; i < (nuint)length; i++)
        {
            var sum = Unsafe.Add(ref y, i);
            for (nuint k = 0; k < AxColumns; k++)
            {
                sum = MultiplyAdd(Unsafe.Add(ref x, k), Unsafe.Add(ref a, i + (k * stride)), sum);   // the same order as the registers
            }

            Unsafe.Add(ref y, i) = sum;
        }
    }

    /// <summary><c>y_i ← y_i + x a_i</c> for one column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]                       // hot loops: fully optimised from the first call, no tier-0 pass
    private static void AccumulateOne(ref double a, double x, ref double y, int length)
    {
        var xs = Vector256.Create(x);
        var vectorRows = VectorRows(length, Width);
        for (nuint i = 0; i < vectorRows; i += Width)
        {
            MultiplyAdd(xs, Vector256.LoadUnsafe(ref a, i), Vector256.LoadUnsafe(ref y, i)).StoreUnsafe(ref y, i);
        }

        for (var i = vectorRows; i < (nuint)length; i++)
        {
            Unsafe.Add(ref y, i) = MultiplyAdd(x, Unsafe.Add(ref a, i), Unsafe.Add(ref y, i));
        }
    }

    /// <summary><c>dots[k] ← a_kᵀ y</c> for the eight columns starting at <paramref name="a"/>, one accumulator (four lanes) per column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]                       // hot loops: fully optimised from the first call, no tier-0 pass
    private static void DotEight(ref double a, nuint stride, ref double y, int length, Span<double> dots)
    {
        Vector256<double> d0 = default, d1 = default, d2 = default, d3 = default, d4 = default, d5 = default, d6 = default, d7 = default;
        var vectorRows = VectorRows(length, Width);
        for (nuint i = 0; i < vectorRows; i += Width)
        {
            var yi = Vector256.LoadUnsafe(ref y, i);                                              // one load of y feeds eight columns
            d0 = MultiplyAdd(Vector256.LoadUnsafe(ref a, i), yi, d0);                              // lane l sums rows ≡ l (mod 4)
            d1 = MultiplyAdd(Vector256.LoadUnsafe(ref a, i + stride), yi, d1);
            d2 = MultiplyAdd(Vector256.LoadUnsafe(ref a, i + (2 * stride)), yi, d2);
            d3 = MultiplyAdd(Vector256.LoadUnsafe(ref a, i + (3 * stride)), yi, d3);
            d4 = MultiplyAdd(Vector256.LoadUnsafe(ref a, i + (4 * stride)), yi, d4);
            d5 = MultiplyAdd(Vector256.LoadUnsafe(ref a, i + (5 * stride)), yi, d5);
            d6 = MultiplyAdd(Vector256.LoadUnsafe(ref a, i + (6 * stride)), yi, d6);
            d7 = MultiplyAdd(Vector256.LoadUnsafe(ref a, i + (7 * stride)), yi, d7);
        }

        (dots[0], dots[1], dots[2], dots[3]) = (Vector256.Sum(d0), Vector256.Sum(d1), Vector256.Sum(d2), Vector256.Sum(d3));
        (dots[4], dots[5], dots[6], dots[7]) = (Vector256.Sum(d4), Vector256.Sum(d5), Vector256.Sum(d6), Vector256.Sum(d7));
        for (var i = vectorRows; i < (nuint)length; i++)
        {
            var yi = Unsafe.Add(ref y, i);
            for (var k = 0; k < DotColumns; k++)
            {
                dots[k] = MultiplyAdd(Unsafe.Add(ref a, i + ((nuint)k * stride)), yi, dots[k]);   // the remaining rows in order
            }
        }
    }

    /// <summary><c>aᵀ y</c> for one column, with the accumulator of <see cref="DotEight"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]                       // hot loops: fully optimised from the first call, no tier-0 pass
    private static double DotOne(ref double a, ref double y, int length)
    {
        var sum = Vector256<double>.Zero;
        var vectorRows = VectorRows(length, Width);
        for (nuint i = 0; i < vectorRows; i += Width)
        {
            sum = MultiplyAdd(Vector256.LoadUnsafe(ref a, i), Vector256.LoadUnsafe(ref y, i), sum);
        }

        var dot = Vector256.Sum(sum);
        for (var i = vectorRows; i < (nuint)length; i++)
        {
            dot = MultiplyAdd(Unsafe.Add(ref a, i), Unsafe.Add(ref y, i), dot);
        }

        return dot;
    }
}
