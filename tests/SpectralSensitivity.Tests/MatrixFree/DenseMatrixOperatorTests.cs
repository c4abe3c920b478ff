using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree;

/// <summary>
/// The dense operator's SIMD products against two independent references: exact integer arithmetic (every product and
/// partial sum an integer below 2^53, so any summation order gives the exact answer) and a compensated dot product
/// (Ogita-Rump-Oishi Dot2, nearly exact) with the forward error bound <c>γ_n (|A||x|)_i</c>, <c>γ_n = n u / (1 − n u)</c>.
/// Shapes cover single rows and columns, sizes not multiples of the vector width or of the column groups, tall and wide
/// matrices whose summation index is cut into parts, and blocks crossing the output block boundaries.
/// </summary>
public class DenseMatrixOperatorTests
{
    private const double UnitRoundoff = 1.1102230246251565e-16;   // 2^-53

    public static IEnumerable<object[]> Shapes() =>
    [
        [1, 1], [1, 9], [9, 1], [1, 3001], [3001, 1], [13, 11], [8, 8], [33, 37], [2049, 1027], [4099, 23], [23, 4099],
        [20_011, 37], [37, 20_011], [3001, 2101],
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Integer_matrices_give_the_exact_products(int m, int n)
    {
        var random = new Random((m * 7919) + n);
        var a = Matrix<double>.Build.Dense(m, n, (_, _) => random.Next(-8, 9));
        var x = Enumerable.Range(0, n).Select(_ => (double)random.Next(-8, 9)).ToArray();
        var y = Enumerable.Range(0, m).Select(_ => (double)random.Next(-8, 9)).ToArray();
        var op = new DenseMatrixOperator(a);
        var (ax, aty) = (new double[m], new double[n]);
        op.Multiply(x, ax);
        op.TransposeMultiply(y, aty);
        ax.Should().Equal(Exact(a, x, transpose: false), "|sums| ≤ 64 n < 2^53: every order is exact");
        aty.Should().Equal(Exact(a, y, transpose: true));
        var gram = new double[m];
        ((IOuterGramOperator)op).MultiplyOuterGram(y, gram);
        gram.Should().Equal(Exact(a, Exact(a, y, transpose: true), transpose: false), "A (Aᵀ y) in one pass: |sums| ≤ 2^12 m n < 2^53, exact too");
    }

    [Fact]
    public void The_one_pass_outer_gram_product_scales_exactly_through_a_power_of_two_scaling()
    {
        var a = TestMatrices.Gaussian(300, 2101, 25);
        var y = TestMatrices.Gaussian(300, 1, 26).Column(0).ToArray();
        var op = new DenseMatrixOperator(a);
        var (gram, scaledGram) = (new double[300], new double[300]);
        ((IOuterGramOperator)op).MultiplyOuterGram(y, gram);
        new ScaledOperator(op, -100).MultiplyOuterGram(y, scaledGram);
        scaledGram.Should().Equal(gram.Select(v => Math.ScaleB(v, -200)), "2^−100 A (2^−100 A)ᵀ y = 2^−200 A Aᵀ y, exactly");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Products_are_within_the_forward_error_bound_of_a_compensated_reference(int m, int n)
    {
        RequireBothWithinBound(m, n, m + (31 * n));
    }

    [Fact]
    public void Random_small_shapes_are_within_the_forward_error_bound()
    {
        Prop.ForAll(Gen.Choose(1, 70).ToArbitrary(), Gen.Choose(1, 70).ToArbitrary(), Gen.Choose(1, 10_000).ToArbitrary(), RequireBothWithinBound)
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(37, 20_011, 3)]
    [InlineData(20_011, 37, 5)]
    [InlineData(2049, 1027, 2)]
    [InlineData(7, 5, 4)]
    public void Block_products_have_the_bits_of_the_single_products(int m, int n, int count)
    {
        var op = new DenseMatrixOperator(TestMatrices.Gaussian(m, n, 17));
        var x = TestMatrices.Gaussian(n, count, 18).ToColumnMajorArray();
        var y = TestMatrices.Gaussian(m, count, 19).ToColumnMajorArray();
        var (ax, aty) = (new double[m * count], new double[n * count]);
        ((ILinearOperator)op).MultiplyBlock(x, ax, count);
        ((ILinearOperator)op).TransposeMultiplyBlock(y, aty, count);
        for (var c = 0; c < count; c++)
        {
            var (single, singleT) = (new double[m], new double[n]);
            op.Multiply(x.AsSpan(c * n, n), single);
            op.TransposeMultiply(y.AsSpan(c * m, m), singleT);
            ax.AsSpan(c * m, m).ToArray().Should().Equal(single, "vector {0} of the block", c);
            aty.AsSpan(c * n, n).ToArray().Should().Equal(singleT, "vector {0} of the block", c);
        }
    }

    [Fact]
    public void Power_of_two_scaling_scales_the_products_exactly()
    {
        var a = TestMatrices.Gaussian(3001, 2101, 23);
        var x = TestMatrices.Gaussian(2101, 1, 24).Column(0).ToArray();
        var (op, scaled) = (new DenseMatrixOperator(a), new DenseMatrixOperator(a * Math.ScaleB(1.0, 900)));
        var (ax, scaledAx) = (new double[3001], new double[3001]);
        op.Multiply(x, ax);
        scaled.Multiply(x, scaledAx);
        scaledAx.Should().Equal(ax.Select(v => Math.ScaleB(v, 900)));
    }

    [Fact]
    public void Wrong_lengths_and_counts_are_named()
    {
        var op = new DenseMatrixOperator(Matrix<double>.Build.Dense(3, 2, 1.0));
        ((Action)(() => op.Multiply(new double[3], new double[3]))).Should().Throw<DimensionMismatchException>();
        ((Action)(() => op.TransposeMultiply(new double[3], new double[3]))).Should().Throw<DimensionMismatchException>();
        ((Action)(() => op.MultiplyBlock(new double[4], new double[5], 2))).Should().Throw<DimensionMismatchException>().WithMessage("*2 vectors*");
        ((Action)(() => op.TransposeMultiplyBlock(new double[5], new double[4], 2))).Should().Throw<DimensionMismatchException>();
        ((Action)(() => op.MultiplyBlock(new double[4], new double[6], -1))).Should().Throw<ArgumentOutOfRangeException>();
        var untouched = new[] { 5.0 };
        op.MultiplyBlock([], untouched, 0);
        untouched.Should().Equal(5.0);
    }

    /// <summary>Both products of a seeded Gaussian m × n matrix with seeded Gaussian vectors, each checked by <see cref="RequireWithinBound"/>.</summary>
    private static void RequireBothWithinBound(int m, int n, int seed)
    {
        var a = TestMatrices.Gaussian(m, n, seed);
        var x = TestMatrices.Gaussian(n, 1, seed + 1).Column(0).ToArray();
        var y = TestMatrices.Gaussian(m, 1, seed + 2).Column(0).ToArray();
        var op = new DenseMatrixOperator(a);
        var (ax, aty) = (new double[m], new double[n]);
        op.Multiply(x, ax);
        op.TransposeMultiply(y, aty);
        RequireWithinBound(ax, a, x, transpose: false);
        RequireWithinBound(aty, a, y, transpose: true);
    }

    /// <summary>A x or Aᵀ y in exact integer arithmetic (long).</summary>
    private static double[] Exact(Matrix<double> a, double[] v, bool transpose)
    {
        var outputs = transpose ? a.ColumnCount : a.RowCount;
        return Enumerable.Range(0, outputs).Select(o =>
        {
            long sum = 0;
            for (var k = 0; k < v.Length; k++)
            {
                sum += (long)(transpose ? a[k, o] : a[o, k]) * (long)v[k];
            }

            return (double)sum;
        }).ToArray();
    }

    /// <summary>|computed_i − reference_i| ≤ γ_n (|A||v|)_i + 2u |reference_i| with a Dot2 reference (its own error is below the second term).</summary>
    private static void RequireWithinBound(double[] computed, Matrix<double> a, double[] v, bool transpose)
    {
        var length = v.Length;
        var gamma = length * UnitRoundoff / (1 - (length * UnitRoundoff));
        for (var o = 0; o < computed.Length; o++)
        {
            var (sum, compensation, magnitude) = (0.0, 0.0, 0.0);
            for (var k = 0; k < length; k++)
            {
                var entry = transpose ? a[k, o] : a[o, k];
                var product = entry * v[k];
                var productError = Math.FusedMultiplyAdd(entry, v[k], -product);     // TwoProduct
                var next = sum + product;
                var z = next - sum;
                compensation += (sum - (next - z)) + (product - z) + productError;  // TwoSum error plus product error
                sum = next;
                magnitude += Math.Abs(product);
            }

            var reference = sum + compensation;
            var bound = (gamma * magnitude * (1 + (4 * UnitRoundoff))) + (2 * UnitRoundoff * Math.Abs(reference));
            Math.Abs(computed[o] - reference).Should().BeLessThanOrEqualTo(bound, "output {0} of {1} ({2})", o, computed.Length, transpose ? "A^T y" : "A x");
        }
    }
}
