using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Tests.Hessian;

public class HessianWeightsTests
{
    [Fact]
    public void Weights_are_the_resolvent_coefficients_and_vanish_at_k()
    {
        var svd = ThinSingularValueDecomposition.FromFactors(
            Matrix<double>.Build.DenseIdentity(4, 3), Vector<double>.Build.DenseOfArray([3.0, 2.0, 1.0]), Matrix<double>.Build.DenseIdentity(3));
        var weights = HessianWeights.At(svd, 2);
        weights.SingularValue.Should().Be(2);
        weights.Diagonal.Should().Equal(2.0 / (4 - 9), 0.0, 2.0 / (4 - 1));
        weights.Cross.Should().Equal(3.0 / (4 - 9), 0.0, 1.0 / (4 - 1));
        weights.LeftVector.Should().Equal(0.0, 1.0, 0.0, 0.0);
        weights.RightVector.Should().Equal(0.0, 1.0, 0.0);
    }

    [Fact]
    public void Factored_denominator_keeps_close_singular_values_accurate()
    {
        // s_k = 1 + 2^-40, s_i = 1: s_k² − s_i² computed as a difference of squares loses about 12 bits; (s_k − s_i)(s_k + s_i) none
        var sk = 1.0 + Math.Pow(2, -40);
        var svd = ThinSingularValueDecomposition.FromFactors(
            Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.DenseOfArray([sk, 1.0]), Matrix<double>.Build.DenseIdentity(2),
            new SpectralTolerances(ClusterTolerance: 0));
        var weights = HessianWeights.At(svd, 1);
        var exact = sk / ((sk - 1.0) * (sk + 1.0));
        weights.Diagonal[1].Should().Be(exact);
    }
}
