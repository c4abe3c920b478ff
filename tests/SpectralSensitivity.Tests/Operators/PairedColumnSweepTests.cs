using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Operators;

public class PairedColumnSweepTests
{
    [Theory]
    [InlineData(3, 2, 2)]
    [InlineData(5, 9, 4)]     // r below both dimensions, odd lengths: the SIMD tails run
    [InlineData(700, 400, 400)] // above ParallelThreshold: pairs split across cores, partial sums added
    public void Sweep_equals_project_scale_reconstruct_with_dense_products(int m, int n, int r)
    {
        // Any U, V (orthonormality is not assumed by the kernel); reference (U (D a + C b); V (C a + D b)) by MathNet products.
        var u = TestMatrices.Gaussian(m, r, 11);
        var v = TestMatrices.Gaussian(n, r, 12);
        var d = Enumerable.Range(0, r).Select(i => 1.0 + (0.5 * i)).ToArray();
        var c = Enumerable.Range(0, r).Select(i => 0.25 - (0.1 * i)).ToArray();
        var source = TestMatrices.Gaussian(m + n, 1, 13).Column(0);
        var a = u.TransposeThisAndMultiply(source.SubVector(0, m));
        var b = v.TransposeThisAndMultiply(source.SubVector(m, n));
        var alpha = Vector<double>.Build.Dense(r, i => (d[i] * a[i]) + (c[i] * b[i]));
        var beta = Vector<double>.Build.Dense(r, i => (c[i] * a[i]) + (d[i] * b[i]));
        var expected = (u * alpha).ToArray().Concat((v * beta).ToArray()).ToArray();

        var partials = PairedColumnSweep.CreatePartials(m + n, r);
        partials.Length.Should().Be((m + n) * r < ColumnKernels.ParallelThreshold ? 0 : ColumnKernels.FixedPartCount, "a fixed partition, never the core count");
        var result = Enumerable.Repeat(double.NaN, m + n).ToArray(); // every entry must be written
        PairedColumnSweep.Apply(ColumnKernels.Storage(u), m, ColumnKernels.Storage(v), n, d, c, source.ToArray(), result, partials);

        var tolerance = 1e-13 * Math.Sqrt(r) * expected.Max(Math.Abs);
        result.Should().Equal(expected, (p, q) => Math.Abs(p - q) <= tolerance);

        PairedColumnSweep.Apply(ColumnKernels.Storage(u), m, ColumnKernels.Storage(v), n, d, c, source.ToArray(), result, partials);
        result.Should().Equal(expected, (p, q) => Math.Abs(p - q) <= tolerance, "the accumulators are cleared between calls");
    }
}
