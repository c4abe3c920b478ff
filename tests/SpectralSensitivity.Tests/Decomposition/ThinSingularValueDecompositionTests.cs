using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition;

public class ThinSingularValueDecompositionTests
{
    public static IEnumerable<object[]> SpecialMatrices() =>
        Matrices().SelectMany(row => Enum.GetValues<DecompositionRefinement>().Select(refinement => new[] { row[0], row[1], refinement }));

    private static IEnumerable<object[]> Matrices()
    {
        yield return ["1x1", Matrix<double>.Build.Dense(1, 1, 3.0)];
        yield return ["1x5", TestMatrices.Gaussian(1, 5, 1)];
        yield return ["5x1", TestMatrices.Gaussian(5, 1, 2)];
        yield return ["zero 3x4", Matrix<double>.Build.Dense(3, 4)];
        yield return ["identity 4x4", Matrix<double>.Build.DenseIdentity(4)];
        yield return ["tall 9x4", TestMatrices.Gaussian(9, 4, 3)];
        yield return ["wide 4x9", TestMatrices.Gaussian(4, 9, 4)];
        yield return ["rank-deficient 8x6", TestMatrices.RankDeficient(8, 6, 3, 5)];
        yield return ["ill-conditioned 6x6", TestMatrices.WithSingularValues(6, 6, [1, 1e-3, 1e-6, 1e-9, 1e-12, 1e-15], 6)];
        yield return ["repeated 7x5", TestMatrices.WithSingularValues(7, 5, [3, 2, 2, 2, 1], 7)];
        yield return ["huge wide 3x8", TestMatrices.Gaussian(3, 8, 8) * 1e300];
        yield return ["tiny tall 8x3", TestMatrices.Gaussian(8, 3, 9) * 1e-300];
    }

    [Theory]
    [MemberData(nameof(SpecialMatrices))]
    public void Factors_reproduce_the_matrix_and_are_orthonormal(string name, Matrix<double> a, DecompositionRefinement refinement)
    {
        var svd = ThinSingularValueDecomposition.Compute(a, refinement);
        var r = Math.Min(a.RowCount, a.ColumnCount);
        svd.LeftVectors.ColumnCount.Should().Be(r, name);
        svd.RightVectors.ColumnCount.Should().Be(r, name);
        var scale = UnitScale(a); // norms of matrices near 1e±300 are taken after an exact power-of-two scaling
        var tolerance = Tolerance.Residual(a / scale) + 1e-14;
        var reconstructed = svd.LeftVectors * Matrix<double>.Build.DenseOfDiagonalVector(svd.SingularValues / scale) * svd.RightVectors.Transpose();
        (reconstructed - (a / scale)).L2Norm().Should().BeLessThan(tolerance, name);
        if (svd.Rank == r || refinement == DecompositionRefinement.ExtendedPrecision)
        {
            // The refined factors are exact ones rounded to double: orthonormal to a few ε even where the rank is deficient.
            var orthonormality = refinement == DecompositionRefinement.ExtendedPrecision ? 4 * Tolerance.Epsilon * Math.Sqrt(Math.Max(a.RowCount, a.ColumnCount)) : 1e-13;
            (svd.LeftVectors.TransposeThisAndMultiply(svd.LeftVectors) - Matrix<double>.Build.DenseIdentity(r)).L2Norm().Should().BeLessThan(orthonormality, name);
            (svd.RightVectors.TransposeThisAndMultiply(svd.RightVectors) - Matrix<double>.Build.DenseIdentity(r)).L2Norm().Should().BeLessThan(orthonormality, name);
        }
    }

    [Theory]
    [MemberData(nameof(SpecialMatrices))]
    public void Singular_values_are_descending_non_negative_and_match_MathNet(string name, Matrix<double> a, DecompositionRefinement refinement)
    {
        var svd = ThinSingularValueDecomposition.Compute(a, refinement);
        // MathNet's own SVD fails near the ends of the double range; compare with it on A scaled to unit size (exact).
        var scale = UnitScale(a);
        var expected = (a / scale).Svd(computeVectors: false).S * scale;
        for (var i = 0; i < svd.Size; i++)
        {
            svd.SingularValues[i].Should().BeGreaterOrEqualTo(0, name);
            if (i > 0)
            {
                svd.SingularValues[i].Should().BeLessOrEqualTo(svd.SingularValues[i - 1], name);
            }

            svd.SingularValues[i].Should().BeApproximately(expected[i], (Tolerance.Residual(a / scale) * scale) + 1e-300, name);
        }
    }

    private static double UnitScale(Matrix<double> a)
    {
        var largest = a.Enumerate().Max(Math.Abs);
        return largest > 0 ? Math.ScaleB(1.0, Math.ILogB(largest)) : 1.0;
    }

    [Theory]
    [InlineData(900)]
    [InlineData(-900)]
    public void Entries_near_the_ends_of_the_double_range_give_exactly_scaled_factors(int exponent)
    {
        // MathNet's SVD alone fails to converge on entries near 1e300; the decomposition scales by powers of two first.
        var raw = TestMatrices.Gaussian(7, 4, 19);
        var a = raw / Math.ScaleB(1.0, Math.ILogB(raw.Enumerate().Max(Math.Abs))); // largest entry in [1, 2): left unscaled
        a.Enumerate().Max(Math.Abs).Should().BeInRange(1.0, 2.0);
        var reference = ThinSingularValueDecomposition.Compute(a);
        var scaled = ThinSingularValueDecomposition.Compute(a * Math.ScaleB(1.0, exponent));
        scaled.SingularValues.Select(x => Math.ScaleB(x, -exponent)).Should().Equal(reference.SingularValues);
        scaled.LeftVectors.Should().Be(reference.LeftVectors);
        scaled.RightVectors.Should().Be(reference.RightVectors);
    }

