using SpectralSensitivity.Results;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>A Taylor expansion computed matrix-free: the values and derivatives of <see cref="SpectralExpansion"/>, an
/// error estimate for every derivative, and the residuals of the solves behind them (docs/theory.md §9).</summary>
public abstract class KrylovExpansion : SpectralExpansion
{
    private protected KrylovExpansion(int index, KrylovRecursion.Result run, ExpansionCondition condition)
        : base(index, run.Values, run.Gap, run.Convergence, condition)
    {
        DerivativeErrorEstimates = run.DerivativeErrors;
        SolverResiduals = run.SolverResiduals;
        SolverIterations = run.SolverIterations;
        VectorErrorEstimates = run.VectorErrors;
    }

    /// <summary>Estimated absolute error of the derivative of each order 1..N (index order − 1).</summary>
    public IReadOnlyList<double> DerivativeErrorEstimates { get; }

    /// <summary>The true residual norm of the shifted solve of each order 1..N (in the normalised units of the solve).</summary>
    public IReadOnlyList<double> SolverResiduals { get; }

    /// <summary>Iterations (CG, or CG then MINRES) of the shifted solve of each order.</summary>
    public IReadOnlyList<int> SolverIterations { get; }

    /// <summary>Estimated error of the unnormalised eigenvector coefficients <c>w_j</c>, j = 0..N.</summary>
    internal IReadOnlyList<double> VectorErrorEstimates { get; }
}
