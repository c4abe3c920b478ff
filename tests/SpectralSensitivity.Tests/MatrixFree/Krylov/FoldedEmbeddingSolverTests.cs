using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.Operators;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree.Krylov;

public class FoldedEmbeddingSolverTests
{
    /// <summary>The folded solve against a dense solve of <c>(λ − H) z = c</c> on the complement of the DENSE SVD's
    /// top K pairs (vectors that share no code with the Lanczos ones), tall and wide (folding onto v, then onto u).</summary>
    [Theory]
    [InlineData(160, 120, 2)]
    [InlineData(120, 160, 2)]
    [InlineData(120, 160, 1)]
    [InlineData(140, 140, 3)]
    public void The_folded_solve_matches_a_dense_solve_on_the_complement(int rows, int columns, int index)
    {
        const int computed = 5;
        var a = Matrix<double>.Build.DenseOfMatrix(SparseTestMatrices.Random(rows, columns, 0.05, seed: rows + columns + index));
        var partial = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), computed);
        var normalized = a * Math.ScaleB(1.0, -partial.Exponent);
        var dense = ThinSingularValueDecomposition.Compute(normalized);
        var shift = partial.Scaled.Values[index - 1];
        var (q, h) = (ComplementProjector(dense, rows, columns, computed), Embedding(normalized));
        var random = new Random(7);
        var c = q * Vector<double>.Build.Dense(rows + columns, _ => random.NextDouble() - 0.5);

        var solver = new FoldedEmbeddingSolver(partial.Normalized, partial.Scaled.Left, partial.Scaled.Right);
        var z = new double[rows + columns];
        var (residual, dot, iterations, converged) = solver.Solve(shift, c.ToArray(), z, 1e-13, 10_000);

        converged.Should().BeTrue();
        iterations.Should().BeGreaterThan(0);
        var shifted = (shift * Matrix<double>.Build.DenseIdentity(rows + columns)) - h;
        var reference = (q * shifted * q + (Matrix<double>.Build.DenseIdentity(rows + columns) - q)).Solve(c);   // P (λ − H) P on range(P), identity on the rest
        var gap = shift - dense.SingularValues[computed];                                                           // d_c = s_k − s_{K+1}
        var zVector = Vector<double>.Build.DenseOfArray(z);
        (zVector - reference).L2Norm().Should().BeLessThan(1e-9 * c.L2Norm() / gap);
        (c - (shifted * zVector)).L2Norm().Should().BeLessThan(1e-10 * c.L2Norm(), "the solution solves the unprojected system too");
        var trueResidual = (c - (q * shifted * zVector)).L2Norm();
        var rounding = 64 * 2.2e-16 * Math.Sqrt(rows + columns) * (shift + dense.SingularValues[0]) * zVector.L2Norm();                   // of either residual's evaluation
        residual.Should().BeLessThan(1e-12 * c.L2Norm()).And.BeApproximately(trueResidual, rounding, "the reported residual is the true one");
        dot.Should().BeApproximately(zVector * (c - (q * shifted * zVector)), rounding * zVector.L2Norm(), "zᵀρ with the true residual ρ");
    }

    /// <summary>The folded solve deflated by a recycled subspace against the same dense solve on the complement of the dense SVD's top K pairs:
    /// the spare Ritz vectors of the Lanczos run on an edge-of-bulk matrix (entries uniform in [−0.5, 0.5), s₁ close to s₂), and garbage
    /// (random vectors, recycled all the same). Exact either way; the Ritz vectors cut the iterations.</summary>
    [Theory]
    [InlineData(300, 200, false)]
    [InlineData(200, 300, false)]
    [InlineData(300, 200, true)]
    [InlineData(200, 300, true)]
    public void The_recycled_folded_solve_matches_a_dense_solve_whatever_the_recycled_vectors(int rows, int columns, bool garbage)
    {
        var random = new Random(rows + (2 * columns));
        var a = Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() - 0.5);
        var partial = PartialSingularValueDecomposition.ComputeThrough(LinearOperator.FromMatrix(a), 1);
        var computed = partial.DeflatedCount;
        var normalized = a * Math.ScaleB(1.0, -partial.Exponent);
        var dense = ThinSingularValueDecomposition.Compute(normalized);
        var shift = partial.Scaled.Values[0];
        var (q, h) = (ComplementProjector(dense, rows, columns, computed), Embedding(normalized));
        var c = q * Vector<double>.Build.Dense(rows + columns, _ => random.NextDouble() - 0.5);
        var shortSide = columns <= rows ? partial.Scaled.Right : partial.Scaled.Left;
        var recycled = garbage
            ? RecycledSubspace.Build([.. Enumerable.Range(0, 25).Select(_ => Enumerable.Range(0, Math.Min(rows, columns)).Select(_ => random.NextDouble() - 0.5).ToArray())],
                shortSide[..computed], (x, y, r) => FoldedEmbeddingSolver.FoldedBlock(partial.Normalized, x, y, r))
            : partial.Recycled;
        recycled.Should().NotBeNull();
        recycled!.Count.Should().BeGreaterThan(garbage ? 20 : 10, "the spare Ritz vectors, up to the budget (stored entries over 20 min(m, n): 15 here)");

        var plain = new FoldedEmbeddingSolver(partial.Normalized, partial.Scaled.Left[..computed], partial.Scaled.Right[..computed]);
        var deflated = new FoldedEmbeddingSolver(partial.Normalized, partial.Scaled.Left[..computed], partial.Scaled.Right[..computed], recycled);
        var (z, zPlain) = (new double[rows + columns], new double[rows + columns]);
        var (residual, _, iterations, converged) = deflated.Solve(shift, c.ToArray(), z, 1e-13, 10_000);
        var (_, _, plainIterations, plainConverged) = plain.Solve(shift, c.ToArray(), zPlain, 1e-13, 10_000);

        (converged && plainConverged).Should().BeTrue();
        if (!garbage)
        {
            iterations.Should().BeLessThan(plainIterations * 3 / 4, "the spare Ritz vectors capture the folded operator's smallest eigenvalues (plain CG: {0} iterations)", plainIterations);
        }

        var shifted = (shift * Matrix<double>.Build.DenseIdentity(rows + columns)) - h;
        var reference = (q * shifted * q + (Matrix<double>.Build.DenseIdentity(rows + columns) - q)).Solve(c);
        var gap = shift - dense.SingularValues[computed];                                                           // d_c = s_1 − s_{K+1}
        var zVector = Vector<double>.Build.DenseOfArray(z);
        var rounding = 64 * 2.2e-16 * Math.Sqrt(rows + columns) * (shift + dense.SingularValues[0]) * zVector.L2Norm();
        (zVector - reference).L2Norm().Should().BeLessThan((1e-13 * c.L2Norm() + rounding) / gap, "deflated CG solves the undeflated system");
        residual.Should().BeLessThan(1e-13 * c.L2Norm() + rounding).And.BeApproximately((c - (q * shifted * zVector)).L2Norm(), rounding, "the reported residual is the true one");
    }

    /// <summary>End to end on an edge-of-bulk dense matrix: the derivatives with the recycled solves (the default) and with plain CG
    /// (<c>RecycledVectors: 0</c>) agree with the dense path within their error estimates, in fewer iterations; and the recycled run keeps
    /// exact power-of-two homogeneity (the subspace, its products and the deflation all live in the normalised coordinates).</summary>
    /// <remarks>Tall (the fold on v, two products per iteration), wide and square (the fold on u, <c>A Aᵀ</c> in one pass over A).</remarks>
    [Theory]
    [InlineData(260, 200)]
    [InlineData(200, 260)]
    [InlineData(230, 230)]
    public void Recycled_derivatives_agree_with_the_dense_path_in_fewer_iterations_and_stay_exactly_homogeneous(int rows, int columns)
    {
        var random = new Random(77);
        var a = Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() - 0.5);
        var e = Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() - 0.5);
        var dense = ThinSingularValueDecomposition.Compute(a);
        var recycled = KrylovSingularValueDerivatives.Expand(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 1, 4);
        var plain = KrylovSingularValueDerivatives.Expand(LinearOperator.FromMatrix(a), LinearOperator.FromMatrix(e), 1, 4, new KrylovOptions(RecycledVectors: 0));
        var reference = SingularValueDerivatives.Expand(dense, PerturbationPath.Linear(e), 1, 4);
        var ratio = e.L2Norm() / (dense.SingularValues[0] - dense.SingularValues[1]);
        for (var n = 1; n <= 4; n++)
        {
            var denseRounding = 64 * 2.2e-16 * Math.Sqrt(rows + columns) * e.L2Norm() * Math.Pow(ratio, n) * Factorial(n);
            Math.Abs(recycled.Derivative(n) - reference.Derivative(n)).Should().BeLessThanOrEqualTo(recycled.DerivativeErrorEstimates[n - 1] + denseRounding, "order {0}, recycled", n);
            Math.Abs(plain.Derivative(n) - reference.Derivative(n)).Should().BeLessThanOrEqualTo(plain.DerivativeErrorEstimates[n - 1] + denseRounding, "order {0}, plain", n);
        }

        recycled.SolverIterations.Sum().Should().BeLessThan(plain.SolverIterations.Sum() * 3 / 4, "plain CG: {0}", string.Join(",", plain.SolverIterations));
        foreach (var (p, q) in new[] { (-1000, -1000), (1000, 1000), (-3, 5), (200, 0), (0, -200) })
        {
            var scaled = KrylovSingularValueDerivatives.Expand(LinearOperator.FromMatrix(a.Multiply(Math.ScaleB(1.0, p))), LinearOperator.FromMatrix(e.Multiply(Math.ScaleB(1.0, q))), 1, 4);
            scaled.SolverIterations.Should().Equal(recycled.SolverIterations, "the solves run on the same normalised operators");
            for (var n = 1; n <= 4; n++)
            {
                var exponent = p + ((q - p) * n);                                                                        // D^n s(2^p A)[2^q E] = 2^(p + (q − p) n) D^n s(A)[E]
                var (expected, estimate) = (Math.ScaleB(recycled.Derivative(n), exponent), Math.ScaleB(recycled.DerivativeErrorEstimates[n - 1], exponent));
                if (double.IsNormal(expected))
                {
                    scaled.Derivative(n).Should().Be(expected, "order {0} at 2^{1} A, 2^{2} E", n, p, q);
                }

                if (double.IsNormal(estimate))
                {
                    scaled.DerivativeErrorEstimates[n - 1].Should().Be(estimate, "the estimate of order {0}", n);
                }
            }
        }
    }

    /// <summary>Honest error estimates: with a loose solver tolerance the solves dominate the error, and the reported
    /// estimate still bounds the actual error against the dense recursion (no safety factor).</summary>
    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-9)]
    [InlineData(1e-13)]
    public void Reported_estimates_bound_the_actual_error_against_the_dense_path(double solverTolerance)
    {
        var a = SparseTestMatrices.Random(300, 200, 0.03, seed: 41);
        var e = SparseTestMatrices.Random(300, 200, 0.03, seed: 42);
        var dense = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.DenseOfMatrix(a));
        var eDense = Matrix<double>.Build.DenseOfMatrix(e);
        var partial = PartialSingularValueDecomposition.Compute(LinearOperator.FromMatrix(a), 5, new KrylovOptions(SolverTolerance: solverTolerance));
        for (var index = 1; index <= 4; index++)
        {
            var reference = SingularValueDerivatives.Expand(dense, PerturbationPath.Linear(eDense), index, 4);
            var krylov = KrylovSingularValueDerivatives.Expand(partial, LinearOperator.FromMatrix(e), index, 4);
            var gap = Math.Min(index > 1 ? dense.SingularValues[index - 2] - dense.SingularValues[index - 1] : double.PositiveInfinity,
                dense.SingularValues[index - 1] - dense.SingularValues[index]);
            var ratio = eDense.L2Norm() / gap;
            for (var n = 1; n <= 4; n++)
            {
                var error = Math.Abs(krylov.Derivative(n) - reference.Derivative(n));
                var denseRounding = 64 * 2.2e-16 * Math.Sqrt(500) * eDense.L2Norm() * Math.Pow(ratio, n) * Factorial(n);   // the reference's own rounding
                error.Should().BeLessThanOrEqualTo(krylov.DerivativeErrorEstimates[n - 1] + denseRounding, "order {0} of s_{1} at solver tolerance {2}", n, index, solverTolerance);
            }
        }
    }

    /// <summary><c>H(A) = [[0, A], [Aᵀ, 0]]</c>.</summary>
    private static Matrix<double> Embedding(Matrix<double> a)
    {
        var (m, n) = (a.RowCount, a.ColumnCount);
        var h = Matrix<double>.Build.Dense(m + n, m + n);
        h.SetSubMatrix(0, m, a);
        h.SetSubMatrix(m, 0, a.Transpose());
        return h;
    }

    /// <summary><c>P = diag(I − U_K U_Kᵀ, I − V_K V_Kᵀ)</c> from the dense factors.</summary>
    private static Matrix<double> ComplementProjector(ThinSingularValueDecomposition dense, int rows, int columns, int count)
    {
        var u = dense.LeftFactor.SubMatrix(0, rows, 0, count);
        var v = dense.RightFactor.SubMatrix(0, columns, 0, count);
        var p = Matrix<double>.Build.DenseIdentity(rows + columns);
        p.SetSubMatrix(0, 0, Matrix<double>.Build.DenseIdentity(rows) - (u * u.Transpose()));
        p.SetSubMatrix(rows, rows, Matrix<double>.Build.DenseIdentity(columns) - (v * v.Transpose()));
        return p;
    }

    private static double Factorial(int n) => Enumerable.Range(1, n).Aggregate(1.0, (x, y) => x * y);
}
