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
        var (residual, iterations, converged) = solver.Solve(shift, c.ToArray(), z, 1e-13, 10_000);

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
