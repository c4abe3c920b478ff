using FluentAssertions;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>
/// LAPACK's SVD and symmetric eigensolvers (MKL's, OpenBLAS's) are not exactly homogeneous in the last bits on rank-deficient
/// matrices (scaled norm accumulators, safe-minimum thresholds, deflation tests): the decomposition and the derivatives on a
/// native backend are still bit-exactly homogeneous from <c>2^−1000</c> to <c>2^1000</c>, because A and <c>2^p A</c> are
/// factorized as the same scaled matrix.
/// </summary>
[Collection(GlobalProviderCollection.Name)]
public sealed class HomogeneityOnProvidersTests
{
    /// <summary>The entry points run on each provider: both decompositions in double and double-double and the derivatives.</summary>
    private static readonly string[] Rectangular = ["thin SVD", "thin SVD, extended precision", "symmetric eigendecomposition of H(A)", "derivatives (recursion, orders 1..8)"];

    private static readonly string[] Symmetric = ["symmetric eigendecomposition", "symmetric eigendecomposition, extended precision", "eigenvalue, recursion, orders 1..8"];

    [NativeTheory(NativeBackend.Mkl)]
    [InlineData("mkl")]
    public void Mkl_decompositions_and_derivatives_scale_bit_exactly_on_rank_deficient_matrices(string provider) => ScaleBitExactly(provider);

    [NativeTheory(NativeBackend.OpenBlas)]
    [InlineData("openblas")]
    public void OpenBlas_decompositions_and_derivatives_scale_bit_exactly_on_rank_deficient_matrices(string provider) => ScaleBitExactly(provider);

    private static void ScaleBitExactly(string provider)
    {
        var failures = ProviderSwitch.On(provider, () =>
        {
            var found = new List<string>();
            foreach (var (name, (a, index)) in RankDeficientMatrices.Rectangular)
            {
                foreach (var point in EntryPointHarness.At(index).Concat(EntryPointHarness.Decompositions).Where(p => Rectangular.Contains(p.Name)))
                {
                    found.AddRange(EntryPointHarness.CheckHomogeneity(point, a, RankDeficientMatrices.Direction(a), tolerance: 0, RankDeficientMatrices.Scalings)
                        .Select(f => $"{name}: {f}"));
                }
            }

            foreach (var (name, (t, index, _)) in RankDeficientMatrices.Symmetric)
            {
                foreach (var point in EntryPointHarness.Symmetric(index).Where(p => Symmetric.Contains(p.Name)))
                {
                    found.AddRange(EntryPointHarness.CheckHomogeneity(point, t, RankDeficientMatrices.SymmetricDirection(t), tolerance: 0, RankDeficientMatrices.Scalings)
                        .Select(f => $"{name}: {f}"));
                }
            }

            return found;
        });
        failures.Should().BeEmpty($"on {provider}");
    }
}