    [Fact]
    public void Singular_values_beyond_the_double_range_are_reported_not_returned_as_infinity()
    {
        var a = Matrix<double>.Build.Dense(4, 4, double.MaxValue / 2);
        FluentActions.Invoking(() => ThinSingularValueDecomposition.Compute(a)).Should().Throw<InvalidSpectralInputException>()
            .WithMessage("*exceeds the double range*");
    }

    [Fact]
    public void Rank_counts_values_above_the_default_tolerance()
    {
        ThinSingularValueDecomposition.Compute(TestMatrices.RankDeficient(8, 6, 3, 11)).Rank.Should().Be(3);
        ThinSingularValueDecomposition.Compute(Matrix<double>.Build.Dense(3, 4)).Rank.Should().Be(0);
        ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseIdentity(4)).Rank.Should().Be(4);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(3, 5)]
    [InlineData(4, 4)]
    public void Gap_is_the_distance_to_the_rest_of_the_spectrum_of_H(int m, int n)
    {
        var a = TestMatrices.Gaussian(m, n, 21);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var spectrum = JordanWielandt.Dense(a).Evd().EigenValues.Select(z => z.Real).OrderBy(x => x).ToArray();
        for (var k = 1; k <= svd.Size; k++)
        {
            var sk = svd.SingularValue(k);
            var nearest = spectrum.Select(x => Math.Abs(x - sk)).OrderBy(x => x).Skip(1).First();
            svd.Gap(k).Should().BeApproximately(nearest, 1e-12);
        }
    }

    [Fact]
    public void Repeated_and_zero_values_are_reported_with_the_colliding_indices()
    {
        var a = TestMatrices.WithSingularValues(5, 4, [3, 2, 2, 0], 31);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var repeated = FluentActions.Invoking(() => svd.RequireIsolated(2)).Should().Throw<DegenerateSpectrumException>().Which;
        repeated.Kind.Should().Be(Degeneracy.Repeated);
        repeated.CollidingIndices.Should().Equal(2, 3);
        repeated.Message.Should().Contain("indices 2, 3");
        var zero = FluentActions.Invoking(() => svd.RequireIsolated(4)).Should().Throw<DegenerateSpectrumException>().Which;
        zero.Kind.Should().Be(Degeneracy.Zero);
        FluentActions.Invoking(() => svd.RequireIsolated(1)).Should().NotThrow();
    }

    [Fact]
    public void Bad_input_throws_typed_exceptions_that_name_the_problem()
    {
        var nan = Matrix<double>.Build.Dense(3, 3);
        nan[1, 2] = double.NaN;
        FluentActions.Invoking(() => ThinSingularValueDecomposition.Compute(nan)).Should().Throw<NonFiniteInputException>()
            .WithMessage("*row 1, column 2*");
        var inf = Matrix<double>.Build.Dense(2, 2);
        inf[0, 0] = double.PositiveInfinity;
        FluentActions.Invoking(() => ThinSingularValueDecomposition.Compute(inf)).Should().Throw<NonFiniteInputException>();
        FluentActions.Invoking(() => ThinSingularValueDecomposition.Compute(Matrix<double>.Build.Dense(0, 3))).Should().Throw<EmptyMatrixException>();
        var svd = ThinSingularValueDecomposition.Compute(TestMatrices.Gaussian(3, 2, 1));
        FluentActions.Invoking(() => svd.SingularValue(3)).Should().Throw<SpectralIndexOutOfRangeException>().WithMessage("*1..2*");
        FluentActions.Invoking(() => svd.SingularValue(0)).Should().Throw<SpectralIndexOutOfRangeException>();
        FluentActions.Invoking(() => ThinSingularValueDecomposition.Compute(svd.LeftVectors, new SpectralTolerances(ZeroTolerance: -1)))
            .Should().Throw<InvalidSpectralInputException>().WithMessage("*zero tolerance*");
    }

    [Fact]
    public void FromFactors_checks_shapes_and_order()
    {
        var svd = ThinSingularValueDecomposition.Compute(TestMatrices.Gaussian(4, 3, 2));
        ThinSingularValueDecomposition.FromFactors(svd.LeftVectors, svd.SingularValues, svd.RightVectors).Rank.Should().Be(3);
        var ascending = Vector<double>.Build.DenseOfEnumerable(svd.SingularValues.Reverse());
        FluentActions.Invoking(() => ThinSingularValueDecomposition.FromFactors(svd.LeftVectors, ascending, svd.RightVectors))
            .Should().Throw<InvalidSpectralInputException>().WithMessage("*descending*");
        FluentActions.Invoking(() => ThinSingularValueDecomposition.FromFactors(svd.LeftVectors, svd.SingularValues, svd.LeftVectors))
            .Should().Throw<DimensionMismatchException>();
    }
}
