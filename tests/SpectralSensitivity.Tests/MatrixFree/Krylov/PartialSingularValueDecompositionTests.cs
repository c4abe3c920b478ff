using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

public class PartialSingularValueDecompositionTests
{
    [Theory]
    [InlineData(300, 200, 5, 0.05)]
    [InlineData(150, 260, 3, 0.05)]
    [InlineData(40, 40, 40, 0.5)]
    public void Top_triplets_match_the_dense_svd_and_have_small_residuals(int rows, int columns, int count, double density)
    {
        var a = SparseTestMatrices.Random(rows, columns, density, seed: rows + columns);
        var partial = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), count);
        var dense = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a));
        var s1 = dense.SingularValues[0];
        for (var i = 0; i < count; i++)
        {
            partial.SingularValues[i].Should().BeApproximately(dense.SingularValues[i], 1e-11 * s1, "s_{0}", i + 1);
            partial.LeftResiduals[i].Should().BeLessThan(2e-12 * s1);
            partial.RightResiduals[i].Should().BeLessThan(2e-12 * s1);
            var alignment = Math.Abs(partial.LeftVectors.Column(i) * dense.LeftVectors.Column(i));
            alignment.Should().BeApproximately(1.0, 1e-8);
        }

        // independent check of the reported residuals
        var v = partial.RightVectors.Column(0);
        var u = partial.LeftVectors.Column(0);
        (a * v - partial.SingularValues[0] * u).L2Norm().Should().BeApproximately(partial.LeftResiduals[0], 1e-14 * s1);
    }

    /// <summary>s₁ = 10 isolated, s₂ = 5 a relative 1e-4 above s₃ (so Lanczos separates s₂ from s₃ slowly), then 4.9 down to 0.1.</summary>
    internal static Matrix<double> SlowSecond(int rows, int columns, int seed) =>
        TestMatrices.WithSingularValues(rows, columns, [10.0, 5.0, 5.0 * (1 - 1e-4), .. Enumerable.Range(0, columns - 3).Select(i => 4.9 - (4.8 * i / (columns - 4)))], seed);

    public static TheoryData<int, int> GapCases() => new() { { 0, 1 }, { 0, 3 }, { 1, 1 }, { 2, 1 }, { 2, 2 }, { 3, 1 }, { 3, 2 } };

    /// <summary>Sparse random, dense entries in [0, 1) (s₁ an outlier, s₂ at the edge of the bulk), dense mean zero (s₁ at the edge), and
    /// <see cref="SlowSecond"/>.</summary>
    private static Matrix<double> GapCase(int kind) => kind switch
    {
        0 => SparseTestMatrices.Random(300, 200, 0.02, seed: 41),
        1 => Uniform(240, 180, 0.0, seed: 43),
        2 => Uniform(240, 180, 0.5, seed: 47),
        _ => SlowSecond(250, 180, seed: 53),
    };

    /// <summary>The rounding error of the dense SVD's values, about ε √n ‖A‖₂, with room.</summary>
    private static double Slack(double s1) => 1e-13 * s1;

    /// <summary>Dense, entries uniform in [−offset, 1 − offset).</summary>
    internal static Matrix<double> Uniform(int rows, int columns, double offset, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() - offset);
    }

    [Theory]
    [MemberData(nameof(GapCases))]
    public void The_gap_bounds_are_lower_bounds_of_the_dense_gaps_and_the_last_one_is_within_an_eighth(int kind, int index)
    {
        var a = GapCase(kind);
        var svd = PartialSingularValueDecomposition.ComputeThrough(LinearOperator.FromMatrix(a), index);
        var dense = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a)).SingularValues;
        var s1 = dense[0];
        svd.Count.Should().Be(index + 1);
        svd.ConvergedCount.Should().Be(index);
        for (var k = 1; k <= index; k++)
        {
            var gap = Math.Min(k > 1 ? dense[k - 2] - dense[k - 1] : double.PositiveInfinity, dense[k - 1] - dense[k]);
            svd.GapBound(k).Should().BeLessThanOrEqualTo(gap + Slack(s1), "a lower bound of the gap of s_{0}", k);
            svd.GapBound(k).Should().BeGreaterThan(0.85 * gap, "within an eighth of the gap of s_{0} (and rounding)", k);
            svd.SingularValues[k - 1].Should().BeApproximately(dense[k - 1], 1e-11 * s1);
        }

        var last = Math.Max(svd.LeftResiduals[index], svd.RightResiduals[index]);
        svd.SingularValues[index].Should().BeLessThanOrEqualTo(dense[index] + Slack(s1), "a Ritz value is at most the singular value of its rank");
        (svd.SingularValues[index] + last).Should().BeGreaterThanOrEqualTo(dense[index] - Slack(s1), "its residual reaches the singular value");
        last.Should().BeLessThanOrEqualTo(Math.Max(GolubKahanLanczos.GapResidualFraction * (svd.SingularValues[index - 1] - svd.SingularValues[index]), 1e-12 * svd.SingularValues[0]) * 1.01);
    }

    [Fact]
    public void Converging_the_gap_triplet_only_to_its_bound_saves_products_when_it_converges_slowly()
    {
        var op = LinearOperator.FromMatrix(SlowSecond(250, 180, seed: 53));
        var loose = PartialSingularValueDecomposition.ComputeThrough(op, 1);
        var tight = PartialSingularValueDecomposition.Compute(op, 2);
        tight.ConvergedCount.Should().Be(2);
        loose.ProductCount.Should().BeLessThan(tight.ProductCount / 2, "s_2 needs many more products to separate from s_3 to 1e-12 than to bound the gap below s_1");
        loose.SingularValues[0].Should().BeApproximately(tight.SingularValues[0], 1e-12 * tight.SingularValues[0]);
        Math.Max(tight.LeftResiduals[1], tight.RightResiduals[1]).Should().BeLessThan(2e-12 * tight.SingularValues[0]);
    }

    [Fact]
    public void Results_are_exactly_homogeneous_under_power_of_two_scaling()
    {
        var a = SparseTestMatrices.Random(120, 90, 0.1, seed: 3);
        var reference = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), 3);
        foreach (var p in new[] { -1000, -300, -1, 1, 200, 1000 })
        {
            var scaled = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a.Multiply(Math.ScaleB(1.0, p))), 3);
            for (var i = 0; i < 3; i++)
            {
                scaled.SingularValues[i].Should().Be(Math.ScaleB(reference.SingularValues[i], p));
                scaled.LeftVectors.Column(i).Should().Equal(reference.LeftVectors.Column(i));
            }
        }
    }
}
