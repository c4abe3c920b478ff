using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Decomposition.Refinement;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpectralSensitivity.Tests.Decomposition.Refinement;

/// <summary>
/// The extended-precision symmetric eigendecomposition. Accuracy against a 50-digit reference is checked in
/// HighPrecisionSymmetricReferenceTests (eigenvalues to 0 ulps, derivatives of orders 1..8 within 1e-11); here special
/// matrices, exact cases, invariances and the sweep count.
/// </summary>
public class SymmetricJacobiRefinementTests(ITestOutputHelper output)
{
    private static Matrix<double> Symmetric(int n, int seed)
    {
        var g = TestMatrices.Gaussian(n, n, seed);
        return g + g.Transpose();
    }

    public static TheoryData<string, Matrix<double>> SpecialMatrices() => new()
    {
        { "1x1", Matrix<double>.Build.Dense(1, 1, -2.5) },
        { "zero 4x4", Matrix<double>.Build.Dense(4, 4) },
        { "identity 5x5 (one eigenvalue, five times)", Matrix<double>.Build.DenseIdentity(5) },
        { "repeated 6x6", TestMatrices.Orthonormal(6, 6, 3) * Matrix<double>.Build.DenseOfDiagonalArray([3, 1, 1, 1, -2, -2]) * TestMatrices.Orthonormal(6, 6, 3).Transpose() },
        { "indefinite 9x9", Symmetric(9, 4) },
        { "huge 5x5", Symmetric(5, 5) * 1e300 },
    };

    [Theory]
    [MemberData(nameof(SpecialMatrices))]
    public void Refined_eigenpairs_are_orthonormal_ascending_and_reproduce_T(string name, Matrix<double> t)
    {
        var eig = SymmetricEigendecomposition.Compute(t, DecompositionRefinement.ExtendedPrecision);
        var n = t.RowCount;
        var scale = Math.Max(t.Enumerate().Max(Math.Abs), 1e-300);
        var q = eig.Eigenvectors;
        (q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(n)).L2Norm().Should().BeLessThan(4 * Tolerance.Epsilon * Math.Sqrt(n), name);
        var reconstructed = q * Matrix<double>.Build.DenseOfDiagonalVector(eig.Eigenvalues / scale) * q.Transpose();
        (reconstructed - (t / scale)).L2Norm().Should().BeLessThan(8 * Tolerance.Epsilon * n, name);
        eig.Eigenvalues.Should().BeInAscendingOrder(name);
    }

    [Fact]
    public void Diagonal_matrices_give_their_entries_exactly()
    {
        double[] d = [0.1, -3.7, 2.0 / 3.0, 1e-9, 5.5];
        var eig = SymmetricEigendecomposition.Compute(Matrix<double>.Build.DenseOfDiagonalArray(d), DecompositionRefinement.ExtendedPrecision);
        eig.Eigenvalues.ToArray().Should().Equal(d.OrderBy(x => x));
    }

    [Fact]
    public void Negation_reverses_the_refined_eigenvalues_exactly()
    {
        var t = Symmetric(11, 6);
        var plus = SymmetricEigendecomposition.Compute(t, DecompositionRefinement.ExtendedPrecision).Eigenvalues;
        var minus = SymmetricEigendecomposition.Compute(-t, DecompositionRefinement.ExtendedPrecision).Eigenvalues;
        minus.Select(x => -x).Reverse().Should().Equal(plus, "the exact eigenvalues of −T are those of T negated; rounding is symmetric");
    }

    [Theory]
    [InlineData(20)]
    [InlineData(60)]
    public void Sweeps_started_from_the_double_eigendecomposition_converge_in_a_few(int n)
    {
        var t = Symmetric(n, 7);
        var eig = SymmetricEigendecomposition.Compute(t);
        var (_, _, sweeps) = SymmetricJacobiRefinement.Refine(ColumnKernels.Storage(t), n, ColumnKernels.Storage(eig.Eigenvectors));
        output.WriteLine($"{n} x {n}: {sweeps} sweeps");
        sweeps.Should().BeLessThanOrEqualTo(3);
    }

    [Fact]
    public void A_slightly_asymmetric_input_is_refined_as_its_symmetric_part()
    {
        var t = Symmetric(6, 8);
        var tilted = t.Clone();
        tilted[1, 4] += 1e-14;
        var symmetricPart = (tilted + tilted.Transpose()) / 2;
        var refined = SymmetricEigendecomposition.Compute(tilted, DecompositionRefinement.ExtendedPrecision).Eigenvalues;
        var reference = SymmetricEigendecomposition.Compute(symmetricPart, DecompositionRefinement.ExtendedPrecision).Eigenvalues;
        refined.Should().Equal(reference, (p, q) => Math.Abs(p - q) <= 2 * (Math.BitIncrement(Math.Abs(q)) - Math.Abs(q)));
    }
}
