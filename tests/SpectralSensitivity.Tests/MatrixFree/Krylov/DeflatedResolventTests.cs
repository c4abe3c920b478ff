using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>The unfolded shifted solves of the symmetric path (<see cref="DeflatedResolvent"/>) with and without the recycled Ritz vectors of the
/// thick-restart Lanczos basis, end to end against the dense eigenvalue path.</summary>
public class DeflatedResolventTests
{
    private const int BranchOrder = 4;                                                     // the order KrylovClusterBranchesTests.ShouldAgree checks

    /// <summary>A symmetric 240 × 240 matrix with entries uniform in [−0.5, 0.5): its extreme eigenvalues sit at the edges of the semicircle, close
    /// together. Both ends, orders 1..4: the recycled solves (the default) and plain CG agree with the dense path (MathNet's EVD and the
    /// dense recursion, no shared code) within the error estimates, and the recycled ones take fewer iterations.</summary>
    [Theory]
    [InlineData(SpectrumEnd.LargestAlgebraic)]
    [InlineData(SpectrumEnd.SmallestAlgebraic)]
    public void Recycled_symmetric_solves_agree_with_the_dense_path_in_fewer_iterations(SpectrumEnd end)
    {
        const int n = 240;
        var random = new Random(91);
        var upper = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        var t = upper + upper.Transpose();
        var e = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        e += e.Transpose();
        var recycled = KrylovEigenvalueDerivatives.Expand(LinearOperator.FromMatrix(t), LinearOperator.FromMatrix(e), 1, end, 4);
        var plain = KrylovEigenvalueDerivatives.Expand(LinearOperator.FromMatrix(t), LinearOperator.FromMatrix(e), 1, end, 4, new KrylovOptions(RecycledVectors: 0));
        var reference = EigenvalueDerivatives.Expand(t, e, end == SpectrumEnd.LargestAlgebraic ? n : 1, 4);
        var values = t.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray();
        var gap = end == SpectrumEnd.LargestAlgebraic ? values[^1] - values[^2] : values[1] - values[0];
        var ratio = e.L2Norm() / gap;
        for (var j = 1; j <= 4; j++)
        {
            var denseRounding = 64 * 2.2e-16 * Math.Sqrt(n) * e.L2Norm() * Math.Pow(ratio, j) * Enumerable.Range(1, j).Aggregate(1.0, (x, y) => x * y);
            Math.Abs(recycled.Derivative(j) - reference.Derivative(j)).Should().BeLessThanOrEqualTo(recycled.DerivativeErrorEstimates[j - 1] + denseRounding, "order {0}, recycled", j);
            Math.Abs(plain.Derivative(j) - reference.Derivative(j)).Should().BeLessThanOrEqualTo(plain.DerivativeErrorEstimates[j - 1] + denseRounding, "order {0}, plain", j);
        }

        recycled.SolverIterations.Sum().Should().BeLessThan(plain.SolverIterations.Sum() * 3 / 4, "plain CG: {0}", string.Join(",", plain.SolverIterations));
    }

