using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>
/// The derivative engine gives the same derivatives whichever provider is selected. The engine reaches the native
/// library through the core's <see cref="SpectralSensitivity.Backends.DecompositionBackends"/> (and MathNet's
/// <see cref="LinearAlgebraControl.Provider"/>), so these tests switch both, as <c>SpectralProviders.Use*</c> does, and restore them.
/// </summary>
[Collection(GlobalProviderCollection.Name)]
public sealed class EngineOnProvidersTests
{
    private const int Order = 6;

    [NativeTheory(NativeBackend.Mkl)]
    [InlineData("mkl")]
    public void Mkl_singular_value_derivatives_match_managed(string provider) => SingularValueDerivativesMatch(provider);

    [NativeTheory(NativeBackend.OpenBlas)]
    [InlineData("openblas")]
    public void OpenBlas_singular_value_derivatives_match_managed(string provider) => SingularValueDerivativesMatch(provider);

    [NativeTheory(NativeBackend.Mkl)]
    [InlineData("mkl")]
    public void Mkl_eigenvalue_derivatives_match_managed(string provider)
    {
        var b = Matrix<double>.Build.Random(16, 16, 71);
        var t = b + b.Transpose();
        var e = Matrix<double>.Build.Random(16, 16, 72);
        var direction = e + e.Transpose();
        foreach (var index in new[] { 1, 8 }) // 1-based, as in the core API
        {
            var expected = On("managed", () => EigenvalueDerivatives.Expand(t, direction, index, Order).Derivatives.ToArray());
            var actual = On(provider, () => EigenvalueDerivatives.Expand(t, direction, index, Order).Derivatives.ToArray());
            ShouldAgreeByOrder(actual, expected, $"eigenvalue {index} on {provider}");
        }
    }

    [NativeTheory(NativeBackend.Mkl)]
    [InlineData("mkl")]
    public void Mkl_extended_precision_SVD_equals_managed_to_the_ulp(string provider) => ExtendedPrecisionMatches(provider);

    [NativeTheory(NativeBackend.OpenBlas)]
    [InlineData("openblas")]
    public void OpenBlas_extended_precision_SVD_equals_managed_to_the_ulp(string provider) => ExtendedPrecisionMatches(provider);

    /// <summary>The refinement converges to the exact factors whatever double SVD it starts from, so after rounding the
    /// providers agree to an ulp, where their double SVDs differ by many.</summary>
    private static void ExtendedPrecisionMatches(string provider)
    {
        foreach (var a in new[] { Matrix<double>.Build.Random(14, 9, 75), Matrix<double>.Build.Random(9, 14, 76) })
        {
            var expected = On("managed", () => SpectralSensitivity.Decomposition.ThinSingularValueDecomposition.Compute(a, SpectralSensitivity.Decomposition.DecompositionRefinement.ExtendedPrecision));
            var actual = On(provider, () => SpectralSensitivity.Decomposition.ThinSingularValueDecomposition.Compute(a, SpectralSensitivity.Decomposition.DecompositionRefinement.ExtendedPrecision));
            for (var i = 0; i < expected.Size; i++)
            {
                var value = expected.SingularValues[i];
                Math.Abs(actual.SingularValues[i] - value).Should().BeLessThanOrEqualTo(Math.BitIncrement(value) - value, $"s_{i + 1} on {provider}");
                // Providers pick different signs; the refinement keeps its input's, so compare the pair up to one common sign.
                var sign = Math.Sign(actual.LeftVectors.Column(i).DotProduct(expected.LeftVectors.Column(i)));
                (sign * actual.LeftVectors.Column(i) - expected.LeftVectors.Column(i)).InfinityNorm().Should().BeLessThanOrEqualTo(4e-16, $"u_{i + 1} on {provider}");
                (sign * actual.RightVectors.Column(i) - expected.RightVectors.Column(i)).InfinityNorm().Should().BeLessThanOrEqualTo(4e-16, $"v_{i + 1} on {provider}");
            }
        }
    }

    [NativeTheory(NativeBackend.Mkl)]
    [InlineData("mkl")]
    public void Mkl_extended_precision_eigendecomposition_equals_managed_to_the_ulp(string provider) => ExtendedPrecisionEigenpairsMatch(provider);

    [NativeTheory(NativeBackend.OpenBlas)]
    [InlineData("openblas")]
    public void OpenBlas_extended_precision_eigendecomposition_equals_managed_to_the_ulp(string provider) => ExtendedPrecisionEigenpairsMatch(provider);

    private static void ExtendedPrecisionEigenpairsMatch(string provider)
    {
        var b = Matrix<double>.Build.Random(12, 12, 77);
        var t = b + b.Transpose();
        var expected = On("managed", () => SpectralSensitivity.Decomposition.SymmetricEigendecomposition.Compute(t, SpectralSensitivity.Decomposition.DecompositionRefinement.ExtendedPrecision));
        var actual = On(provider, () => SpectralSensitivity.Decomposition.SymmetricEigendecomposition.Compute(t, SpectralSensitivity.Decomposition.DecompositionRefinement.ExtendedPrecision));
        for (var i = 0; i < expected.Size; i++)
        {
            var value = Math.Abs(expected.Eigenvalues[i]);
            Math.Abs(actual.Eigenvalues[i] - expected.Eigenvalues[i]).Should().BeLessThanOrEqualTo(Math.BitIncrement(value) - value, $"mu_{i + 1} on {provider}");
            var sign = Math.Sign(actual.Eigenvectors.Column(i).DotProduct(expected.Eigenvectors.Column(i)));
            (sign * actual.Eigenvectors.Column(i) - expected.Eigenvectors.Column(i)).InfinityNorm().Should().BeLessThanOrEqualTo(4e-16, $"q_{i + 1} on {provider}");
        }
    }

    private static void SingularValueDerivativesMatch(string provider)
    {
        var a = Matrix<double>.Build.Random(14, 9, 73);
        var direction = Matrix<double>.Build.Random(14, 9, 74);
        foreach (var index in new[] { 1, 5 }) // 1-based, as in the core API
        {
            var expected = On("managed", () => SingularValueDerivatives.Expand(a, direction, index, Order).Derivatives.ToArray());
            var actual = On(provider, () => SingularValueDerivatives.Expand(a, direction, index, Order).Derivatives.ToArray());
            ShouldAgreeByOrder(actual, expected, $"singular value {index} on {provider}");
        }
    }

    /// <summary>Derivative k agrees to 1e-9 relative to its own size (or to 1 when it is tiny).</summary>
    private static void ShouldAgreeByOrder(double[] actual, double[] expected, string because)
    {
        actual.Length.Should().Be(expected.Length, because);
        for (var k = 0; k < expected.Length; k++)
        {
            Math.Abs(actual[k] - expected[k]).Should().BeLessThanOrEqualTo(1e-9 * Math.Max(1.0, Math.Abs(expected[k])), $"{because}: order {k}");
        }
    }

    private static T On<T>(string provider, Func<T> compute) => ProviderSwitch.On(provider, compute);
}
