using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition;

/// <summary>The shared pipeline (check, scale, factor, refine, unscale): what it keeps for downstream code and what it
/// hands out.</summary>
public sealed class DecompositionPipelineTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(-1000)]
    [InlineData(129)]
    [InlineData(-129)]
    public void The_svd_keeps_the_scale_exponent_and_the_values_of_the_scaled_matrix(int exponent)
    {
        var a = UnitDyadic(TestMatrices.Gaussian(6, 9, 31));                // largest entry in [1, 2), 12 significant bits
        var reference = ThinSingularValueDecomposition.Compute(a);
        reference.Factors.ScaleExponent.Should().Be(0, "the largest entry already lies in [1, 2)");

        var svd = ThinSingularValueDecomposition.Compute(a * Math.ScaleB(1.0, exponent));
        svd.Factors.ScaleExponent.Should().Be(exponent);
        svd.Factors.ScaledValues.ToArray().Should().Equal(reference.Factors.ScaledValues.ToArray(), "2^-e (2^e A) = A exactly");
        for (var k = 1; k <= svd.Size; k++)
        {
            svd.SingularValue(k).Should().Be(Math.ScaleB(reference.SingularValue(k), exponent));
        }

        svd.LeftVectors.Should().Be(reference.LeftVectors);
        svd.RightVectors.Should().Be(reference.RightVectors);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(-1000)]
    public void The_eigendecomposition_keeps_the_scale_exponent_and_the_values_of_the_scaled_matrix(int exponent)
    {
        var g = TestMatrices.Gaussian(7, 7, 32);
        var t = UnitDyadic(g + g.Transpose());
        var reference = SymmetricEigendecomposition.Compute(t);
        var eig = SymmetricEigendecomposition.Compute(t * Math.ScaleB(1.0, exponent));
        eig.Factors.ScaleExponent.Should().Be(exponent);
        eig.Factors.ScaledValues.ToArray().Should().Equal(reference.Factors.ScaledValues.ToArray());
        eig.Eigenvectors.Should().Be(reference.Eigenvectors);
    }

    [Fact]
    public void Public_factors_are_copies_that_cannot_change_the_decomposition()
    {
        var svd = ThinSingularValueDecomposition.Compute(TestMatrices.Gaussian(5, 3, 33));
        var s1 = svd.SingularValue(1);
        var u = svd.LeftVectors;
        u[0, 0] = 99;
        svd.SingularValues[0] = -1;
        svd.RightVectors.Clear();
        svd.LeftVectors[0, 0].Should().NotBe(99);
        svd.SingularValue(1).Should().Be(s1);
        svd.RightVectors.FrobeniusNorm().Should().BeApproximately(Math.Sqrt(3), 1e-14);

        var g = TestMatrices.Gaussian(4, 4, 34);
        var eig = SymmetricEigendecomposition.Compute(g + g.Transpose());
        var mu1 = eig.Eigenvalue(1);
        eig.Eigenvectors.Clear();
        eig.Eigenvalues[0] = 7;
        eig.Eigenvalue(1).Should().Be(mu1);
        eig.Eigenvectors.FrobeniusNorm().Should().BeApproximately(2, 1e-14);
    }

    [Fact]
    public void Factors_given_from_outside_are_copied_and_split_into_a_power_of_two_and_a_scaled_part()
    {
        var reference = ThinSingularValueDecomposition.Compute(TestMatrices.Gaussian(5, 3, 35));
        var (u, s, v) = (reference.LeftVectors, reference.SingularValues * Math.ScaleB(1.0, 700), reference.RightVectors);
        var wrapped = ThinSingularValueDecomposition.FromFactors(u, s, v);
        u.Clear();
        s.Clear();
        wrapped.LeftVectors.Should().Be(reference.LeftVectors);
        wrapped.SingularValue(2).Should().Be(Math.ScaleB(reference.SingularValue(2), 700));
        wrapped.Factors.ScaleExponent.Should().Be(700 + Math.ILogB(reference.SingularValue(1)));
        wrapped.Factors.ScaledValues[0].Should().BeInRange(1.0, 2.0);
    }

    /// <summary>The matrix rounded to multiples of 2^−10 of its largest entry, then scaled so that entry lies in [1, 2): every
    /// product by <c>2^±1000</c> stays a normal number, so scaling is exact both ways.</summary>
    private static Matrix<double> UnitDyadic(Matrix<double> raw)
    {
        var unit = Math.ScaleB(1.0, Math.ILogB(raw.Enumerate().Max(Math.Abs)));
        return raw.Map(x => Math.Round(x / unit * 1024) / 1024);
    }
}