    /// <summary>Clusters: every member's resolvent (the whole cluster removed) shares the decomposition's recycled subspace. Forced to every spare
    /// Ritz vector (<c>RecycledVectors: 40</c>, beyond the budget of these sparse matrices) and off (0), the cluster mean and the branches of a
    /// planted singular cluster and the mean of a planted symmetric cluster agree with the dense block recursion, the mean in fewer iterations.</summary>
    [Fact]
    public void Cluster_solves_with_every_spare_vector_recycled_agree_with_the_dense_path()
    {
        var (a, e) = KrylovClusterMeanTests.PlantedCluster(150, 100, seed: 41);
        var dense = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a));
        var denseE = Matrix<double>.Build.DenseOfMatrix(e);
        var reference = SingularValueDerivatives.ClusterMean(dense, PerturbationPath.Linear(denseE), 3, 4);
        var branchesReference = SingularValueDerivatives.Branches(dense, PerturbationPath.Linear(denseE), 3, BranchOrder);
        var iterations = new List<int>();
        foreach (var recycled in new[] { 40, 0 })
        {
            var options = new KrylovOptions(RecycledVectors: recycled);
            var mean = KrylovSingularValueDerivatives.ClusterMean(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 3, 4, options: options);
            for (var n = 1; n <= 4; n++)
            {
                mean.Mean.Derivative(n).Should().BeApproximately(reference.Derivative(n), 1e-9 * Math.Max(1, Math.Abs(reference.Derivative(n))), "order {0} of the mean, r = {1}", n, recycled);
            }

            var branches = KrylovSingularValueDerivatives.Branches(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 3, BranchOrder, options: options);
            KrylovClusterBranchesTests.ShouldAgree(branches, branchesReference, 1e-8);
            iterations.Add(mean.SolverIterations.Sum());
        }

        iterations[0].Should().BeLessThan(iterations[1], "the recycled solves of the cluster mean take fewer iterations");
        var c = SparseTestMatrices.Random(60, 60, 0.05, seed: 47);
        var symmetric = Matrix<double>.Build.DenseOfMatrix(Math.ScaleB(1.0, -4) * (c + c.Transpose()));
        ClusterBlocks.PlantSymmetric(symmetric, [0, 7, 19, 33], [4.0, 4.0, 4.0, 2.0]);
        var d = SparseTestMatrices.Random(60, 60, 0.05, seed: 48);
        var direction = Matrix<double>.Build.DenseOfMatrix(d + d.Transpose());
        var symmetricReference = EigenvalueDerivatives.ClusterMean(SymmetricEigendecomposition.Compute(symmetric), PerturbationPath.Linear(direction), 59, 4);
        var symmetricMean = KrylovEigenvalueDerivatives.ClusterMean(LinearOperator.FromMatrix(symmetric), LinearOperator.FromMatrix(direction), 2, SpectrumEnd.LargestAlgebraic, 4,
            options: new KrylovOptions(RecycledVectors: 40));
        for (var n = 1; n <= 4; n++)
        {
            symmetricMean.Mean.Derivative(n).Should().BeApproximately(symmetricReference.Derivative(n), 1e-9 * Math.Max(1, Math.Abs(symmetricReference.Derivative(n))), "symmetric, order {0}", n);
        }
    }
    /// <summary>The stationary term of a solve stopped at the square root of the tolerance: with <c>M = P (T − λ) P</c> and ρ the true residual of
    /// the computed z̃, <c>(P b)ᵀ z̃ + z̃ᵀρ</c> is within <c>‖ρ‖² / min |eig M|</c> of the exact <c>(P b)ᵀ M⁻¹ P b</c> (exact spectral sum, no
    /// shared code). The target is the second largest eigenvalue with the largest left in the complement, so M is indefinite, CG meets a
    /// negative curvature and MINRES (not a Galerkin method: z̃ᵀρ ≠ 0) computes z̃: the term is what makes the form second order there.</summary>
    [Fact]
    public void A_stationary_solve_gives_the_quadratic_form_to_second_order_in_its_residual()
    {
        const int n = 60;
        var random = new Random(5);
        var q = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5).QR().Q;
        var spectrum = Enumerable.Range(0, n).Select(i => i == 0 ? 10.0 : i == 1 ? 9.0 : 8.0 * (i - 2) / (n - 2)).ToArray();    // 10, 9 (the target), then [0, 8)
        var t = q * Matrix<double>.Build.DenseOfDiagonalArray(spectrum) * q.Transpose();
        var b = q.Column(0) * 3.0 + Vector<double>.Build.Dense(n, _ => random.NextDouble() - 0.5);                                  // mostly along the eigenvalue above λ
        var resolvent = new DeflatedResolvent((x, y) => t.Multiply(Vector<double>.Build.DenseOfArray(x)).CopyTo(Vector<double>.Build.Dense(y)), 9.0, q.Column(1).ToArray(),
            [], [], complementBelow: true, complementGap: 1.0, tolerance: 1e-6, maxIterations: 500)
        {
            StationarySolve = 1,
        };
        var z = new double[n];
        resolvent.Apply(b.ToArray(), z);

        var exact = Enumerable.Range(0, n).Where(i => i != 1).Sum(i => Math.Pow(q.Column(i) * b, 2) / (spectrum[i] - 9.0));   // (P b)ᵀ M⁻¹ P b
        var projected = b - (q.Column(1) * (q.Column(1) * b));
        var first = projected * Vector<double>.Build.DenseOfArray(z);
        var residual = resolvent.Residuals[0];
        residual.Should().BeGreaterThan(1e-7 * projected.L2Norm()).And.BeLessThan(1.01e-3 * projected.L2Norm(), "stopped at the square root of the tolerance");
        var rounding = 1e3 * 2.2e-16 * projected.L2Norm() * projected.L2Norm();
        Math.Abs(exact - (first + resolvent.StationaryTerms[0])).Should().BeLessThan((residual * residual / 1.0) + rounding, "second order: ‖ρ‖² / min |eig M|, min |eig M| = 1");
        Math.Abs(exact - first).Should().BeGreaterThan(2 * ((residual * residual) + rounding), "MINRES is not Galerkin: without the term the bound fails (2.7 times over here)");
    }
}
