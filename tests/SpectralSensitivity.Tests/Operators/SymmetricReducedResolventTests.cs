using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Operators;

public class SymmetricReducedResolventTests
{
    [Fact]
    public void Defining_identities_hold()
    {
        var g = TestMatrices.Gaussian(6, 6, 3);
        var t = g + g.Transpose();
        var eig = SymmetricEigendecomposition.Compute(t);
        var identity = Matrix<double>.Build.DenseIdentity(6);
        for (var k = 1; k <= 6; k++)
        {
            var resolvent = SymmetricReducedResolvent.At(eig, k);
            var s = resolvent.ToDense();
            var q = eig.Eigenvectors.Column(k - 1);
            var p = q.OuterProduct(q);
            var tolerance = 1e-12 * resolvent.Norm * t.L2Norm();
            (s * (t - eig.Eigenvalue(k) * identity) - (identity - p)).L2Norm().Should().BeLessThan(tolerance);
            (s * p).L2Norm().Should().BeLessThan(tolerance);
            s.L2Norm().Should().BeApproximately(resolvent.Norm, 1e-10 * resolvent.Norm);
            var x = TestMatrices.Gaussian(6, 1, k).Column(0);
            (resolvent.Apply(x) - s * x).L2Norm().Should().BeLessThan(tolerance);
        }
    }
}
