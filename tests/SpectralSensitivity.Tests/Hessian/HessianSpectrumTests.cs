using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using static SpectralSensitivity.Tests.Hessian.HessianTestCases;

namespace SpectralSensitivity.Tests.Hessian;

public class HessianSpectrumTests
{
    [Theory]
    [EveryCaseAndIndex]
    public void Eigendecomposition_reconstructs_the_Kronecker_reference(string name, int k)
    {
        var testCase = Named(name);
        var spectrum = HessianSpectrum.At(testCase.Svd, k);
        int m = testCase.Matrix.RowCount, n = testCase.Matrix.ColumnCount;
        spectrum.Rank.Should().Be(m + n - 2);
        spectrum.NullSpaceDimension.Should().Be(m * n - (m + n - 2));
        var sum = Matrix<double>.Build.Dense(m * n, m * n);
        foreach (var pair in spectrum.Eigenpairs)
        {
            var x = Vec(spectrum.Eigenvector(pair));
            sum += pair.Value * x.OuterProduct(x);
        }

        // Independent of the library's weights: the Kronecker form summed with s_k/(s_k² − s_i²) from the same factors.
        (sum - KroneckerReference(FullFactors.Of(testCase.Svd), k)).FrobeniusNorm().Should().BeLessThan(HessianArithmeticScale(testCase.Svd, k));
    }

    [Theory]
    [EveryCaseAndIndex]
    public void Eigenvectors_are_orthonormal_and_satisfy_the_eigen_equation(string name, int k)
    {
        var testCase = Named(name);
        var spectrum = HessianSpectrum.At(testCase.Svd, k);
        var product = HessianVectorProduct.At(testCase.Svd, k);
        var vectors = spectrum.Eigenpairs.Select(pair => Vec(spectrum.Eigenvector(pair))).ToArray();
        var gram = Matrix<double>.Build.DenseOfColumnVectors(vectors);
        var identity = Matrix<double>.Build.DenseIdentity(vectors.Length);
        (gram.TransposeThisAndMultiply(gram) - identity).FrobeniusNorm().Should().BeLessThan(8 * Epsilon * testCase.Matrix.RowCount * testCase.Matrix.ColumnCount);
        foreach (var pair in spectrum.Eigenpairs)
        {
            var vector = spectrum.Eigenvector(pair);
            (product.Apply(vector) - pair.Value * vector).FrobeniusNorm().Should().BeLessThan(HessianArithmeticScale(testCase.Svd, k), pair.ToString());
        }
    }

    [Theory]
    [EveryCaseAndIndex]
    public void Trace_and_norms_match_the_Kronecker_reference(string name, int k)
    {
        var testCase = Named(name);
        var spectrum = HessianSpectrum.At(testCase.Svd, k);
        var dense = KroneckerReference(FullFactors.Of(testCase.Svd), k);
        var tolerance = HessianArithmeticScale(testCase.Svd, k);
        spectrum.Trace.Should().BeApproximately(dense.Trace(), tolerance);
        spectrum.FrobeniusNorm.Should().BeApproximately(dense.FrobeniusNorm(), tolerance);
        var eigenvalues = dense.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(z => Math.Abs(z.Real));
        spectrum.SpectralNorm.Should().BeApproximately(eigenvalues.Max(), tolerance);
    }

    [Fact]
    public void Most_curved_directions_come_from_the_nearest_singular_values()
    {
        var svd = Named("square 5x5").Svd;
        var s = svd.SingularValues;
        var spectrum = HessianSpectrum.At(svd, 3);
        var positive = spectrum.MostPositive(2);
        positive[0].Should().Be(new HessianEigenpair(1 / (s[2] - s[3]), HessianEigenvectorKind.SymmetricPair, 4));
        positive[1].Value.Should().BeLessThanOrEqualTo(positive[0].Value);
        var negative = spectrum.MostNegative(5);
        negative.Should().HaveCount(2, "only s_1 and s_2 exceed s_3");
        negative[0].Should().Be(new HessianEigenpair(1 / (s[2] - s[1]), HessianEigenvectorKind.SymmetricPair, 2));
        negative[1].Should().Be(new HessianEigenpair(1 / (s[2] - s[0]), HessianEigenvectorKind.SymmetricPair, 1));
        spectrum.MostPositive(0).Should().BeEmpty();
        HessianSpectrum.At(svd, 1).MostNegative(3).Should().BeEmpty("the largest singular value is convex");
    }

    [Fact]
    public void Complement_eigenvectors_of_tall_and_wide_matrices_have_eigenvalue_one_over_s_k()
    {
        foreach (var name in new[] { "tall 7x4", "wide 4x6" })
        {
            var svd = Named(name).Svd;
            var spectrum = HessianSpectrum.At(svd, 2);
            var complement = spectrum.Eigenpairs.Where(pair => pair.Kind is HessianEigenvectorKind.LeftComplement or HessianEigenvectorKind.RightComplement).ToArray();
            complement.Should().HaveCount(Math.Abs(svd.RowCount - svd.ColumnCount));
            complement.Should().OnlyContain(pair => pair.Value == 1 / svd.SingularValues[1]);
        }
    }

    [Fact]
    public void Eigenvector_refuses_a_partner_that_does_not_exist()
    {
        var spectrum = HessianSpectrum.At(Named("tall 7x4").Svd, 2);
        var self = () => spectrum.Eigenvector(new HessianEigenpair(1, HessianEigenvectorKind.SymmetricPair, 2));
        self.Should().Throw<InvalidSpectralInputException>();
        var beyond = () => spectrum.Eigenvector(new HessianEigenpair(1, HessianEigenvectorKind.RightComplement, 5));
        beyond.Should().Throw<SpectralIndexOutOfRangeException>();
        var repeated = () => HessianSpectrum.At(ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseIdentity(3)), 1);
        repeated.Should().Throw<DegenerateSpectrumException>();
    }
}
