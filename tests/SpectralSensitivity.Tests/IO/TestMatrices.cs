using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Tests.IO;

/// <summary>Matrices whose entries stress exact number round trips, and a bitwise comparison.</summary>
internal static class TestMatrices
{
    private static readonly double[] SpecialValues =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, 2.2250738585072009e-308, 2.2250738585072014e-308,
        double.MaxValue, -double.MaxValue, 1e-300, 1e300, 0.1, 1.0 / 3.0, -123456789.123456789, 5e-324, 9007199254740993.0,
    ];

    /// <summary>The shapes every round-trip test covers: 1x1, a row, a column, square, tall and wide.</summary>
    public static TheoryData<int, int> Shapes => new() { { 1, 1 }, { 1, 7 }, { 6, 1 }, { 4, 4 }, { 9, 3 }, { 2, 11 } };

    /// <summary>A finite matrix mixing special values with random bit patterns of every exponent.</summary>
    /// <param name="rows">Rows.</param>
    /// <param name="columns">Columns.</param>
    /// <param name="seed">Seed of the pseudo-random choices.</param>
    /// <returns>The matrix.</returns>
    public static Matrix<double> Stressing(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => random.Next(3) == 0
            ? SpecialValues[random.Next(SpecialValues.Length)]
            : RandomFiniteBits(random));
    }

    /// <summary>Asserts same shape and the same bits in every entry (so -0 differs from +0).</summary>
    /// <param name="actual">The matrix read back.</param>
    /// <param name="expected">The matrix written.</param>
    public static void ShouldBeBitwiseEqualTo(this Matrix<double> actual, Matrix<double> expected)
    {
        actual.RowCount.Should().Be(expected.RowCount);
        actual.ColumnCount.Should().Be(expected.ColumnCount);
        for (var i = 0; i < expected.RowCount; i++)
        {
            for (var j = 0; j < expected.ColumnCount; j++)
            {
                BitConverter.DoubleToInt64Bits(actual[i, j]).Should().Be(
                    BitConverter.DoubleToInt64Bits(expected[i, j]), $"entry ({i}, {j}) was {expected[i, j]:R}, read back as {actual[i, j]:R}");
            }
        }
    }

    /// <summary>A matrix from rows of values.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The matrix.</returns>
    public static Matrix<double> Of(params double[][] rows) => Matrix<double>.Build.DenseOfRowArrays(rows);

    private static double RandomFiniteBits(Random random)
    {
        while (true)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(value))
            {
                return value;
            }
        }
    }
}
