using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>
/// Acceptance at 3000 × 2000, 1 % density (seeded): the matrix-free derivatives, gradient and HVP of k = 1..5, orders 1..4, against the
/// dense path (thin SVD by MKL, the dense recursion), on a random matrix and on one with an exact cluster {s₂, s₃, s₄} = 3 among the top
/// five (<see cref="ClusterBlocks"/>: a Hadamard block on four scattered rows and columns, exact in binary, over a 1 % sparse remainder):
/// there the cluster's mean (orders 1..4, gradient, HVP) and the simple s₁, s₅ are compared, and the dense path must classify the tie
/// (its near-tie classification refines only the cluster's window, in seconds).
/// </summary>
/// <remarks>The dense reference needs MKL's SVD (the managed one takes minutes at this size): skipped with the reason locally when MKL
/// does not load, required in CI. Each fixture is computed once and shared; the planted case took 38-59 s here under a load average of
/// 15 to 25 (the dense SVD alone 18 s under that load; its near-tie classification 1-3.5 s instead of about 45 minutes for the whole-SVD
/// refinement it ran before).</remarks>
[Collection(GlobalProviderCollection.Name)]
public sealed class LargeSparseAgreementTests
{
    private const int Rows = 3000;
    private const int Columns = 2000;
    private const double Density = 0.01;
    private const double Agreement = 1e-8;

    private static readonly Lazy<Case> Random = new(() => Case.Of(SparseTestMatrices.Random(Rows, Columns, Density, seed: 131), 6, expanded: 5));

    private static readonly Lazy<Case> Planted = new(() => Case.Of(ClusterBlocks.Planted(Rows, Columns, Density, seed: 139, [4.0, 3.0, 3.0, 3.0]), 6, expanded: 0));

    [NativeFact(NativeBackend.Mkl)]
    public void Derivatives_of_orders_1_to_4_of_the_top_5_agree_with_the_dense_path()
    {
        var c = Random.Value;
        for (var index = 1; index <= 5; index++)
        {
            var reference = SingularValueDerivatives.Expand(c.Dense, PerturbationPath.Linear(c.DenseDirection), index, 4);
            var krylov = c.Expansions[index - 1];
            krylov.Value.Should().BeApproximately(reference.Value, 1e-12 * c.Dense.SingularValues[0]);
            for (var n = 1; n <= 4; n++)
            {
                RelativeDifference(krylov.Derivative(n), reference.Derivative(n)).Should().BeLessThan(Agreement, "order {0} of s_{1}", n, index);
                Math.Abs(krylov.Derivative(n) - reference.Derivative(n)).Should().BeLessThan(krylov.DerivativeErrorEstimates[n - 1] + (1e-13 * Math.Abs(reference.Derivative(n))),
                    "the estimate covers the difference at order {0} of s_{1}", n, index);
            }
        }
    }

    [NativeFact(NativeBackend.Mkl)]
    public void Gradient_and_hessian_vector_product_of_the_top_5_agree_with_the_dense_path()
    {
        var c = Random.Value;
        for (var index = 1; index <= 5; index++)
        {
            var gradient = KrylovSingularValueDerivatives.Gradient(c.Partial, index);
            var expectedGradient = c.Dense.LeftVectors.Column(index - 1).OuterProduct(c.Dense.RightVectors.Column(index - 1));
            Frobenius(gradient.ToDense() - expectedGradient).Should().BeLessThan(Agreement, "‖∇s_{0}‖_F = 1", index);
            var hvp = KrylovSingularValueDerivatives.HessianVectorProduct(c.Partial, c.Direction, index);
            var expected = HessianVectorProduct.At(c.Dense, index).Apply(c.DenseDirection);
            Frobenius(hvp.ToDense() - expected).Should().BeLessThan(Agreement * Frobenius(expected), "HVP of s_{0}", index);
            hvp.ErrorEstimate.Should().BeLessThan(Agreement * Frobenius(expected));
        }
    }

    [NativeFact(NativeBackend.Mkl)]
    public void With_an_exact_cluster_among_the_top_5_the_mean_and_the_simple_values_agree_with_the_dense_path()
    {
        var c = Planted.Value;
        c.Dense.Cluster(3).Members.Should().Equal([2, 3, 4], "the dense path classifies the exact tie");
        c.Dense.Invoking(d => d.RequireIsolated(2)).Should().Throw<SpectralSensitivity.Errors.DegenerateSpectrumException>();
        var path = PerturbationPath.Linear(c.DenseDirection);
        foreach (var index in new[] { 2, 3, 4 })
        {
            var krylov = KrylovSingularValueDerivatives.ClusterMean(c.Partial, c.Direction, index, 4);
            var reference = SingularValueDerivatives.ClusterMean(c.Dense, path, index, 4);
            krylov.Mean.Cluster.Members.Should().Equal(2, 3, 4);
            krylov.Mean.Value.Should().BeApproximately(3.0, 1e-13, "the planted value is exact in binary");
            for (var n = 1; n <= 4; n++)
            {
                RelativeDifference(krylov.Mean.Derivative(n), reference.Derivative(n)).Should().BeLessThan(Agreement, "order {0} of the mean at k = {1}", n, index);
                Math.Abs(krylov.Mean.Derivative(n) - reference.Derivative(n)).Should().BeLessThan(krylov.DerivativeErrorEstimates[n - 1] + (1e-13 * Math.Abs(reference.Derivative(n))),
                    "the estimate covers the difference at order {0} of the mean", n);
            }
        }

        var denseMean = ClusterMeanDerivatives.At(c.Dense, 3);
        var expectedGradient = denseMean.Gradient();
        var gradient = KrylovSingularValueDerivatives.ClusterMeanGradient(c.Partial, 3);
        gradient.Rank.Should().Be(3);
        Frobenius(gradient.ToDense() - expectedGradient).Should().BeLessThan(Agreement * Frobenius(expectedGradient), "‖∇s̄‖_F = 1/√3");
        var expectedHvp = denseMean.HessianVectorProduct(c.DenseDirection);
        var hvp = KrylovSingularValueDerivatives.ClusterMeanHessianVectorProduct(c.Partial, c.Direction, 3);
        hvp.Rank.Should().Be(6, "rank 2g");
        var hvpDifference = Frobenius(hvp.ToDense() - expectedHvp);
        hvpDifference.Should().BeLessThan(Agreement * Frobenius(expectedHvp), "HVP of the mean");
        hvpDifference.Should().BeLessThan(hvp.ErrorEstimate + (1e-13 * Frobenius(expectedHvp)), "the estimate covers the difference");
        foreach (var index in new[] { 1, 5 })
        {
            var reference = SingularValueDerivatives.Expand(c.Dense, path, index, 4);
            var krylov = KrylovSingularValueDerivatives.Expand(c.Partial, c.Direction, index, 4);
            for (var n = 1; n <= 4; n++)
            {
                RelativeDifference(krylov.Derivative(n), reference.Derivative(n)).Should().BeLessThan(Agreement, "order {0} of s_{1}", n, index);
                Math.Abs(krylov.Derivative(n) - reference.Derivative(n)).Should().BeLessThan(krylov.DerivativeErrorEstimates[n - 1] + (1e-13 * Math.Abs(reference.Derivative(n))));
            }
        }
    }

