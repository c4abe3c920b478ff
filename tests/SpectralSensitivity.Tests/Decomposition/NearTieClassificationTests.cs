using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Decomposition;

/// <summary>
/// Which values the near-tie classification refines (<see cref="NearTieClassification"/>), seen through a recording factorization:
/// each maximal chain of neighbours within <c>max(8 τ, 64 β)</c> that holds a pair within <c>8 τ</c> is refined on its own window with the
/// uncertainty β of the scaled matrix, other values keep their double values, a refused window or a value near zero refines the whole
/// decomposition, a failed whole refinement leaves the double values. The classification values are checked against the whole
/// one-sided (two-sided) Jacobi refinement, an algorithm that shares no code with the windows, and are exactly homogeneous in 2^k.
/// </summary>
public class NearTieClassificationTests
{
    /// <summary>β = max(m, n) ε s₁ of an 8 × 6 matrix with s₁ = 3; the gaps below are in units of it (so is the double SVD's error, a
    /// fraction of β).</summary>
    private static readonly double Beta = SpectralTolerances.DefaultThreshold(8, 6, 3.0);

    [Theory]
    [InlineData(-600)]
    [InlineData(0)]
    [InlineData(600)]
    public void Each_chain_of_close_neighbours_with_a_near_tie_is_refined_on_its_own_window(int exponent)
    {
        // Windows: {2 + 3β, 2} (gap 3β ≤ 8β) and {1 + 40β, 1 + 4β, 1} (linked by 36β ≤ 64β, tied by 4β).
        var a = Math.ScaleB(1.0, exponent) * TestMatrices.WithSingularValues(8, 6, [3, 2 + (3 * Beta), 2, 1 + (40 * Beta), 1 + (4 * Beta), 1], 11);
        var recorder = new RecordingFactorization(SingularValueFactorization.Instance);
        var factors = DecompositionPipeline.Run(a, recorder, DecompositionRefinement.None, null);

        recorder.Windows.Select(w => (w.First, w.Count, w.Rows, w.Columns)).Should().Equal((1, 2, 8, 6), (3, 3, 8, 6));
        var beta = SpectralTolerances.DefaultThreshold(8, 8, factors.ScaledValues[0]);
        recorder.Windows.Should().OnlyContain(w => Math.Abs(w.Uncertainty - beta) <= 1e-15 * beta, "β of the scaled matrix, max(m, n) ε s₁");
        recorder.WholeRefinements.Should().Be(0);
        var classification = factors.ClassificationValues.ToArray();
        classification[0].Should().Be(factors.Values[0], "s₁ is in no window: its double value");
        MatchesTheWholeRefinement(classification, ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision).SingularValues.ToArray(), 1, 5);
        classification.Should().BeInDescendingOrder();
        var unscaled = DecompositionPipeline.Run(Math.ScaleB(1.0, -exponent) * a, SingularValueFactorization.Instance, DecompositionRefinement.None, null);
        classification.Should().Equal(unscaled.ClassificationValues.ToArray().Select(x => Math.ScaleB(x, exponent)), "exactly homogeneous in 2^k");
    }

    [Fact]
    public void Refined_singular_values_descend_even_when_every_double_value_is_equal()
    {
        // The factorization reports one double value for all six (as for a matrix whose values agree to the last bit); the refinement
        // of the vectors tells them apart, and singular values must still come out largest first.
        var a = TestMatrices.WithSingularValues(8, 6, [1 + (5 * Beta), 1 + (4 * Beta), 1 + (3 * Beta), 1 + (2 * Beta), 1 + Beta, 1], 23);
        var factors = DecompositionPipeline.Run(a, new EqualValues(SingularValueFactorization.Instance), DecompositionRefinement.None, null);
        var classification = factors.ClassificationValues.ToArray();
        classification.Distinct().Should().HaveCountGreaterThan(1, "the premise: the refinement tells the values apart");
        classification.Should().BeInDescendingOrder();
    }

    [Fact]
    public void A_chain_without_a_near_tie_keeps_its_double_values()
    {
        var a = TestMatrices.WithSingularValues(8, 6, [3, 2 + (3 * Beta), 2, 1 + (40 * Beta), 1, 0.5], 12);
        var recorder = new RecordingFactorization(SingularValueFactorization.Instance);
        var factors = DecompositionPipeline.Run(a, recorder, DecompositionRefinement.None, null);
        recorder.Windows.Select(w => (w.First, w.Count)).Should().Equal((1, 2));
        var classification = factors.ClassificationValues.ToArray();
        new[] { classification[0], classification[3], classification[4], classification[5] }.Should().Equal(factors.Values[0], factors.Values[3], factors.Values[4], factors.Values[5]);
    }

    [Fact]
    public void A_chain_of_several_near_ties_is_one_window()
    {
        var a = TestMatrices.WithSingularValues(8, 6, [3, 2, 1 + (6 * Beta), 1 + (3 * Beta), 1, 0.5], 19);
        var recorder = new RecordingFactorization(SingularValueFactorization.Instance);
        DecompositionPipeline.Run(a, recorder, DecompositionRefinement.None, null);
        recorder.Windows.Select(w => (w.First, w.Count)).Should().Equal((2, 3));
    }

    [Fact]
    public void A_refused_window_refines_the_whole_decomposition_and_a_failed_refinement_leaves_the_double_values()
    {
        var a = TestMatrices.WithSingularValues(8, 6, [3, 2 + (3 * Beta), 2, 1 + (40 * Beta), 1 + (4 * Beta), 1], 13);
        var refuser = new RecordingFactorization(SingularValueFactorization.Instance, refuseWindows: true);
        var refined = DecompositionPipeline.Run(a, refuser, DecompositionRefinement.None, null);
        refuser.Windows.Should().HaveCount(1, "the first refused window decides");
        refuser.WholeRefinements.Should().Be(1);
        refined.ClassificationValues.ToArray().Should().Equal(ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision).SingularValues);

        var failing = new RecordingFactorization(SingularValueFactorization.Instance, refuseWindows: true, failWholeRefinement: true);
        var unrefined = DecompositionPipeline.Run(a, failing, DecompositionRefinement.None, null);
        failing.WholeRefinements.Should().Be(1);
        unrefined.ClassificationValues.ToArray().Should().Equal(unrefined.Values.ToArray());
    }

    [Theory]
    [InlineData(2.0, null)]           // 2β ≤ 8 β: near zero at the default zero tolerance
    [InlineData(5e-3, 1e-3)]          // 5e-3 ≤ 8 · 1e-3: near zero at the caller's
    public void A_value_near_zero_refines_the_whole_decomposition(double smallest, double? zeroTolerance)
    {
        var value = zeroTolerance is null ? smallest * Beta : smallest;
        var a = TestMatrices.WithSingularValues(8, 6, [3, 2, 1, 0.5, 0.25, value], 14);
        var recorder = new RecordingFactorization(SingularValueFactorization.Instance);
        var factors = DecompositionPipeline.Run(a, recorder, DecompositionRefinement.None, new SpectralTolerances(ZeroTolerance: zeroTolerance));
        recorder.Windows.Should().BeEmpty();
        recorder.WholeRefinements.Should().Be(1);
        factors.ClassificationValues.ToArray().Should().Equal(ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision).SingularValues);
    }

    [Fact]
    public void Without_a_near_tie_nothing_is_refined()
    {
        var a = TestMatrices.WithSingularValues(8, 6, [3, 2, 1 + (40 * Beta), 1, 0.5, 0.25], 15);
        var recorder = new RecordingFactorization(SingularValueFactorization.Instance);
        var factors = DecompositionPipeline.Run(a, recorder, DecompositionRefinement.None, null);
        (recorder.Windows.Count + recorder.WholeRefinements).Should().Be(0);
        factors.ClassificationValues.ToArray().Should().Equal(factors.Values.ToArray());
    }

    [Fact]
    public void The_callers_cluster_tolerance_decides_the_tie_and_widens_the_chain()
    {
        var a = TestMatrices.WithSingularValues(8, 6, [3, 2, 1 + 5e-6, 1, 0.5, 0.25], 16);
        var atDefault = new RecordingFactorization(SingularValueFactorization.Instance);
        DecompositionPipeline.Run(a, atDefault, DecompositionRefinement.None, null);
        atDefault.Windows.Should().BeEmpty("5e-6 is far beyond 8 β");
        var loose = new RecordingFactorization(SingularValueFactorization.Instance);
        DecompositionPipeline.Run(a, loose, DecompositionRefinement.None, new SpectralTolerances(ClusterTolerance: 1e-6));
        loose.Windows.Select(w => (w.First, w.Count)).Should().Equal((2, 2));
    }

    [Fact]
    public void A_wide_matrix_is_refined_on_its_transpose()
    {
        var a = TestMatrices.WithSingularValues(6, 8, [3, 2 + (3 * Beta), 2, 1, 0.5, 0.25], 17);
        var recorder = new RecordingFactorization(SingularValueFactorization.Instance);
        var factors = DecompositionPipeline.Run(a, recorder, DecompositionRefinement.None, null);
        recorder.Windows.Select(w => (w.First, w.Count, w.Rows, w.Columns)).Should().Equal((1, 2, 8, 6));
        MatchesTheWholeRefinement(factors.ClassificationValues.ToArray(), ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision).SingularValues.ToArray(), 1, 2);
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(0)]
    [InlineData(600)]
    public void Eigenvalues_are_refined_on_their_window_with_beta_from_the_largest_magnitude_and_a_zero_eigenvalue_is_not_near_zero(int exponent)
    {
        var beta = SpectralTolerances.DefaultThreshold(6, 6, 3.0);                 // |μ| largest for the negative −3
        var q = TestMatrices.Orthonormal(6, 6, 18);
        var t = q * Matrix<double>.Build.DenseOfDiagonalArray([-3, -1, 0, 1, 1 + (4 * beta), 2]) * q.Transpose();
        t = Math.ScaleB(1.0, exponent) * ((t + t.Transpose()) / 2);
        var recorder = new RecordingFactorization(SymmetricEigenFactorization.Instance);
        var factors = DecompositionPipeline.Run(t, recorder, DecompositionRefinement.None, null);

        recorder.Windows.Select(w => (w.First, w.Count)).Should().Equal((3, 2));
        var largest = Math.Max(Math.Abs(factors.ScaledValues[0]), Math.Abs(factors.ScaledValues[^1]));
        recorder.Windows[0].Uncertainty.Should().BeApproximately(SpectralTolerances.DefaultThreshold(6, 6, largest), 1e-15 * recorder.Windows[0].Uncertainty);
        recorder.WholeRefinements.Should().Be(0, "eigenvalues have no zero classification: 0 is not near zero");
        var classification = factors.ClassificationValues.ToArray();
        classification.Should().BeInAscendingOrder();
        new[] { classification[0], classification[1], classification[2], classification[5] }.Should().Equal(factors.Values[0], factors.Values[1], factors.Values[2], factors.Values[5]);
        var whole = SymmetricEigendecomposition.Compute(t, DecompositionRefinement.ExtendedPrecision).Eigenvalues.ToArray();
        for (var i = 3; i <= 4; i++)
        {
            Math.Abs(classification[i] - whole[i]).Should().BeLessThanOrEqualTo(Math.BitIncrement(Math.Abs(whole[i])) - Math.Abs(whole[i]), "μ_{0}", i + 1);
        }
    }

    /// <summary>The values <paramref name="from"/> … <paramref name="to"/> (0-based, inside windows) within an ulp of the whole refinement's:
    /// certified to an eighth of an ulp, as the whole refinement's are.</summary>
    private static void MatchesTheWholeRefinement(double[] classification, double[] whole, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            Math.Abs(classification[i] - whole[i]).Should().BeLessThanOrEqualTo(Math.BitIncrement(whole[i]) - whole[i], "s_{0}", i + 1);
        }
    }

    /// <summary>A factorization whose double values are all replaced by their mean, the vectors kept.</summary>
    private sealed class EqualValues(ISpectralFactorization inner) : ISpectralFactorization
    {
        public void Check(Matrix<double> a) => inner.Check(a);

        public bool FactorsTranspose(Matrix<double> a) => inner.FactorsTranspose(a);

        public SpectralFactors Factor(SpectralSensitivity.Backends.IDecompositionBackend backend, double[] work, int rows, int columns)
        {
            var factors = inner.Factor(backend, work, rows, columns);
            var mean = factors.ScaledValues.ToArray().Average();
            return new SpectralFactors(Enumerable.Repeat(mean, factors.ScaledValues.Length).ToArray(), factors.First, factors.Second, factors.ScaleExponent);
        }

        public SpectralFactors Refine(double[] scaled, int rows, int columns, SpectralFactors factors) => inner.Refine(scaled, rows, columns, factors);

        public double[]? RefineWindow(double[] scaled, int rows, int columns, SpectralFactors factors, int first, int count, double uncertainty) =>
            inner.RefineWindow(scaled, rows, columns, factors, first, count, uncertainty);
    }
}
