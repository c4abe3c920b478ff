using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>The extreme eigenpairs of a symmetric operator: the pair beyond the wanted ones is converged only until it bounds the gap,
/// every gap used is a rigorous lower bound, and the derivatives agree with the dense path without that pair deflated.</summary>
public class PartialSymmetricEigendecompositionTests
{
    public static TheoryData<int, SpectrumEnd, int> GapCases() => new()
    {
        { 0, SpectrumEnd.LargestAlgebraic, 1 }, { 0, SpectrumEnd.SmallestAlgebraic, 2 }, { 1, SpectrumEnd.LargestAlgebraic, 1 },
        { 1, SpectrumEnd.SmallestAlgebraic, 1 }, { 2, SpectrumEnd.LargestAlgebraic, 1 }, { 2, SpectrumEnd.LargestAlgebraic, 2 },
        { 2, SpectrumEnd.SmallestAlgebraic, 1 },
    };

    [Theory]
    [MemberData(nameof(GapCases))]
    public void The_gap_bounds_are_lower_bounds_of_the_dense_gaps_and_the_last_one_is_within_an_eighth(int kind, SpectrumEnd end, int index)
    {
        var t = GapCase(kind);
        var eig = PartialSymmetricEigendecomposition.ComputeThrough(LinearOperator.FromMatrix(t), index, end);
        var sign = end == SpectrumEnd.LargestAlgebraic ? 1.0 : -1.0;
        var dense = SymmetricEigendecomposition.Compute(t).Eigenvalues.Select(x => sign * x).OrderByDescending(x => x).ToArray();   // end coordinates
        var scale = Math.Abs(dense[0]) + Math.Abs(dense[^1]);
        eig.Count.Should().Be(index + 1);
        eig.ConvergedCount.Should().Be(index);
        for (var k = 1; k <= index; k++)
        {
            var gap = Math.Min(k > 1 ? dense[k - 2] - dense[k - 1] : double.PositiveInfinity, dense[k - 1] - dense[k]);
            eig.GapBound(k).Should().BeLessThanOrEqualTo(gap + Slack(scale), "a lower bound of the gap of eigenvalue {0}", k);
            eig.GapBound(k).Should().BeGreaterThan(0.85 * gap, "within an eighth of the gap of eigenvalue {0} (and rounding)", k);
            (sign * eig.Eigenvalues[k - 1]).Should().BeApproximately(dense[k - 1], 1e-11 * scale);
        }

        var last = eig.Residuals[index];
        (sign * eig.Eigenvalues[index]).Should().BeLessThanOrEqualTo(dense[index] + Slack(scale), "a Ritz value is at most the eigenvalue of its rank from the end");
        (sign * eig.Eigenvalues[index] + last).Should().BeGreaterThanOrEqualTo(dense[index] - Slack(scale), "its residual reaches the eigenvalue");
        last.Should().BeLessThanOrEqualTo(Math.Max(GolubKahanLanczos.GapResidualFraction * Math.Abs(eig.Eigenvalues[index - 1] - eig.Eigenvalues[index]),
            1e-12 * eig.Eigenvalues.Max(Math.Abs)) * 1.01);
    }

    [Theory]
    [InlineData(SpectrumEnd.LargestAlgebraic)]
    [InlineData(SpectrumEnd.SmallestAlgebraic)]
    public void Converging_the_gap_pair_only_to_its_bound_saves_products_when_it_converges_slowly(SpectrumEnd end)
    {
        var op = LinearOperator.FromMatrix(SlowSecond(220, end, seed: 53));
        var loose = PartialSymmetricEigendecomposition.ComputeThrough(op, 1, end);
        var tight = PartialSymmetricEigendecomposition.Compute(op, 2, end);
        tight.ConvergedCount.Should().Be(2);
        loose.ProductCount.Should().BeLessThan(tight.ProductCount / 2, "μ₂ needs many more products to separate from μ₃ to 1e-12 than to bound the gap beyond μ₁");
        loose.Residuals[1].Should().BeGreaterThan(1e3 * tight.Residuals[1], "the premise: the gap pair stops far from the tolerance");
        loose.Eigenvalues[0].Should().BeApproximately(tight.Eigenvalues[0], 1e-12 * 10);
    }

