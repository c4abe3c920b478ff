using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using static SpectralSensitivity.Tests.Hessian.HessianTestCases;

namespace SpectralSensitivity.Tests.Hessian;

public class SingularValueHessianTests
{
    [Theory]
    [InlineData(7, 5, 2)]
    [InlineData(3, 9, 1)]
    [InlineData(6, 6, 4)]
    public void Streamed_fill_writes_the_same_bits_as_the_cached_fill_into_a_destination_at_any_alignment(int rows, int columns, int k)
    {
        var svd = ThinSingularValueDecomposition.Compute(TestSupport.TestMatrices.Gaussian(rows, columns, 40 + rows));
        var resolvent = SpectralSensitivity.Operators.ReducedResolvent.At(svd, k);
        var size = rows * columns;
        var cached = new double[size * size];
        SingularValueHessian.FillUnchecked(resolvent, cached, streamingThresholdBytes: null);
        for (var offset = 0; offset < 4; offset++)
        {
            var streamed = Enumerable.Repeat(double.NaN, size * size + 4).ToArray();
            SingularValueHessian.FillUnchecked(resolvent, streamed.AsSpan(offset, size * size), streamingThresholdBytes: 0);
            streamed.AsSpan(offset, size * size).ToArray().Select(BitConverter.DoubleToInt64Bits)
                .Should().Equal(cached.Select(BitConverter.DoubleToInt64Bits), $"offset {offset}");
        }

        SingularValueHessian.Compute(svd, k).ToColumnMajorArray().Should().Equal(cached, "Compute and Fill agree with the cached fill");
    }

    [Theory]
    [EveryCaseAndIndex]
    public void Dense_Hessian_equals_the_Kronecker_sum_formula_from_full_factors(string name, int k)
    {
        var testCase = Named(name);
        var hessian = SingularValueHessian.Compute(testCase.Svd, k);
        var reference = KroneckerReference(testCase.Matrix, k);
        (hessian - reference).FrobeniusNorm().Should().BeLessThan(8 * HessianErrorScale(testCase.Svd, k));
    }

    [Theory]
    [EveryCaseAndIndex]
    public void Dense_Hessian_is_symmetric(string name, int k)
    {
        var testCase = Named(name);
        var hessian = SingularValueHessian.Compute(testCase.Svd, k);
        (hessian - hessian.Transpose()).FrobeniusNorm().Should().BeLessThan(HessianArithmeticScale(testCase.Svd, k));
    }

    [Theory]
    [EveryCaseAndIndex]
    public void Dense_Hessian_equals_Richardson_extrapolated_central_differences_of_the_gradient(string name, int k)
    {
        var testCase = Named(name);
        var a = testCase.Matrix;
        int m = a.RowCount, n = a.ColumnCount;
        var hessian = SingularValueHessian.Compute(testCase.Svd, k);
        var d = testCase.Svd.Gap(k);
        var norm = testCase.Svd.SingularValues[0];
        // Richardson's (4 D(h/2) − D(h))/3 leaves O(h⁴ (2/d)⁵) truncation; the gradient's rounding error ε‖A‖/d is
        // amplified by 1/h; h balances the two.
        var h = Math.Pow(Epsilon * norm * Math.Pow(d, 4), 0.2);
        var truncation = Math.Pow(2 * h / d, 4) * 2 / d;
        var rounding = Epsilon * norm / (d * h);
        var tolerance = 10 * m * n * (truncation + rounding);
        var difference = Matrix<double>.Build.Dense(m * n, m * n);
        for (var p = 0; p < m * n; p++)
        {
            var coarse = CentralDifference(a, k, p, h);
            var fine = CentralDifference(a, k, p, h / 2);
            difference.SetColumn(p, (4 * fine - coarse) / 3);
        }

        (hessian - difference).FrobeniusNorm().Should().BeLessThan(tolerance);
    }

    [Fact]
    public void Fill_into_caller_storage_equals_the_allocating_form()
    {
        var svd = Named("tall 7x4").Svd;
        var storage = new double[28 * 28];
        SingularValueHessian.Fill(svd, 2, storage);
        storage.Should().Equal(SingularValueHessian.Compute(svd, 2).ToColumnMajorArray());
        var tooShort = () => SingularValueHessian.Fill(svd, 2, new double[10]);
        tooShort.Should().Throw<DimensionMismatchException>();
    }

    [Fact]
    public void Dense_Hessian_over_the_memory_budget_is_refused_with_a_pointer_to_the_Hessian_vector_product()
    {
        var svd = Named("square 5x5").Svd;
        SingularValueHessian.RequiredBytes(5, 5).Should().Be(8.0 * 625);
        var act = () => SingularValueHessian.Compute(svd, 1, new HessianOptions(MemoryBudgetBytes: 4999));
        act.Should().Throw<HessianMemoryBudgetExceededException>().WithMessage("*HessianVectorProduct*")
            .Which.RequiredBytes.Should().Be(5000);
        SingularValueHessian.Compute(svd, 1, new HessianOptions(MemoryBudgetBytes: 5000)).RowCount.Should().Be(25);
        var huge = ThinSingularValueDecomposition.FromFactors(
            Matrix<double>.Build.DenseIdentity(300, 200), Vector<double>.Build.Dense(200, i => 200.0 - i), Matrix<double>.Build.DenseIdentity(200, 200));
        var defaultBudget = () => SingularValueHessian.Compute(huge, 1);
        defaultBudget.Should().Throw<HessianMemoryBudgetExceededException>().Which.BudgetBytes.Should().Be(HessianOptions.DefaultMemoryBudgetBytes);
        var invalid = () => SingularValueHessian.Compute(svd, 1, new HessianOptions(0));
        invalid.Should().Throw<InvalidSpectralInputException>();
    }

    [Fact]
    public void Dense_Hessian_refuses_repeated_and_zero_singular_values()
    {
        var repeated = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseDiagonal(3, 4, i => i == 0 ? 3.0 : 1.0));
        var act = () => SingularValueHessian.Compute(repeated, 2);
        act.Should().Throw<DegenerateSpectrumException>().Which.CollidingIndices.Should().Equal(2, 3);
        var zero = () => SingularValueHessian.Compute(Named("rank-deficient square 5x5 rank 2").Svd, 3);
        zero.Should().Throw<DegenerateSpectrumException>().Which.Kind.Should().Be(Degeneracy.Zero);
    }

    /// <summary>Column p of the Hessian by central differences of the gradient along the unit matrix of entry p.</summary>
    private static Vector<double> CentralDifference(Matrix<double> a, int k, int p, double h)
    {
        int m = a.RowCount, i = p % m, j = p / m;
        var plus = a.Clone();
        plus[i, j] += h;
        var minus = a.Clone();
        minus[i, j] -= h;
        var gradientPlus = SingularValueGradient.Compute(ThinSingularValueDecomposition.Compute(plus), k);
        var gradientMinus = SingularValueGradient.Compute(ThinSingularValueDecomposition.Compute(minus), k);
        return Vec((gradientPlus - gradientMinus) / (2 * h));
    }
}
