using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Tolerances and budgets of the matrix-free (Krylov) path.</summary>
/// <param name="Tolerance">A triplet (or eigenpair) counts as converged when both residuals <c>‖A v − s u‖</c>,
/// <c>‖Aᵀ u − s v‖</c> are at most <c>Tolerance · s₁</c> (eigenpairs: <c>‖A q − θ q‖ ≤ Tolerance · max|θ|</c>).
/// Two singular values closer than <c>Tolerance · s₁</c> count as one cluster.</param>
/// <param name="BasisSize">Krylov basis size p per restart cycle; null for <c>k + max(20, k)</c> (capped at min(m, n)).</param>
/// <param name="MaxRestarts">Restart cycles before giving up with a <see cref="KrylovConvergenceException"/>.</param>
/// <param name="SolverTolerance">Each shifted solve stops when its residual is at most this times its right-hand side.</param>
/// <param name="MaxSolverIterations">Iterations of one shifted solve before giving up; null for <c>max(1000, 4 (m + n))</c>.</param>
/// <param name="RecycledVectors">How many Ritz vectors of the final Lanczos basis, beyond the triplets (pairs) the shifted solves deflate
/// exactly, deflate the conjugate gradients of those solves (Saad, Yeung, Erhel and Guyomarc'h, SIAM J. Sci. Comput. 21 (2000) 1909–1926;
/// docs/theory.md): 0 for none (plain conjugate gradients); null for as many as the basis holds within the budget of
/// <see cref="RecycledSubspace.Budget"/> (the deflation's vector work per iteration at most an eighth of the products'). The answers do not
/// depend on it beyond the solver tolerance; r vectors cost <c>2 r</c> products once per decomposition and <c>2 r</c> length-min(m, n)
/// multiply-adds per iteration, for fewer iterations.</param>
public sealed record KrylovOptions(
    double Tolerance = 1e-12,
    int? BasisSize = null,
    int MaxRestarts = 2000,
    double SolverTolerance = 1e-13,
    int? MaxSolverIterations = null,
    int? RecycledVectors = null)
{
    /// <summary>The defaults.</summary>
    public static KrylovOptions Default { get; } = new();

    internal int BasisSizeFor(int wanted, int limit) =>
        Math.Min(limit, BasisSize ?? (wanted + Math.Max(20, wanted)));

    /// <summary>The number of vectors to recycle out of <paramref name="available"/> for the operator <paramref name="a"/>: <see cref="RecycledVectors"/>, or by default
    /// <see cref="RecycledSubspace.Budget"/>.</summary>
    internal int RecycledVectorsFor(int available, ILinearOperator a) => (int)Math.Min(available, RecycledVectors ?? RecycledSubspace.Budget(a));

    internal int SolverIterationsFor(int dimension) => MaxSolverIterations ?? Math.Max(1000, 4 * dimension);

    internal void Validate()
    {
        if (!(Tolerance > 0 && Tolerance < 1))
        {
            throw new InvalidSpectralInputException($"Krylov tolerance {Tolerance} must lie in (0, 1)");
        }

        if (!(SolverTolerance > 0 && SolverTolerance < 1))
        {
            throw new InvalidSpectralInputException($"solver tolerance {SolverTolerance} must lie in (0, 1)");
        }

        if (BasisSize is < 2 || MaxRestarts < 1 || MaxSolverIterations is < 1)
        {
            throw new InvalidSpectralInputException("Krylov basis size must be at least 2, restarts and solver iterations at least 1");
        }

        if (RecycledVectors is < 0)
        {
            throw new InvalidSpectralInputException($"the number of recycled Ritz vectors {RecycledVectors} must not be negative");
        }
    }
}
