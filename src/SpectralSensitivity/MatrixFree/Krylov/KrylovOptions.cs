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
public sealed record KrylovOptions(
    double Tolerance = 1e-12,
    int? BasisSize = null,
    int MaxRestarts = 2000,
    double SolverTolerance = 1e-13,
    int? MaxSolverIterations = null)
{
    /// <summary>The defaults.</summary>
    public static KrylovOptions Default { get; } = new();

    internal int BasisSizeFor(int wanted, int limit) =>
        Math.Min(limit, BasisSize ?? (wanted + Math.Max(20, wanted)));

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
    }
}
