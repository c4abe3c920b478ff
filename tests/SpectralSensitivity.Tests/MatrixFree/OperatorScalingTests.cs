using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.MatrixFree;

namespace SpectralSensitivity.Tests.MatrixFree;

/// <summary>The norm estimate behind every matrix-free error estimate (<see cref="OperatorScaling.NormBound"/>): from above and within about 1 % of
/// <c>‖A‖₂</c> (MathNet's dense SVD, no shared code), whichever Lanczos run computes it: on <c>A Aᵀ</c> for a dense wide or square matrix, the
/// bidiagonalisation for a tall one or an operator given by its products.</summary>
public class OperatorScalingTests
{
    [Theory]
    [InlineData(300, 300)]
    [InlineData(200, 350)]
    [InlineData(350, 200)]
    public void The_norm_bound_lies_just_above_the_largest_singular_value_for_every_representation(int rows, int columns)
    {
        var random = new Random(rows + columns);
        var a = Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() - 0.5);   // s₁ at the edge of the bulk: the slow case
        var norm = a.Svd(computeVectors: false).S[0];
        var dense = OperatorScaling.NormBound(LinearOperator.FromMatrix(a));
        var products = OperatorScaling.NormBound(LinearOperator.FromDelegates(rows, columns, (x, y) => a.Multiply(Vector<double>.Build.DenseOfArray(x.ToArray())).AsArray().CopyTo(y),
            (x, y) => a.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(x.ToArray())).AsArray().CopyTo(y)));
        foreach (var bound in new[] { dense, products })
        {
            bound.Should().BeGreaterThanOrEqualTo(norm * (1 - 1e-12), "θ₁ + ρ₁ ≥ s₁").And.BeLessThan(norm * 1.02, "θ₁ + ρ₁ ≤ s₁ + 2 ρ₁, ρ₁ ≤ 1e-2 θ₁");
        }
    }
}
