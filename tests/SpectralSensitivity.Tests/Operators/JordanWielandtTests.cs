using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Operators;

public class JordanWielandtTests
{
    [Theory]
    [InlineData(5, 3)]
    [InlineData(3, 5)]
    [InlineData(4, 4)]
    public void Spectrum_of_H_is_plus_minus_the_singular_values_and_zeros(int m, int n)
    {
        var a = TestMatrices.Gaussian(m, n, 17);
        var s = ThinSingularValueDecomposition.Compute(a).SingularValues;
        var expected = s.Concat(s.Select(x => -x)).Concat(Enumerable.Repeat(0.0, Math.Abs(m - n))).OrderBy(x => x).ToArray();
        var actual = JordanWielandt.Dense(a).Evd().EigenValues.Select(z => z.Real).OrderBy(x => x).ToArray();
        actual.Should().Equal(expected, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Eigenvectors_are_the_stacked_singular_vectors()
    {
        var a = TestMatrices.Gaussian(4, 6, 2);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var h = JordanWielandt.Dense(a);
        for (var k = 0; k < svd.Size; k++)
        {
            var w = Vector<double>.Build.DenseOfEnumerable(svd.LeftVectors.Column(k).Concat(svd.RightVectors.Column(k))) / Math.Sqrt(2);
            (h * w - svd.SingularValues[k] * w).L2Norm().Should().BeLessThan(1e-13);
        }
    }

    [Fact]
    public void Apply_equals_the_dense_product_and_checks_length()
    {
        var a = TestMatrices.Gaussian(3, 5, 4);
        var x = TestMatrices.Gaussian(8, 1, 5).Column(0);
        (JordanWielandt.Apply(a, x) - JordanWielandt.Dense(a) * x).L2Norm().Should().BeLessThan(1e-14);
        FluentActions.Invoking(() => JordanWielandt.Apply(a, x.SubVector(0, 7))).Should().Throw<DimensionMismatchException>();
    }
}
