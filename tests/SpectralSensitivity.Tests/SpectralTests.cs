using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Results;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests;

/// <summary>The front door returns exactly what the specialised entry points return, bit for bit, and passes their errors through.</summary>
public class SpectralTests
{
    private static readonly Matrix<double> A = TestMatrices.Gaussian(6, 10, 101);
    private static readonly Matrix<double> E = TestMatrices.Gaussian(6, 10, 102);
    private static readonly Matrix<double> F = TestMatrices.Gaussian(6, 10, 103);

    private static Matrix<double> Symmetric(int seed)
    {
        var b = TestMatrices.Gaussian(5, 5, seed);
        return b + b.Transpose();
    }

    [Fact]
    public void Decompositions_equal_the_specialised_ones()
    {
        SameSvd(Spectral.Svd(A), ThinSingularValueDecomposition.Compute(A));
        SameSvd(Spectral.Svd(A, DecompositionRefinement.ExtendedPrecision), ThinSingularValueDecomposition.Compute(A, DecompositionRefinement.ExtendedPrecision));
        var tolerances = new SpectralTolerances(ZeroTolerance: 1e-3);
        Spectral.Svd(A, tolerances).ZeroTolerance.Should().Be(1e-3);
        var t = Symmetric(104);
        var eig = Spectral.SymmetricEigen(t);
        var reference = SymmetricEigendecomposition.Compute(t);
        eig.Eigenvalues.ToArray().Should().Equal(reference.Eigenvalues.ToArray());
        eig.Eigenvectors.ToColumnMajorArray().Should().Equal(reference.Eigenvectors.ToColumnMajorArray());
        Spectral.SymmetricEigen(t, DecompositionRefinement.ExtendedPrecision).Eigenvalues.ToArray()
            .Should().Equal(SymmetricEigendecomposition.Compute(t, DecompositionRefinement.ExtendedPrecision).Eigenvalues.ToArray());
    }

    [Fact]
    public void Expansions_equal_the_specialised_ones()
    {
        var svd = Spectral.Svd(A);
        for (var k = 1; k <= 6; k++)
        {
            SameExpansion(Spectral.Expand(svd, E, k, 6), SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(E), k, 6));
            var path = PerturbationPath.Polynomial(E, F);
            SameExpansion(Spectral.Expand(svd, path, k, 5), SingularValueDerivatives.Expand(svd, path, k, 5));
            SameExpansion(Spectral.ClosedForm(svd, E, k, 4), SingularValueDerivatives.ClosedForm(svd, PerturbationPath.Linear(E), k, 4));
        }

        var t = Symmetric(105);
        var t1 = Symmetric(106);
        var eig = Spectral.SymmetricEigen(t);
        for (var k = 1; k <= 5; k++)
        {
            SameExpansion(Spectral.Expand(eig, t1, k, 6), EigenvalueDerivatives.Expand(eig, PerturbationPath.Linear(t1), k, 6));
        }
    }

    [Fact]
    public void Gradient_Hessian_prediction_and_multilinear_form_equal_the_specialised_ones()
    {
        var svd = Spectral.Svd(A);
        for (var k = 1; k <= 6; k++)
        {
            Spectral.Gradient(svd, k).ToColumnMajorArray().Should().Equal(SingularValueGradient.Compute(svd, k).ToColumnMajorArray());
            var hessian = Spectral.Hessian(svd, k);
            var reference = HessianOperator.At(svd, k);
            hessian.Apply(E).ToColumnMajorArray().Should().Equal(reference.Apply(E).ToColumnMajorArray());
            hessian.Spectrum.Eigenpairs.Should().Equal(reference.Spectrum.Eigenpairs);
            Spectral.Predict(svd, k, 1e-3 * E).Should().BeEquivalentTo(SingularValuePrediction.SecondOrder(svd, k, 1e-3 * E));
            Spectral.Predict(svd, k, 1e-3 * E, 4).Should().BeEquivalentTo(SingularValuePrediction.ToOrder(svd, k, 1e-3 * E, 4));
            Spectral.MultilinearForm(svd, k, E, F).Should().Be(SingularValueMultilinearForm.Evaluate(svd, k, E, F));
        }
    }

    [Fact]
    public void The_front_door_agrees_with_an_independent_check()
    {
        // Second derivative two ways: the recursion's D_2 and the Hessian's quadratic form share no code path.
        var svd = Spectral.Svd(A);
        var expansion = Spectral.Expand(svd, E, 2, 2);
        var quadratic = Spectral.Hessian(svd, 2).Product.QuadraticForm(E);
        quadratic.Should().BeApproximately(expansion.Derivative(2), 64 * 2.220446049250313e-16 * (6 + 10) * E.FrobeniusNorm() * E.FrobeniusNorm() / expansion.Gap);
    }

    [Fact]
    public void Errors_pass_through_unchanged()
    {
        var svd = Spectral.Svd(A);
        FluentActions.Invoking(() => Spectral.Expand(svd, E, 7, 2)).Should().Throw<SpectralIndexOutOfRangeException>();
        FluentActions.Invoking(() => Spectral.Expand(svd, E, 1, 0)).Should().Throw<DerivativeOrderOutOfRangeException>();
        FluentActions.Invoking(() => Spectral.Gradient(svd, 0)).Should().Throw<SpectralIndexOutOfRangeException>();
        FluentActions.Invoking(() => Spectral.Expand(svd, E.SubMatrix(0, 6, 0, 9), 1, 2)).Should().Throw<DimensionMismatchException>();
        var repeated = Spectral.Svd(Matrix<double>.Build.DenseIdentity(3));
        FluentActions.Invoking(() => Spectral.Hessian(repeated, 1)).Should().Throw<DegenerateSpectrumException>();
        FluentActions.Invoking(() => Spectral.Svd(Matrix<double>.Build.Dense(2, 2, double.NaN))).Should().Throw<NonFiniteInputException>();
    }

    private static void SameSvd(ThinSingularValueDecomposition actual, ThinSingularValueDecomposition expected)
    {
        actual.SingularValues.ToArray().Should().Equal(expected.SingularValues.ToArray());
        actual.LeftVectors.ToColumnMajorArray().Should().Equal(expected.LeftVectors.ToColumnMajorArray());
        actual.RightVectors.ToColumnMajorArray().Should().Equal(expected.RightVectors.ToColumnMajorArray());
    }

    private static void SameExpansion(SpectralExpansion actual, SpectralExpansion expected)
    {
        actual.GetType().Should().Be(expected.GetType());
        actual.TaylorCoefficients.Should().Equal(expected.TaylorCoefficients);
        actual.Gap.Should().Be(expected.Gap);
        actual.Convergence.Should().Be(expected.Convergence);
        if (actual is SingularValueExpansion left && expected is SingularValueExpansion right)
        {
            left.LeftVectorCoefficients.SelectMany(v => v).Should().Equal(right.LeftVectorCoefficients.SelectMany(v => v));
            left.RightVectorCoefficients.SelectMany(v => v).Should().Equal(right.RightVectorCoefficients.SelectMany(v => v));
        }
    }
}
