using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>A zero <c>s_k</c> on the matrix-free path: every entry point refuses it naming the whole zero cluster (down to s_min(m, n), not only
/// the computed zeros), what is defined there (the branches, on the full decomposition) and what this path serves (the non-zero values).</summary>
public class ZeroSingularValueTests
{
    private const string Defined = "Every singular value below s_3 is zero too (they decrease). What is defined there: the signed branches and one-sided derivatives " +
        "of the zero values, which need every non-zero singular triplet, so only the full decomposition gives them " +
        "(SingularValueDerivatives.Branches; CLI --branches --decomposition dense); the matrix-free path serves the non-zero values s_1..s_2 (CLI -k 1..2)";

    private static readonly Matrix<double> RankTwo = TestMatrices.WithSingularValues(6, 5, [3, 1], seed: 11);   // 6 x 5: s_3 = s_4 = s_5 = 0

    private static readonly ILinearOperator A = LinearOperator.FromMatrix(RankTwo);

    private static readonly ILinearOperator E = LinearOperator.FromMatrix(TestMatrices.Gaussian(6, 5, 12));

    public static TheoryData<string> Requests => [.. Refusals.Keys];

    private static readonly Dictionary<string, Func<int, object>> Refusals = new()
    {
        ["Expand"] = k => KrylovSingularValueDerivatives.Expand(A, E, k, 2),
        ["ClusterMean"] = k => KrylovSingularValueDerivatives.ClusterMean(A, E, k, 2),
        ["Gradient"] = k => KrylovSingularValueDerivatives.Gradient(PartialSingularValueDecomposition.ComputeThrough(A, k), k),
        ["HessianVectorProduct"] = k => KrylovSingularValueDerivatives.HessianVectorProduct(PartialSingularValueDecomposition.ComputeThrough(A, k), E, k),
        ["ClusterMeanGradient"] = k => KrylovSingularValueDerivatives.ClusterMeanGradient(PartialSingularValueDecomposition.ComputeCluster(A, k), k),
        ["ClusterMeanHessianVectorProduct"] = k => KrylovSingularValueDerivatives.ClusterMeanHessianVectorProduct(PartialSingularValueDecomposition.ComputeCluster(A, k), E, k),
        ["Cluster"] = k => KrylovSingularValueDerivatives.Cluster(PartialSingularValueDecomposition.ComputeCluster(A, k), k),
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_zero_value_is_undefined_and_the_message_names_the_whole_zero_cluster_and_what_is_defined(string request)
    {
        foreach (var k in new[] { 3, 5 })
        {
            var refusal = FluentActions.Invoking(() => Refusals[request](k)).Should().Throw<DegenerateSpectrumException>().Which;
            refusal.Kind.Should().Be(Degeneracy.Zero);
            refusal.Index.Should().Be(k);
            refusal.CollidingIndices.Should().Equal([3, 4, 5], "every value below the first computed zero is zero, computed or not");
            var tolerance = PartialSingularValueDecomposition.ComputeThrough(A, 3).ClusterTolerance;
            refusal.Tolerance.Should().Be(tolerance);
            refusal.Value.Should().BeLessThanOrEqualTo(tolerance);
            refusal.Message.Should().Be(
                $"singular value {k} is zero ({refusal.Value:G6} <= tolerance {tolerance:G3}): it is not differentiable there (s(t) = |lambda(t)| has a kink); " +
                $"the zero cluster is indices 3, 4, 5. {Defined}");
        }
    }

    [Fact]
    public void The_branches_of_a_zero_value_are_refused_as_a_request_for_the_full_decomposition()
    {
        var svd = PartialSingularValueDecomposition.ComputeCluster(A, 4);
        var refusal = FluentActions.Invoking(() => KrylovSingularValueDerivatives.Branches(svd, E, 4, 2)).Should().Throw<InvalidSpectralInputException>().Which;
        refusal.Message.Should().Be(
            $"s_4 = {svd.SingularValues[3]:G3} is zero (<= tolerance {svd.ClusterTolerance:G3}; the zero cluster is indices 3..5, every value below s_3 being zero too): " +
            "the signed branches of zero singular values need every non-zero singular triplet: use the full decomposition (SingularValueDerivatives.Branches, " +
            "or --decomposition dense); the matrix-free path serves the non-zero values s_1..s_2 (CLI -k 1..2)");
    }

    [Fact]
    public void The_non_zero_values_the_message_offers_are_served()
    {
        foreach (var k in new[] { 1, 2 })
        {
            KrylovSingularValueDerivatives.Expand(A, E, k, 2).Derivatives.Should().OnlyContain(d => double.IsFinite(d));
            KrylovSingularValueDerivatives.Branches(A, E, k, 2).Branches.Branches.Should().ContainSingle();
        }
    }

    [Fact]
    public void A_rank_one_matrix_is_offered_s_1_alone()
    {
        var rankOne = LinearOperator.FromMatrix(TestMatrices.WithSingularValues(4, 3, [2], seed: 13));
        FluentActions.Invoking(() => KrylovSingularValueDerivatives.Expand(rankOne, LinearOperator.FromMatrix(TestMatrices.Gaussian(4, 3, 14)), 2, 1))
            .Should().Throw<DegenerateSpectrumException>()
            .Which.Message.Should().Contain("the zero cluster is indices 2, 3. Every singular value below s_2 is zero too")
            .And.EndWith("; the matrix-free path serves s_1, the only non-zero value (CLI -k 1)");
    }
}
