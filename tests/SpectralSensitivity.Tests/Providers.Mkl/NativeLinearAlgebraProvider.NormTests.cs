using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>Matrix norms of the native providers: the Frobenius norm is one scale-safe pass over the entries (MathNet's managed
/// provider forms A Aᵀ, O(m² n), and overflows above 2^511), the other norms are the managed ones.</summary>
public abstract class NativeNormTests : ProviderSuite
{
    [ProviderFact]
    public void Frobenius_norm_is_the_root_of_the_sum_of_squares_and_of_the_squared_singular_values()
    {
        foreach (var (m, n) in new[] { (1, 1), (7, 3), (3, 7), (40, 25) })
        {
            var a = Matrix<double>.Build.Random(m, n, 17 + m);
            var norm = Provider.MatrixNorm(Norm.FrobeniusNorm, m, n, a.ToColumnMajorArray());

            var sumOfSquares = Math.Sqrt(a.Enumerate().Sum(x => x * x));                       // ‖A‖_F² = Σ a_ij²
            var (s, _, _) = FullSvd(Reference, a, vectors: false);
            var fromValues = Math.Sqrt(s.Sum(x => x * x));                                      // ‖A‖_F² = Σ s_i²
            var tolerance = 4 * Math.Sqrt(m * n) * Math.ScaleB(1, -52) * sumOfSquares;              // c √(mn) ε ‖A‖_F
            norm.Should().BeApproximately(sumOfSquares, tolerance, $"{m} x {n}");
            norm.Should().BeApproximately(fromValues, 10 * tolerance, $"{m} x {n}: against the managed SVD");
        }
    }

    [ProviderFact]
    public void Frobenius_norm_scales_exactly_by_powers_of_two_without_overflow_or_underflow()
    {
        var a = Matrix<double>.Build.Random(9, 6, 3);
        var unit = Provider.MatrixNorm(Norm.FrobeniusNorm, 9, 6, a.ToColumnMajorArray());

        foreach (var p in new[] { -1000, -600, 600, 1000 })
        {
            Provider.MatrixNorm(Norm.FrobeniusNorm, 9, 6, (a * Math.ScaleB(1, p)).ToColumnMajorArray()).Should().Be(Math.ScaleB(unit, p), $"2^{p} A");
        }
    }

    [ProviderFact]
    public void The_other_norms_are_the_managed_ones()
    {
        var a = Matrix<double>.Build.Random(8, 5, 4).ToColumnMajorArray();
        foreach (var norm in new[] { Norm.OneNorm, Norm.InfinityNorm, Norm.LargestAbsoluteValue })
        {
            Provider.MatrixNorm(norm, 8, 5, a).Should().Be(Reference.MatrixNorm(norm, 8, 5, a), norm.ToString());
        }
    }
}

[RunsOnProvider("mkl")]
public sealed class MklNormTests : NativeNormTests;

[RunsOnProvider("openblas")]
public sealed class OpenBlasNormTests : NativeNormTests;
