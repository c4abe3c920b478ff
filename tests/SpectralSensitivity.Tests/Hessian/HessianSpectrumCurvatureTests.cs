using FluentAssertions;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Hessian;
using static SpectralSensitivity.Tests.Hessian.HessianTestCases;

namespace SpectralSensitivity.Tests.Hessian;

/// <summary><see cref="HessianSpectrum.MostCurved"/> against a sort by magnitude and the dense Hessian's eigenvalues; count errors of all three selectors.</summary>
public class HessianSpectrumCurvatureTests
{
    [Theory]
    [EveryCaseAndIndex]
    public void Most_curved_is_every_eigenpair_ordered_by_magnitude(string name, int k)
    {
        var spectrum = HessianSpectrum.At(Named(name).Svd, k);
        var all = spectrum.MostCurved(int.MaxValue);
        all.Should().BeEquivalentTo(spectrum.Eigenpairs, "every non-zero eigenvalue appears once");
        all.Select(pair => Math.Abs(pair.Value)).Should().BeInDescendingOrder();
        all[0].Value.Should().Be(spectrum.Eigenpairs.MaxBy(pair => Math.Abs(pair.Value))!.Value);
        Math.Abs(all[0].Value).Should().Be(spectrum.SpectralNorm);
        for (var count = 0; count <= spectrum.Rank; count++)
        {
            spectrum.MostCurved(count).Should().Equal(all.Take(count), "a smaller request is a prefix of a larger one");
        }
    }

    [Theory]
    [EveryCaseAndIndex]
    public void Most_curved_magnitudes_match_the_dense_Hessian_eigenvalues(string name, int k)
    {
        var testCase = Named(name);
        var dense = SingularValueHessian.Compute(testCase.Svd, k);
        var reference = dense.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues
            .Select(z => Math.Abs(z.Real)).OrderDescending().Take(3).ToArray();
        var closed = HessianSpectrum.At(testCase.Svd, k).MostCurved(3).Select(pair => Math.Abs(pair.Value)).ToArray();
        closed.Should().HaveCount(3);
        for (var i = 0; i < 3; i++)
        {
            closed[i].Should().BeApproximately(reference[i], HessianArithmeticScale(testCase.Svd, k));
        }
    }

    [Fact]
    public void Most_curved_merges_both_signs_and_prefers_the_positive_one_on_a_tie()
    {
        // s = (3, 2, 1), k = 2: eigenvalues 1/(2−3) = −1, 1/(2+3) = 0.2, 1/(2−1) = 1, 1/(2+1) = 1/3 (3 x 3: no complement).
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfDiagonalArray([3.0, 2.0, 1.0]);
        var spectrum = HessianSpectrum.At(Spectral.Svd(a), 2);
        var curved = spectrum.MostCurved(4);
        curved.Select(pair => pair.Value).Should().Equal(1.0, -1.0, 1.0 / 3, 0.2);
        curved[0].Should().Be(new HessianEigenpair(1.0, HessianEigenvectorKind.SymmetricPair, 3));
        curved[1].Should().Be(new HessianEigenpair(-1.0, HessianEigenvectorKind.SymmetricPair, 1));
        spectrum.MostPositive(1).Should().Equal(curved[0]);
        spectrum.MostNegative(1).Should().Equal(curved[1]);
    }

    [Fact]
    public void Negative_counts_throw_the_typed_input_exception()
    {
        var spectrum = HessianSpectrum.At(Named("square 5x5").Svd, 2);
        foreach (var select in new Func<int, IReadOnlyList<HessianEigenpair>>[] { spectrum.MostPositive, spectrum.MostNegative, spectrum.MostCurved })
        {
            var thrown = FluentActions.Invoking(() => select(-1)).Should().Throw<CountOutOfRangeException>().Which;
            thrown.Count.Should().Be(-1);
            thrown.Should().BeAssignableTo<InvalidSpectralInputException>();
            thrown.Message.Should().Contain("eigenpairs").And.Contain("-1");
            select(0).Should().BeEmpty();
        }
    }
}
