using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition;

public class SymmetricEigendecompositionTests
{
    private static Matrix<double> Symmetric(int n, int seed)
    {
        var g = TestMatrices.Gaussian(n, n, seed);
        return g + g.Transpose();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Eigenpairs_are_ascending_and_reproduce_the_matrix(int n)
    {
        var t = Symmetric(n, 3 + n);
        var eig = SymmetricEigendecomposition.Compute(t);
        for (var i = 1; i < n; i++)
        {
            eig.Eigenvalues[i].Should().BeGreaterOrEqualTo(eig.Eigenvalues[i - 1]);
        }

        var q = eig.Eigenvectors;
        (q * Matrix<double>.Build.DenseOfDiagonalVector(eig.Eigenvalues) * q.Transpose() - t).L2Norm().Should().BeLessThan(Tolerance.Residual(t));
        (q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(n)).L2Norm().Should().BeLessThan(1e-13);
    }

    [Theory]
    [InlineData(900)]
    [InlineData(-900)]
    public void Entries_near_the_ends_of_the_double_range_give_exactly_scaled_eigenpairs(int exponent)
    {
        // MathNet's eigensolver alone fails to converge near 1e300; the decomposition scales by powers of two first.
        var raw = Symmetric(6, 17);
        var t = raw / Math.ScaleB(1.0, Math.ILogB(raw.Enumerate().Max(Math.Abs))); // largest entry in [1, 2): left unscaled
        t.Enumerate().Max(Math.Abs).Should().BeInRange(1.0, 2.0);
        var reference = SymmetricEigendecomposition.Compute(t);
        var scaled = SymmetricEigendecomposition.Compute(t * Math.ScaleB(1.0, exponent));
        scaled.Eigenvalues.Select(x => Math.ScaleB(x, -exponent)).Should().Equal(reference.Eigenvalues);
        scaled.Eigenvectors.Should().Be(reference.Eigenvectors);
    }

    [Fact]
    public void Gap_of_a_1x1_matrix_is_infinite()
    {
        SymmetricEigendecomposition.Compute(Matrix<double>.Build.Dense(1, 1, 2.0)).Gap(1).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Non_symmetric_or_non_square_input_is_rejected()
    {
        var t = Symmetric(3, 1);
        t[0, 2] += 1e-3;
        FluentActions.Invoking(() => SymmetricEigendecomposition.Compute(t)).Should().Throw<NotSymmetricException>().WithMessage("*not symmetric*");
        FluentActions.Invoking(() => SymmetricEigendecomposition.Compute(TestMatrices.Gaussian(2, 3, 1))).Should().Throw<DimensionMismatchException>().WithMessage("*square*");
    }

    [Fact]
    public void Repeated_eigenvalues_are_reported()
    {
        var eig = SymmetricEigendecomposition.Compute(Matrix<double>.Build.DenseOfDiagonalArray([1, 2, 2, 5]));
        FluentActions.Invoking(() => eig.RequireIsolated(2)).Should().Throw<DegenerateSpectrumException>().Which.CollidingIndices.Should().Equal(2, 3);
        FluentActions.Invoking(() => eig.RequireIsolated(4)).Should().NotThrow();
    }
}
