using System.Globalization;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Results;
using SpectralSensitivity.Series;
using SpectralSensitivity.Spectrum;

namespace SpectralSensitivity.Tests.Results;

/// <summary>The <c>ToString</c> of every result type (built on <see cref="ResultText"/>): contents, invariant culture, shortened lists.</summary>
public class ResultTextTests
{
    // s(diag(3, 2, 1)) = (3, 2, 1); E couples s_1 and s_2 only: s_1(t) = 2.5 + √(0.25 + t²).
    private static readonly Matrix<double> A = Matrix<double>.Build.DenseOfDiagonalArray([3.0, 2.0, 1.0]);
    private static readonly Matrix<double> E = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 1.0, 0.0 }, { 1.0, 0.0, 0.0 }, { 0.0, 0.0, 0.0 } });

    [Fact]
    public void Short_lists_are_shown_in_full_and_long_ones_shortened_with_their_length()
    {
        ResultText.List([]).Should().Be("[]");
        ResultText.List([1.5, -2, 1e-20]).Should().Be("[1.5, -2, 1E-20]");
        ResultText.List(Enumerable.Range(1, 8).Select(i => (double)i).ToArray()).Should().Be("[1, 2, 3, 4, 5, 6, 7, 8]");
        ResultText.List(Enumerable.Range(1, 100).Select(i => (double)i).ToArray()).Should().Be("[1, 2, 3, 4, 5, 6, ..., 99, 100] (100 values)");
        ResultText.List(9, i => $"x{i}").Should().Be("[x0, x1, x2, x3, x4, x5, ..., x7, x8] (9 values)");
        ResultText.Number(Math.PI).Should().Be("3.14159");
        ResultText.Number(double.PositiveInfinity).Should().Be("Infinity");
    }

    [Fact]
    public void Expansions_show_index_value_order_derivatives_gap_and_radius()
    {
        var svd = Spectral.Svd(A);
        // s_1(diag(3, 2) + t [[0, 1], [1, 0]]) = 2.5 + √(0.25 + t²): D_1 = 0, D_2 = 1/0.5 = 2, gap of s_1 in H(A) is 1.
        var expansion = Spectral.Expand(svd, E, 1, 2);
        expansion.ToString().Should().Be("SingularValueExpansion { Index = 1, Value = 3, Order = 2, Derivatives = [0, 2], Gap = 1, Radius = " +
            ResultText.Number(expansion.Convergence.Radius) + " }");
        expansion.Convergence.Radius.Should().BeApproximately(0.5, 1e-12, "r0 = d / (2 ||E||_2) = 1/2");
        var closed = Spectral.ClosedForm(svd, E, 1, 3);
        closed.ToString().Should().StartWith("ClosedFormExpansion { Index = 1, Value = 3, Order = 3, Derivatives = [")
            .And.EndWith($", TermCount = {closed.TermCount} }}");
        var eig = Spectral.SymmetricEigen(A);
        Spectral.Expand(eig, E, 3, 1).ToString().Should().StartWith("EigenvalueExpansion { Index = 3, Value = 3, Order = 1, Derivatives = [0], Gap = 1,");
        Spectral.Expand(svd, E, 1, 20).ToString().Should().Contain("Order = 20").And.Contain(", ..., ").And.Contain("(20 values)");
    }

    [Fact]
    public void Decompositions_spectra_and_predictions_print_their_contents()
    {
        var svd = Spectral.Svd(A);
        svd.ToString().Should().Be("ThinSingularValueDecomposition { Rows = 3, Columns = 3, Rank = 3, SingularValues = [3, 2, 1] }");
        Spectral.SymmetricEigen(A).ToString().Should().Be("SymmetricEigendecomposition { Size = 3, Eigenvalues = [1, 2, 3] }");
        // Hessian of s_2: eigenvalues 1/(2 − 1) = 1, 1/(2 + 1), 1/(2 + 3), 1/(2 − 3) = −1.
        var spectrum = HessianSpectrum.At(svd, 2);
        spectrum.ToString().Should().Be(
            "HessianSpectrum { Index = 2, Rows = 3, Columns = 3, Rank = 4, Trace = 0.533333, FrobeniusNorm = 1.46667, SpectralNorm = 1, " +  // √(1 + 1/9 + 1/25 + 1)
            "Eigenvalues = [1, 0.333333, 0.2, -1] }");
        spectrum.Eigenpairs[0].ToString().Should().Be("HessianEigenpair { Value = 1, Kind = SymmetricPair, Partner = 3 }");
        Spectral.Hessian(svd, 2).ToString().Should().Be("HessianOperator { Index = 2, Rows = 3, Columns = 3, Rank = 4, SpectralNorm = 1 }");
        HessianVectorProduct.At(svd, 2).ToString().Should().Be("HessianVectorProduct { Index = 2, Rows = 3, Columns = 3 }");
        var prediction = Spectral.Predict(svd, 1, 0.01 * E);
        prediction.ToString().Should().Be(
            $"TaylorPrediction {{ Index = 1, Order = 2, Prediction = {ResultText.Number(prediction.Prediction)}, NextTerm = {ResultText.Number(prediction.NextTerm)}, " +
            $"ErrorBound = {ResultText.Number(prediction.ErrorBound)}, Terms = [3, 0, 0.0001] }}");
        prediction.Prediction.Should().BeApproximately(3.0001, 1e-15);
        var condition = Spectral.Expand(svd, E, 1, 2).Condition;
        condition.ToString().Should().Be(
            $"ExpansionCondition {{ Figure = {ResultText.Number(condition.Figure)}, Gap = 1, Order = 2, ExpectedRelativeError = {ResultText.Number(3 * condition.Figure)} }}");
        new ConvergenceBound(0.5, 0.25).ToString().Should().Be("ConvergenceBound { Radius = 0.5, Bound = 0.25 }");
        (new ConvergenceBound(double.PositiveInfinity, 0.5) with { ExactFromOrder = 0 }).ToString()
            .Should().Be("ConvergenceBound { Radius = Infinity, Bound = 0.5, ExactFromOrder = 0 }");
        PerturbationPath.Polynomial(E, E.SubMatrix(0, 2, 0, 3)).ToString().Should().Be("PerturbationPath { Degree = 2, Terms = [3 x 3, 2 x 3] }");
    }

    [Fact]
    public void Matrix_free_results_print_their_contents_in_every_culture()
    {
        // diag(3, 2, 1, 0.5) as CSR: s_1 = 3, s_2 = 2 converge at once; E couples s_1 and s_2 as above: D_1 = 0, D_2 = 2.
        var a = CsrMatrix.FromCoordinates(4, 4, [0, 1, 2, 3], [0, 1, 2, 3], [3.0, 2.0, 1.0, 0.5]);
        var e = CsrMatrix.FromCoordinates(4, 4, [0, 1], [1, 0], [1.0, 1.0]);
        a.ToString().Should().Be("CsrMatrix { Rows = 4, Columns = 4, NonZeros = 4 }");
        var svd = PartialSingularValueDecomposition.ComputeThrough(a, 1);
        var residuals = svd.LeftResiduals.Zip(svd.RightResiduals, Math.Max).ToArray();
        var expansion = KrylovSingularValueDerivatives.Expand(svd, e, 1, 2, VectorCoefficients.None);
        var gradient = KrylovSingularValueDerivatives.Gradient(svd, 1);
        var texts = new[] { svd.ToString(), expansion.ToString(), gradient.ToString() };
        texts[0].Should().Be($"PartialSingularValueDecomposition {{ Rows = 4, Columns = 4, Count = {svd.Count}, Converged = {svd.ConvergedCount}, " +
            $"SingularValues = {ResultText.List(svd.SingularValues)}, Residuals = {ResultText.List(residuals)} }}");
        texts[0].Should().Contain("SingularValues = [3, 2");
        texts[1].Should().StartWith("KrylovSingularValueExpansion { Index = 1, Value = 3, Order = 2, Derivatives = [")
            .And.EndWith($", ErrorEstimates = {ResultText.List(expansion.DerivativeErrorEstimates)}, Solves = 1 }}");
        expansion.Derivative(2).Should().BeApproximately(2, 1e-12);
        texts[2].Should().Be($"FactoredMatrix {{ Rows = 4, Columns = 4, Rank = 1, ErrorEstimate = {ResultText.Number(gradient.ErrorEstimate)} }}");
        var symmetric = PartialSymmetricEigendecomposition.ComputeThrough(a, 1, SpectrumEnd.LargestAlgebraic);
        symmetric.ToString().Should().StartWith("PartialSymmetricEigendecomposition { Size = 4, End = LargestAlgebraic, Count = ")
            .And.Contain("Eigenvalues = [3, 2");
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "fr-FR", "ar-SA" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                new[] { svd.ToString(), expansion.ToString(), gradient.ToString() }.Should().Equal(texts, culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Text_is_the_same_in_every_culture()
    {
        var svd = Spectral.Svd(A * 0.5);
        var expansion = Spectral.Expand(svd, E, 2, 3);
        var spectrum = HessianSpectrum.At(svd, 2);
        var invariant = (svd.ToString(), expansion.ToString(), spectrum.ToString(), spectrum.Eigenpairs[0].ToString(), expansion.Convergence.ToString());
        invariant.Item1.Should().Contain("[1.5, 1, 0.5]");
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "fr-FR", "ar-SA", "sv-SE" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                (svd.ToString(), expansion.ToString(), spectrum.ToString(), spectrum.Eigenpairs[0].ToString(), expansion.Convergence.ToString())
                    .Should().Be(invariant, culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
