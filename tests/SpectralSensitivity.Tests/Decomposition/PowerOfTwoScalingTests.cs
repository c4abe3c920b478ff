using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Tests.Decomposition;

/// <summary>The scaled copy is <c>2^−e A</c> exactly, e the exponent of the largest entry, down to a largest entry that is subnormal.</summary>
public sealed class PowerOfTwoScalingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    [InlineData(-1022)]
    [InlineData(-1023)]
    [InlineData(-1030)]
    [InlineData(-1060)]
    [InlineData(1000)]
    public void The_scaled_copy_has_its_largest_entry_in_1_2_and_every_entry_exact(int exponent)
    {
        // integers below 2^12 times 2^(exponent − 11): the largest, 2^11 + 1, lands in [2^exponent, 2^(exponent+1)); every entry is exact
        // even where it is subnormal (exponent − 11 ≥ −1074), and 9 entries leave a tail beyond the SIMD width.
        var integers = Matrix<double>.Build.DenseOfArray(new double[,] { { 2049, -7, 0 }, { 3, 1, -1024 }, { 5, 0, 11 } });
        var a = integers.Map(x => Math.ScaleB(x, exponent - 11));
        PowerOfTwoScaling.ExponentFor(a).Should().Be(exponent);
        var expected = integers.Map(x => Math.ScaleB(x, -11));                    // 2^−e A, largest entry 2049/2048
        PowerOfTwoScaling.ScaledArray(a, exponent, false).Should().Equal(expected.ToColumnMajorArray());
        PowerOfTwoScaling.ScaledArray(a, exponent, true).Should().Equal(expected.Transpose().ToColumnMajorArray());
    }

    [Fact]
    public void A_zero_matrix_has_exponent_zero_and_a_zero_copy()
    {
        var zero = Matrix<double>.Build.Dense(3, 5);
        PowerOfTwoScaling.ExponentFor(zero).Should().Be(0);
        PowerOfTwoScaling.ScaledArray(zero, 0, true).Should().Equal(new double[15]);
    }

    [Fact]
    public void A_matrix_of_subnormal_entries_factors_as_its_normal_multiple()
    {
        // exact in binary at 2^-1064: the largest entry 2^-1060 is subnormal, yet the scaled array, and so the factorization, is that of A
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 9, 3, 1 }, { 3, 6, 2 }, { 1, 2, 1 }, { 4, 0, 5 } });
        var reference = ThinSingularValueDecomposition.Compute(a);
        var tiny = ThinSingularValueDecomposition.Compute(a.Map(x => Math.ScaleB(x, -1064)));
        tiny.Factors.ScaledValues.ToArray().Should().Equal(reference.Factors.ScaledValues.ToArray());
        tiny.Factors.ScaleExponent.Should().Be(reference.Factors.ScaleExponent - 1064);
        tiny.LeftVectors.Should().Be(reference.LeftVectors);
        tiny.RightVectors.Should().Be(reference.RightVectors);
    }
}
