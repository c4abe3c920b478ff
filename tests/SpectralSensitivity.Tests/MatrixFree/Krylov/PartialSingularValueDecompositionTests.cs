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