    /// <summary>‖X‖_F from the entries, O(mn) (MathNet's FrobeniusNorm of a dense matrix forms X Xᵀ, O(m² n)).</summary>
    private static double Frobenius(Matrix<double> x) => Math.Sqrt(x.Enumerate().Sum(v => v * v));

    /// <summary>The same with <see cref="PartialSingularValueDecomposition.ComputeThrough"/>: s_6 converged only to bound the gap below s_5 and left in the
    /// complement of the solves. The targets then stop at the tolerance rather than far below it (as they do while s_6 converges), so the
    /// estimates are larger; they must still cover the differences, which must stay within 1e-8.</summary>
    [NativeFact(NativeBackend.Mkl)]
    public void With_the_last_triplet_only_bounding_the_gap_orders_1_to_4_gradient_and_hvp_agree_with_the_dense_path()
    {
        var c = Random.Value;
        var through = PartialSingularValueDecomposition.ComputeThrough(c.Operator, 5);
        through.ConvergedCount.Should().Be(5);
        through.Count.Should().Be(6);
        for (var index = 1; index <= 5; index++)
        {
            var reference = SingularValueDerivatives.Expand(c.Dense, PerturbationPath.Linear(c.DenseDirection), index, 4);
            var krylov = KrylovSingularValueDerivatives.Expand(through, c.Direction, index, 4);
            for (var n = 1; n <= 4; n++)
            {
                RelativeDifference(krylov.Derivative(n), reference.Derivative(n)).Should().BeLessThan(Agreement, "order {0} of s_{1}", n, index);
                Math.Abs(krylov.Derivative(n) - reference.Derivative(n)).Should().BeLessThan(krylov.DerivativeErrorEstimates[n - 1] + (1e-13 * Math.Abs(reference.Derivative(n))),
                    "the estimate covers the difference at order {0} of s_{1}", n, index);
            }

            var hvp = KrylovSingularValueDerivatives.HessianVectorProduct(through, c.Direction, index);
            var expected = HessianVectorProduct.At(c.Dense, index).Apply(c.DenseDirection);
            var difference = Frobenius(hvp.ToDense() - expected);
            difference.Should().BeLessThan(Agreement * Frobenius(expected), "HVP of s_{0}", index);
            difference.Should().BeLessThan(hvp.ErrorEstimate, "the estimate covers the HVP of s_{0}", index);
            var gradient = KrylovSingularValueDerivatives.Gradient(through, index).ToDense();
            Frobenius(gradient - c.Dense.LeftVectors.Column(index - 1).OuterProduct(c.Dense.RightVectors.Column(index - 1))).Should().BeLessThan(Agreement);
        }
    }

    /// <summary>|a − b| / max(|b|, 1e-3 |D₁|-scale floor): relative, with a floor for a derivative that happens to be near zero.</summary>
    private static double RelativeDifference(double actual, double expected) => Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-6);

    /// <summary>The shared fixture: A and E as operators and dense, the dense SVD (MKL), the Krylov triplets and, for the random case, the expansions of k = 1..5 to order 4.</summary>
    private sealed record Case(ILinearOperator Operator, ILinearOperator Direction, Matrix<double> DenseDirection, ThinSingularValueDecomposition Dense,
        PartialSingularValueDecomposition Partial, IReadOnlyList<KrylovSingularValueExpansion> Expansions)
    {
        public static Case Of(Matrix<double> a, int count, int expanded)
        {
            var e = SparseTestMatrices.Random(Rows, Columns, Density, seed: 137);
            var dense = ProviderSwitch.On("mkl", () => ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a)));
            var op = LinearOperator.FromMatrix(a);
            var direction = LinearOperator.FromMatrix(e);
            var partial = PartialSingularValueDecomposition.Compute(op, count);
            var expansions = Enumerable.Range(1, expanded).Select(k => KrylovSingularValueDerivatives.Expand(partial, direction, k, 4)).ToArray();
            return new Case(op, direction, Matrix<double>.Build.DenseOfMatrix(e), dense, partial, expansions);
        }
    }
}
