using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests;

public class PerturbationPathTests
{
    [Fact]
    public void Validation_checks_shape_and_finiteness_and_bounds_the_norm()
    {
        var e = TestMatrices.Gaussian(4, 3, 1);
        var bounds = PerturbationPath.Polynomial(e, 2 * e).ValidateAndBound(4, 3, "A").NormBounds;
        bounds[0].Should().BeGreaterOrEqualTo(e.L2Norm() * (1 - 1e-14));
        bounds[1].Should().BeApproximately(2 * bounds[0], 1e-14 * bounds[0]);
        FluentActions.Invoking(() => PerturbationPath.Linear(e).ValidateAndBound(3, 4, "A"))
            .Should().Throw<DimensionMismatchException>().WithMessage("direction E is 4 x 3 but A is 3 x 4*");
        var bad = e.Clone();
        bad[2, 1] = double.NaN;
        FluentActions.Invoking(() => PerturbationPath.Polynomial(e, bad).ValidateAndBound(4, 3, "A"))
            .Should().Throw<NonFiniteInputException>().WithMessage("path term E2*row 2, column 1*");
    }

    [Fact]
    public void Sparse_terms_are_accepted()
    {
        var sparse = Matrix<double>.Build.Sparse(4, 3);
        sparse[1, 2] = 3;
        PerturbationPath.Linear(sparse).ValidateAndBound(4, 3, "A").NormBounds[0].Should().Be(3);
    }
}
