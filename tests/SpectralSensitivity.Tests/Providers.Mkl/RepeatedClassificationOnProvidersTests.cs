using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>
/// "Repeated" and "zero" do not depend on the provider: near the tolerance the classification uses extended-precision values,
/// which every provider rounds the same, instead of double-precision values whose rounding (a few ε‖A‖₂) differs by provider.
/// </summary>
[Collection(GlobalProviderCollection.Name)]
public sealed class RepeatedClassificationOnProvidersTests
{
    /// <summary>Gaps in units of the cluster tolerance max(m, n) ε ‖A‖₂ (= 3.3e-15 here): both sides of it and close to it.</summary>
    private static readonly double[] GapsInTolerances = [0.3, 0.5, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.5, 2, 2.5, 3, 4, 5];

    /// <summary>Providers may still disagree where the exact gap is this close to the tolerance (relative): the extended-precision
    /// values agree to an ulp (2.2e-16 at s = 1, 0.07 tolerances), so their gap to two ulps.</summary>
    private const double Band = 0.25;

    [NativeTheory(NativeBackend.Mkl)]
    [InlineData("mkl")]
    public void Mkl_classifies_singular_values_as_managed_does(string provider) => SingularValuesClassifiedAlike(provider);

    [NativeTheory(NativeBackend.OpenBlas)]
    [InlineData("openblas")]
    public void OpenBlas_classifies_singular_values_as_managed_does(string provider) => SingularValuesClassifiedAlike(provider);

    [NativeTheory(NativeBackend.Mkl)]
    [InlineData("mkl")]
    public void Mkl_classifies_eigenvalues_as_managed_does(string provider) => EigenvaluesClassifiedAlike(provider);

    [NativeTheory(NativeBackend.OpenBlas)]
    [InlineData("openblas")]
    public void OpenBlas_classifies_eigenvalues_as_managed_does(string provider) => EigenvaluesClassifiedAlike(provider);

    /// <summary>A = Q₁ diag(3, 1 + g, 1, 0.5) Q₂ᵀ, 5 × 4, with seeded random orthonormal factors.</summary>
    internal static Matrix<double> NearlyRepeated(double gap, int seed)
    {
        var q1 = Matrix<double>.Build.Random(5, 4, seed).QR().Q.SubMatrix(0, 5, 0, 4);
        var q2 = Matrix<double>.Build.Random(4, 4, seed + 1000).QR().Q;
        return q1 * Matrix<double>.Build.DenseOfDiagonalArray([3, 1 + gap, 1, 0.5]) * q2.Transpose();
    }

    private static void SingularValuesClassifiedAlike(string provider)
    {
        var tolerance = SpectralTolerances.DefaultThreshold(5, 4, 3.0);
        var disagreements = new List<string>();
        foreach (var seed in Enumerable.Range(1, 16))
        {
            foreach (var multiple in GapsInTolerances)
            {
                var a = NearlyRepeated(multiple * tolerance, seed);
                var exact = ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision);
                var ratio = (exact.SingularValues[1] - exact.SingularValues[2]) / exact.ClusterTolerance;
                var expected = ProviderSwitch.On("managed", () => Classify(() => ThinSingularValueDecomposition.Compute(a).RequireIsolated(2)));
                var actual = ProviderSwitch.On(provider, () => Classify(() => ThinSingularValueDecomposition.Compute(a).RequireIsolated(2)));
                if (actual != expected && Math.Abs(ratio - 1) > Band)
                {
                    disagreements.Add($"seed {seed}, gap {ratio:0.00} tolerances: managed {expected}, {provider} {actual}");
                }
            }
        }

        disagreements.Should().BeEmpty();
    }

    private static void EigenvaluesClassifiedAlike(string provider)
    {
        var disagreements = new List<string>();
        foreach (var seed in Enumerable.Range(1, 16))
        {
            var q = Matrix<double>.Build.Random(6, 6, seed).QR().Q;
            var tolerance = SpectralTolerances.DefaultThreshold(6, 6, 3.0);
            foreach (var multiple in GapsInTolerances)
            {
                var t = q * Matrix<double>.Build.DenseOfDiagonalArray([-3, -1, 0.5, 1, 1 + multiple * tolerance, 2]) * q.Transpose();
                t = (t + t.Transpose()) / 2;
                var exact = SymmetricEigendecomposition.Compute(t, DecompositionRefinement.ExtendedPrecision);
                var ratio = (exact.Eigenvalues[4] - exact.Eigenvalues[3]) / exact.ClusterTolerance;
                var expected = ProviderSwitch.On("managed", () => Classify(() => SymmetricEigendecomposition.Compute(t).RequireIsolated(4)));
                var actual = ProviderSwitch.On(provider, () => Classify(() => SymmetricEigendecomposition.Compute(t).RequireIsolated(4)));
                if (actual != expected && Math.Abs(ratio - 1) > Band)
                {
                    disagreements.Add($"seed {seed}, gap {ratio:0.00} tolerances: managed {expected}, {provider} {actual}");
                }
            }
        }

        disagreements.Should().BeEmpty();
    }

    private static string Classify(Action requireIsolated)
    {
        try
        {
            requireIsolated();
            return "simple";
        }
        catch (DegenerateSpectrumException e)
        {
            return e.Kind.ToString();
        }
    }
}