    [Theory]
    [InlineData(SpectrumEnd.LargestAlgebraic)]
    [InlineData(SpectrumEnd.SmallestAlgebraic)]
    public void Derivatives_with_the_gap_pair_left_in_the_complement_agree_with_the_dense_path_within_their_error_estimates(SpectrumEnd end)
    {
        const int n = 220;
        var t = SlowSecond(n, end, seed: 59);
        var b = TestMatrices.Gaussian(n, n, seed: 60);
        var e = b + b.Transpose();
        var eig = PartialSymmetricEigendecomposition.ComputeThrough(LinearOperator.FromMatrix(t), 1, end);
        eig.ConvergedCount.Should().Be(1);
        var krylov = KrylovEigenvalueDerivatives.Expand(eig, LinearOperator.FromMatrix(e), 1, 4);
        var reference = EigenvalueDerivatives.Expand(t, e, end == SpectrumEnd.LargestAlgebraic ? n : 1, 4);
        for (var j = 1; j <= 4; j++)
        {
            var expected = reference.Derivative(j);
            var difference = Math.Abs(krylov.Derivative(j) - expected);
            difference.Should().BeLessThan(1e-8 * Math.Max(1, Math.Abs(expected)), "order {0} from the {1} end", j, end);
            difference.Should().BeLessThanOrEqualTo(krylov.DerivativeErrorEstimates[j - 1] + (1e-13 * Math.Max(1, Math.Abs(expected))), "the estimate covers order {0}", j);
        }

        var act = () => KrylovEigenvalueDerivatives.Expand(eig, LinearOperator.FromMatrix(e), 2, 1);
        act.Should().Throw<InvalidSpectralInputException>().WithMessage("*eigenvalue 2*compute at least 3 pairs*");
    }

    [Theory]
    [InlineData(SpectrumEnd.LargestAlgebraic)]
    [InlineData(SpectrumEnd.SmallestAlgebraic)]
    public void The_gap_pair_is_deflated_only_when_its_measured_residual_reached_the_tolerance(SpectrumEnd end)
    {
        const int n = 150;
        var sign = end == SpectrumEnd.LargestAlgebraic ? 1.0 : -1.0;
        double[] separated = [10.0, 8.0, 6.0, .. Enumerable.Range(0, n - 3).Select(i => 1.0 - (2.0 * i / (n - 4)))];
        var fast = PartialSymmetricEigendecomposition.ComputeThrough(LinearOperator.FromMatrix(WithEigenvalues(separated.Select(x => sign * x).ToArray(), seed: 71)), 1, end);
        fast.Residuals[1].Should().BeLessThanOrEqualTo(fast.Options.Tolerance * fast.Eigenvalues.Max(Math.Abs), "the premise: μ₂ converged on the way");
        (fast.ConvergedCount, fast.DeflatedCount).Should().Be((1, 2));
        var slow = PartialSymmetricEigendecomposition.ComputeThrough(LinearOperator.FromMatrix(SlowSecond(220, end, seed: 53)), 1, end);
        (slow.ConvergedCount, slow.DeflatedCount).Should().Be((1, 1), "μ₂ stopped at an eighth of the gap stays in the complement");

        var b = TestMatrices.Gaussian(n, n, seed: 72);
        var e = b + b.Transpose();
        var t = WithEigenvalues(separated.Select(x => sign * x).ToArray(), seed: 71);
        var krylov = KrylovEigenvalueDerivatives.Expand(fast, LinearOperator.FromMatrix(e), 1, 4);
        var reference = EigenvalueDerivatives.Expand(t, e, end == SpectrumEnd.LargestAlgebraic ? n : 1, 4);
        for (var j = 1; j <= 4; j++)
        {
            krylov.Derivative(j).Should().BeApproximately(reference.Derivative(j), 1e-9 * Math.Max(1, Math.Abs(reference.Derivative(j))), "order {0}", j);
        }
    }

