using FluentAssertions;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Tests.Operators;

public class ColumnKernelsTests
{
    /// <summary>Lengths below, at and around multiples of the SIMD width, so the vector body and the scalar tail both run.</summary>
    public static TheoryData<int> Lengths => new() { 0, 1, 3, 4, 5, 8, 9, 17 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Kernels_equal_their_scalar_definitions(int length)
    {
        var x = Enumerable.Range(0, length).Select(i => 1.0 + i).ToArray();
        var y = Enumerable.Range(0, length).Select(i => 0.5 - i).ToArray();
        ColumnKernels.Dot(x, y).Should().Be(x.Zip(y, (a, b) => a * b).Sum());

        var axpy = (double[])y.Clone();
        ColumnKernels.Axpy(2.0, x, axpy);
        axpy.Should().Equal(x.Zip(y, (a, b) => b + 2.0 * a));

        var combined = new double[length + 2];
        ColumnKernels.Combine(3.0, x, -1.0, y, combined);
        combined.Take(length).Should().Equal(x.Zip(y, (a, b) => 3.0 * a - b));
        combined.Skip(length).Should().Equal(0.0, 0.0);
    }

    [Fact]
    public void Transposed_column_product_equals_the_matrix_product()
    {
        // 3 × 2 column-major [[1, 4], [2, 5], [3, 6]]
        double[] matrix = [1, 2, 3, 4, 5, 6];
        var transposed = new double[2];
        ColumnKernels.TransposeMultiplyColumns(matrix, 3, [1.0, 0.0, 1.0], transposed);
        transposed.Should().Equal(4.0, 10.0);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(700, 400)]   // above ParallelThreshold: ApplyEmbedded's multi-core path runs
    public void Array_kernels_equal_the_dense_products_serial_and_parallel(int rows, int columns)
    {
        var e = TestSupport.TestMatrices.Gaussian(rows, columns, 5);
        var storage = ColumnKernels.Storage(e);
        var source = TestSupport.TestMatrices.Gaussian(rows + columns, 1, 6).Column(0).ToArray();
        var x = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(source[..rows]);
        var y = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(source[rows..]);
        var tolerance = 1e-12 * Math.Sqrt(rows * columns);

        var embedded = new double[rows + columns];
        ColumnKernels.ApplyEmbedded(storage, rows, columns, source, embedded);
        embedded[..rows].Should().Equal((e * y).ToArray(), (p, q) => Math.Abs(p - q) < tolerance);
        embedded[rows..].Should().Equal(e.TransposeThisAndMultiply(x).ToArray(), (p, q) => Math.Abs(p - q) < tolerance);

        var transposed = new double[columns];
        ColumnKernels.TransposeMultiplyColumns(storage, rows, source.AsSpan(0, rows), transposed);
        transposed.Should().Equal(e.TransposeThisAndMultiply(x).ToArray(), (p, q) => Math.Abs(p - q) < tolerance);

        var product = new double[rows];
        ColumnKernels.MultiplyColumns(storage, rows, source.AsSpan(rows), product);
        product.Should().Equal((e * y).ToArray(), (p, q) => Math.Abs(p - q) < tolerance);
    }

    [Fact]
    public void Spectral_norm_bound_is_a_bound_detects_non_finite_and_survives_overflow()
    {
        var e = TestSupport.TestMatrices.Gaussian(9, 5, 7);
        var bound = ColumnKernels.SpectralNormBound(ColumnKernels.Storage(e), 9, 5);
        bound.Should().BeGreaterOrEqualTo(e.L2Norm() * (1 - 1e-14));
        bound.Should().BeLessOrEqualTo(e.FrobeniusNorm() * (1 + 1e-14));
        var huge = e * 1e200;
        ColumnKernels.SpectralNormBound(ColumnKernels.Storage(huge), 9, 5).Should().BeApproximately(bound * 1e200, 1e-12 * bound * 1e200);
        var bad = e.Clone();
        bad[4, 3] = double.PositiveInfinity;
        ColumnKernels.SpectralNormBound(ColumnKernels.Storage(bad), 9, 5).Should().Be(double.NaN);
    }
}
