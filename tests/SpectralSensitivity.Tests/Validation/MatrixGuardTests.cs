using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Tests.Validation;

public class MatrixGuardTests
{
    [Fact]
    public void Non_finite_entries_are_located_in_dense_and_sparse_storage()
    {
        var dense = Matrix<double>.Build.Dense(3, 4);
        dense[2, 3] = double.NegativeInfinity;
        FluentActions.Invoking(() => MatrixGuard.RequireFinite(dense, "A")).Should().Throw<NonFiniteInputException>()
            .Which.Should().Match<NonFiniteInputException>(x => x.Row == 2 && x.Column == 3);
        var sparse = Matrix<double>.Build.Sparse(3, 4);
        sparse[1, 0] = double.NaN;
        FluentActions.Invoking(() => MatrixGuard.RequireFinite(sparse, "E")).Should().Throw<NonFiniteInputException>()
            .WithMessage("E has a non-finite entry NaN at row 1, column 0*");
    }

    [Fact]
    public void Index_and_order_ranges_are_inclusive()
    {
        FluentActions.Invoking(() => MatrixGuard.RequireIndex(1, 1, "singular value")).Should().NotThrow();
        FluentActions.Invoking(() => MatrixGuard.RequireIndex(2, 1, "singular value")).Should().Throw<SpectralIndexOutOfRangeException>();
        FluentActions.Invoking(() => MatrixGuard.RequireOrder(100, 1, 100, "x")).Should().NotThrow();
        FluentActions.Invoking(() => MatrixGuard.RequireOrder(-1, 1, 100, "x")).Should().Throw<DerivativeOrderOutOfRangeException>();
    }
}
