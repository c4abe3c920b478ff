using FluentAssertions;
using SpectralSensitivity.Hessian;
using static SpectralSensitivity.Tests.Hessian.HessianTestCases;

namespace SpectralSensitivity.Tests.Hessian;

public class HessianOperatorTests
{
    [Fact]
    public void Operator_views_agree_with_each_other()
    {
        var testCase = Named("rank-deficient 6x5 rank 3");
        var hessian = HessianOperator.At(testCase.Svd, 2);
        hessian.Dimension.Should().Be(30);
        (hessian.Index, hessian.RowCount, hessian.ColumnCount).Should().Be((2, 6, 5));
        var direction = Gaussian(6, 5, 7);
        var dense = hessian.ToDense();
        (Vec(hessian.Apply(direction)) - dense * Vec(direction)).L2Norm().Should().BeLessThan(HessianArithmeticScale(testCase.Svd, 2) * direction.FrobeniusNorm());
        hessian.Spectrum.Trace.Should().BeApproximately(dense.Trace(), HessianArithmeticScale(testCase.Svd, 2));
        var refused = () => hessian.ToDense(new HessianOptions(MemoryBudgetBytes: 1024));
        refused.Should().Throw<HessianMemoryBudgetExceededException>();
    }
}
