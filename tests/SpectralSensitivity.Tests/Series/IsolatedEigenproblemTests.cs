using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Series;

/// <summary>The path terms applied in scaled units: a direction 2^±1000 times the matrix's scale, multiplied into high-order vectors that
/// are far above one in scaled units, neither overflows in an intermediate step nor changes a bit of the result.</summary>
public class IsolatedEigenproblemTests
{
    [Theory]
    [InlineData(-1000)]
    [InlineData(-600)]
    [InlineData(600)]
    [InlineData(1000)]
    public void A_tiny_or_huge_direction_times_high_order_vectors_scales_exactly_or_is_refused_as_out_of_range(int exponent)
    {
        // At order 60 the scaled vectors w′_j reach about 2^40 here; 2^1000 w′_j overflowed before the product with the tiny E, and
        // the product of a huge E with w′_j overflowed before its scaling, reported as a series overflow (a gap too small) that is not.
        var svd = ThinSingularValueDecomposition.Compute(TestMatrices.Gaussian(5, 4, 1));
        var e = TestMatrices.Gaussian(5, 4, 2);
        const int order = 60;
        var reference = SingularValueDerivatives.Expand(svd, e, 2, order);
        var expected = reference.Derivatives.Select((d, i) => Math.ScaleB(d, exponent * (i + 1))).ToArray();   // D_j(A)[2^x E] = 2^(xj) D_j(A)[E]
        var scaled = () => SingularValueDerivatives.Expand(svd, e.Map(x => Math.ScaleB(x, exponent)), 2, order);
        if (expected.All(double.IsFinite))
        {
            var derivatives = scaled().Derivatives;
            for (var j = 1; j <= order; j++)
            {
                derivatives[j - 1].Should().Be(expected[j - 1], "order {0} at E·2^{1}", j, exponent);
            }
        }
        else
        {
            var error = scaled.Should().Throw<ResultOutOfRangeException>().Which;
            error.Order.Should().Be(Array.FindIndex(expected, d => !double.IsFinite(d)) + 1, error.Message);
        }
    }
}
