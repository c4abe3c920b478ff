using FluentAssertions;
using SpectralSensitivity.Matrices;

namespace SpectralSensitivity.Tests.Matrices;

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
}
