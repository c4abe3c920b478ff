using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Decomposition.Refinement;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition;

/// <summary>Rank and zero classification where the zero singular values are exact: the near-tie path classifies on the
/// extended-precision values there, and the one-sided Jacobi refinement must neither chase the rounding noise of a zero column
/// nor overflow on it (it returned NaN for every value of the exact 4 x 7 matrix with singular values 2, 1, 0, 0).</summary>
public class ZeroClassificationTests
{
    public static TheoryData<string> ZeroCases => [.. ClusterFixture.Cases.Where(c => c.Zero).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(ZeroCases))]
    public void Exact_zero_singular_values_are_classified_on_finite_values(string name)
    {
        var c = ClusterFixture.Named(name);
        var svd = ThinSingularValueDecomposition.Compute(c.Matrix);
        var classification = svd.Factors.ClassificationValues.ToArray();
        classification.Should().OnlyContain(x => double.IsFinite(x), "classification values are the refined values, never NaN");
        svd.Rank.Should().Be(c.First - 1, $"the values are {string.Join(", ", classification.Select(x => x.ToString("R")))}");
        var zero = FluentActions.Invoking(() => svd.RequireIsolated(c.First)).Should().Throw<DegenerateSpectrumException>().Which;
        zero.Kind.Should().Be(Degeneracy.Zero);
        zero.CollidingIndices.Should().Equal(Enumerable.Range(c.First, c.Count));
        svd.Cluster(c.First).Members.Should().Equal(zero.CollidingIndices);
    }

    [Fact]
    public void Wide_4x7_with_values_2_1_0_0_has_rank_2_with_and_without_refinement()
    {
        var c = ClusterFixture.Named("wide 4x7, rank 2: zero cluster of 2");
        var plain = ThinSingularValueDecomposition.Compute(c.Matrix);
        var refined = ThinSingularValueDecomposition.Compute(c.Matrix, DecompositionRefinement.ExtendedPrecision);
        plain.Rank.Should().Be(2);
        refined.Rank.Should().Be(2);
        refined.SingularValues.Take(2).Should().Equal(2.0, 1.0);                  // exact in binary, and the refinement gives them exactly
        refined.SingularValues.Skip(2).Should().OnlyContain(x => x <= refined.ZeroTolerance);
        FluentActions.Invoking(() => plain.RequireIsolated(2)).Should().NotThrow();
    }

    [Theory]
    [InlineData(4.0, 1e-300)]
    [InlineData(-4.0, 1e-300)]
    [InlineData(1.0, 4.9406564584124654E-324)]
    [InlineData(1e300, 1e-10)]
    public void Jacobi_rotation_stays_finite_when_the_entry_is_tiny_against_the_difference(double difference, double offDiagonal)
    {
        var (cosine, sine) = JacobiRotation.For(new DoubleDouble(difference), new DoubleDouble(offDiagonal));
        cosine.ToDouble().Should().Be(1.0);
        sine.ToDouble().Should().BeApproximately(offDiagonal / difference, Math.Abs(offDiagonal / difference) * 1e-15);   // t = γ/(β − α)
    }

    [Fact]
    public void Jacobi_rotation_annihilates_the_entry_of_a_two_by_two_gram_matrix()
    {
        // [[α, γ], [γ, β]] rotated by (c, s): the new off-diagonal is (c² − s²) γ + c s (α − β) = 0
        double alpha = 3, beta = 1, gamma = 0.75;
        var (c, s) = JacobiRotation.For(new DoubleDouble(beta - alpha), new DoubleDouble(gamma));
        var off = ((c.ToDouble() * c.ToDouble()) - (s.ToDouble() * s.ToDouble())) * gamma + (c.ToDouble() * s.ToDouble() * (alpha - beta));
        off.Should().BeApproximately(0, 1e-15);
    }
}
