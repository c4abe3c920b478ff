using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.MatrixFree.Krylov;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

/// <summary>Deflated conjugate gradients (<see cref="RecycledSubspace"/>, <see cref="DeflationSpace"/>, <see cref="ConjugateGradients"/>) on explicit
/// symmetric positive definite matrices, against MathNet's dense LU solve: exact for any deflation vectors, faster with good ones.</summary>
public class RecycledSubspaceTests
{
    private const int Size = 160;
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>M = Q diag(μ) Qᵀ with Q a seeded random orthogonal matrix: ten small eigenvalues 1e-3 … 1e-2, the rest in [1, 2] (κ = 2000).</summary>
    private static (Matrix<double> M, Matrix<double> Q, double[] Mu) Operator(int seed)
    {
        var random = new Random(seed);
        var q = Matrix<double>.Build.Dense(Size, Size, (_, _) => random.NextDouble() - 0.5).QR().Q;
        var mu = Enumerable.Range(0, Size).Select(i => i < 10 ? 1e-3 * (1 + i) : 1 + random.NextDouble()).ToArray();
        return (q * Matrix<double>.Build.DenseOfDiagonalArray(mu) * q.Transpose(), q, mu);
    }

    private static double[] RightSide(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Size).Select(_ => random.NextDouble() - 0.5).ToArray();
    }

    /// <summary>CG on M (a = 0, b = 1, nothing known) deflated by the candidates; the iterations, whether it converged and x.</summary>
    private static (int Iterations, bool Converged, double[] X, int Kept) Solve(Matrix<double> m, double[] b, IReadOnlyList<double[]> candidates, double stop)
    {
        var subspace = RecycledSubspace.Build(candidates, [], (x, y, r) => Apply(m, x, y, r));
        var deflation = subspace?.Shifted(0.0, 1.0, _ => { });
        var solution = new double[b.Length];
        var (iterations, converged) = ConjugateGradients.Solve((p, q) => m.Multiply(Vector<double>.Build.Dense(p)).CopyTo(Vector<double>.Build.Dense(q)), b, solution, stop, 10_000, deflation);
        return (iterations, converged, solution, deflation?.Count ?? 0);
    }

    private static void Apply(Matrix<double> m, double[] x, double[] y, int count)
    {
        var n = m.RowCount;
        var block = m * Matrix<double>.Build.Dense(n, count, x);                 // column-major n × r in and out
        block.ToColumnMajorArray().CopyTo(y, 0);
    }

    /// <summary>‖x − x_ref‖ within what the stopping rule and rounding allow: <c>(stop + c ε √n ‖M‖ ‖x‖) / μ_min</c>.</summary>
    private static void ShouldMatchTheDenseSolve(Matrix<double> m, double[] b, double[] x, double stop, double smallest)
    {
        var reference = m.LU().Solve(Vector<double>.Build.Dense(b));
        var solution = Vector<double>.Build.Dense(x);
        var rounding = 64 * Epsilon * Math.Sqrt(Size) * 2 * reference.L2Norm();
        (solution - reference).L2Norm().Should().BeLessThan((stop + rounding) / smallest, "deflated CG solves the undeflated system");
        (Vector<double>.Build.Dense(b) - (m * solution)).L2Norm().Should().BeLessThan(stop + rounding, "the residual it stops on is that of M x = b");
    }

    [Fact]
    public void Deflating_the_small_eigenvectors_cuts_the_iterations_and_keeps_the_answer()
    {
        var (m, q, mu) = Operator(1);
        var b = RightSide(2);
        var stop = 1e-13 * Vector<double>.Build.Dense(b).L2Norm();
        var plain = Solve(m, b, [], stop);
        var deflated = Solve(m, b, Enumerable.Range(0, 10).Select(i => q.Column(i).ToArray()).ToArray(), stop);

        plain.Converged.Should().BeTrue();
        deflated.Converged.Should().BeTrue();
        deflated.Kept.Should().Be(10);
        deflated.Iterations.Should().BeLessThan(plain.Iterations / 2, "κ drops from 2000 to 2 once the ten small eigenvalues are deflated (plain: {0})", plain.Iterations);
        ShouldMatchTheDenseSolve(m, b, plain.X, stop, mu.Min());
        ShouldMatchTheDenseSolve(m, b, deflated.X, stop, mu.Min());
    }

    [Fact]
    public void Any_random_deflation_vectors_give_the_same_answer()
    {
        var (m, _, mu) = Operator(3);
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (count, seed) =>
        {
            var random = new Random(seed);
            var candidates = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, Size).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
            var b = RightSide(seed ^ 0x5a5a);
            var stop = 1e-12 * Vector<double>.Build.Dense(b).L2Norm();
            var (_, converged, x, kept) = Solve(m, b, candidates, stop);
            converged.Should().BeTrue();
            kept.Should().Be(count, "random vectors are independent");
            ShouldMatchTheDenseSolve(m, b, x, stop, mu.Min());
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(29, 927039739)]
    [InlineData(40, 1)]
    public void Random_deflation_vectors_do_not_stall_the_residual_above_where_plain_CG_converges(int count, int seed)
    {
        // These random W stalled the residual near 1e-12 ‖b‖ (10,000 iterations, no convergence) before the residual was restricted to Wᵀ r = 0
        // at every step; plain CG converges in under 60.
        var (m, _, mu) = Operator(3);
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, Size).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        var b = RightSide(seed ^ 0x5a5a);
        var stop = 1e-13 * Vector<double>.Build.Dense(b).L2Norm();
        var plain = Solve(m, b, [], stop);
        var deflated = Solve(m, b, candidates, stop);
        plain.Converged.Should().BeTrue();
        deflated.Converged.Should().BeTrue();
        deflated.Iterations.Should().BeLessThanOrEqualTo(plain.Iterations, "random vectors capture nothing, but they must not slow CG down");
        ShouldMatchTheDenseSolve(m, b, deflated.X, stop, mu.Min());
    }

    [Fact]
    public void Nearly_dependent_candidates_and_candidates_in_the_known_span_are_dropped()
    {
        var (m, q, mu) = Operator(4);
        var random = new Random(5);
        var e = q.Column(0).ToArray();
        var nearCopy = e.Select(x => x + (1e-14 * (random.NextDouble() - 0.5))).ToArray();
        var twice = e.Select(x => 2 * x).ToArray();
        var other = Enumerable.Range(0, Size).Select(_ => random.NextDouble() - 0.5).ToArray();
        var b = RightSide(6);
        var stop = 1e-13 * Vector<double>.Build.Dense(b).L2Norm();

        var (_, converged, x, kept) = Solve(m, b, [e, nearCopy, twice, other, new double[Size]], stop);

        converged.Should().BeTrue();
        kept.Should().Be(2, "the near copy, the multiple and the zero vector add nothing to span(e, other)");
        ShouldMatchTheDenseSolve(m, b, x, stop, mu.Min());
        var known = q.Column(1).ToArray();
        var subspace = RecycledSubspace.Build([q.Column(1).Multiply(3).ToArray(), e], [known], (s, d, r) => Apply(m, s, d, r));
        subspace!.Count.Should().Be(1, "a multiple of a known vector is dropped");
    }

    [Fact]
    public void Directions_where_the_operator_is_not_positive_definite_are_not_deflated()
    {
        var (m, q, mu) = Operator(7);
        var top = Array.IndexOf(mu, mu.Max());
        var negative = m - (1.5 * Matrix<double>.Build.DenseIdentity(Size));                      // eigenvalues μ − 1.5: the small ones and part of the bulk negative, the top one positive
        var subspace = RecycledSubspace.Build([q.Column(0).ToArray()], [], (x, y, r) => Apply(negative, x, y, r));
        subspace!.Shifted(0.0, 1.0, _ => { }).Should().BeNull("wᵀ M w < 0");
        var mixed = RecycledSubspace.Build([q.Column(0).ToArray(), q.Column(top).ToArray()], [], (x, y, r) => Apply(negative, x, y, r));
        var deflation = mixed!.Shifted(0.0, 1.0, _ => { });
        deflation.Should().NotBeNull();
        deflation!.Count.Should().Be(1, "only the positive direction of G is kept");
    }

    [Fact]
    public void The_budget_keeps_every_spare_vector_for_a_dense_operator_and_few_for_a_thin_sparse_one()
    {
        var dense = SpectralSensitivity.MatrixFree.LinearOperator.FromMatrix(Matrix<double>.Build.Dense(400, 300, 1.0));
        RecycledSubspace.Budget(dense).Should().Be(400L * 300 / (20 * 300));
        var sparse = SpectralSensitivity.MatrixFree.CsrMatrix.FromCoordinates(2000, 1500, [.. Enumerable.Range(0, 3000).Select(i => i % 2000)],
            [.. Enumerable.Range(0, 3000).Select(i => i % 1500)], [.. Enumerable.Repeat(1.0, 3000)]);
        RecycledSubspace.Budget(sparse).Should().Be(0, "3000 entries: a deflation vector would cost more than an eighth of the products");
        new KrylovOptions(RecycledVectors: 3).RecycledVectorsFor(20, sparse).Should().Be(3, "an explicit count overrides the budget");
        var negative = () => PartialSingularValueDecomposition.Compute(dense, 1, new KrylovOptions(RecycledVectors: -1));
        negative.Should().Throw<SpectralSensitivity.Errors.InvalidSpectralInputException>().WithMessage("*recycled Ritz vectors -1*");
    }
}