    [Fact]
    public void A_neighbour_that_the_residuals_cannot_separate_joins_the_cluster()
    {
        // μ₂ sits 2e-8 below μ₁ = 3 with a dense spectrum below: apart at a cluster tolerance of 1e-9 · max|μ|, but the loose residuals
        // cannot certify that distance, so μ₂ joins μ₁'s cluster and the cluster's gap bound stays positive; dense keeps them apart.
        const int n = 120;
        var t = WithEigenvalues([3.0, 3.0 - 2e-8, .. Enumerable.Range(0, n - 2).Select(i => 2.99 - (0.02 * i))], seed: 67);
        var loose = KrylovOptions.Default with { Tolerance = 1e-5 };
        var eig = PartialSymmetricEigendecomposition.Compute(LinearOperator.FromMatrix(t), 4, SpectrumEnd.LargestAlgebraic, loose);
        var tolerance = 1e-9 * eig.Eigenvalues.Max(Math.Abs);
        (eig.Eigenvalues[0] - eig.Eigenvalues[1]).Should().BeGreaterThan(tolerance, "the premise: the computed values are apart");
        eig.GapBound(1).Should().BeLessThanOrEqualTo(tolerance, "the premise: the residuals cannot certify the gap");
        var e = LinearOperator.FromMatrix(Matrix<double>.Build.DenseIdentity(n));
        var mean = KrylovEigenvalueDerivatives.ClusterMean(eig, e, 1, 2, clusterTolerance: 1e-9);
        mean.Mean.Cluster.Members.Should().Equal(1, 2);
        mean.Mean.Cluster.Gap.Should().BeGreaterThan(tolerance);
        mean.Mean.Derivative(1).Should().BeApproximately(1.0, 1e-12, "the mean of T + tI moves with unit speed");
        var dense = SymmetricEigendecomposition.Compute(t).Cluster(n, 1e-9);
        dense.Count.Should().Be(1);
    }

    /// <summary>Dense symmetric mean-zero entries (the extreme eigenvalues at the edge of the semicircle), a sparse symmetric matrix,
    /// and <see cref="SlowSecond"/>.</summary>
    private static Matrix<double> GapCase(int kind) => kind switch
    {
        0 => Symmetrized(PartialSingularValueDecompositionTests.Uniform(200, 200, 0.5, seed: 47)),
        1 => Symmetrized(SparseTestMatrices.Random(260, 260, 0.02, seed: 41)),
        _ => SlowSecond(220, SpectrumEnd.LargestAlgebraic, seed: 53),
    };

    /// <summary>μ₁ = ±10 isolated, μ₂ = ±5 a relative 1e-4 beyond μ₃ (Lanczos separates them slowly), then the rest spread over ±(4.9 … −4.9).</summary>
    private static Matrix<double> SlowSecond(int n, SpectrumEnd end, int seed)
    {
        var sign = end == SpectrumEnd.LargestAlgebraic ? 1.0 : -1.0;
        double[] values = [10.0, 5.0, 5.0 * (1 - 1e-4), .. Enumerable.Range(0, n - 3).Select(i => 4.9 - (9.8 * i / (n - 4)))];
        return WithEigenvalues(values.Select(x => sign * x).ToArray(), seed);
    }

    /// <summary><c>Q diag(values) Qᵀ</c> with a random orthogonal Q.</summary>
    private static Matrix<double> WithEigenvalues(double[] values, int seed)
    {
        var q = TestMatrices.Orthonormal(values.Length, values.Length, seed);
        var t = q * Matrix<double>.Build.DenseOfDiagonalArray(values) * q.Transpose();
        return (t + t.Transpose()) / 2;
    }

    private static Matrix<double> Symmetrized(Matrix<double> a) => Matrix<double>.Build.DenseOfMatrix(a + a.Transpose());

    /// <summary>The rounding error of the dense eigenvalues, about ε √n ‖T‖₂, with room.</summary>
    private static double Slack(double scale) => 1e-13 * scale;
}
