using SpectralSensitivity.Results;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>A Taylor expansion computed matrix-free: the values and derivatives of <see cref="SpectralExpansion"/>, an
/// error estimate for every derivative, and the residuals of the solves behind them.</summary>
/// <remarks>Three error sources are propagated to first order through <c>λ_j = w₀ᵀ T(E) w_{j−1}</c> and
/// <c>w_j = S(−T(E) w_{j−1} + Σ λ_i w_{j−i})</c> with <c>‖S‖ = 1/d</c>: the eigenvector <c>w₀</c> (error <c>τ/d</c>, τ its
/// residual, d the gap; Davis–Kahan), each shifted solve (<c>‖r_j‖/d_c</c> in <c>w_j</c>) and the deflation by approximate
/// vectors (about <c>τ_max/d²</c> in S); the estimate of <c>D_j</c> is <c>j! ε(λ_j)</c>. A worst-case propagation, so at higher
/// orders it overstates the actual error. Cost O(N²) scalars beside the recursion.</remarks>
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

    /// <summary>The true residual norm of each shifted solve (in the normalised units of the solve): one per order 1..N, or per order 1..⌊N/2⌋ for values
    /// expanded with <see cref="Spectrum.VectorCoefficients.None"/> (for an even N the last of these stops at the square root of the solver tolerance: it feeds
    /// only a quadratic form, corrected to second order in its residual).</summary>
    public IReadOnlyList<double> SolverResiduals { get; }

    /// <summary>Iterations (CG, or CG then MINRES) of each shifted solve, as <see cref="SolverResiduals"/>.</summary>
    public IReadOnlyList<int> SolverIterations { get; }

    /// <summary>Estimated error of the unnormalised eigenvector coefficients <c>w_j</c>, j = 0..N (0..⌊(N − 1)/2⌋ for values only).</summary>
    internal IReadOnlyList<double> VectorErrorEstimates { get; }

    /// <summary>The members of <see cref="SpectralExpansion"/>, then the error estimates and the number of shifted solves.</summary>
    private protected override IEnumerable<FormattableString> Members() =>
    [
        .. base.Members(),
        $"ErrorEstimates = {ResultText.List(DerivativeErrorEstimates)}",
        $"Solves = {SolverIterations.Count}",
    ];
}
