using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Results;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The Taylor expansion of <c>s_k(A + tE)</c> computed matrix-free, with an error estimate for every derivative.</summary>
/// <remarks>
/// Values, derivatives and singular-vector coefficients mean what they mean on <see cref="SingularValueExpansion"/>;
/// in addition each derivative carries the estimate <see cref="DerivativeErrorEstimates"/> propagated from the
/// triplet residuals and the residuals of the shifted solves (docs/theory.md, matrix-free section).
/// </remarks>
public sealed class KrylovSingularValueExpansion : SpectralExpansion
{
    internal KrylovSingularValueExpansion(int index, double[] coefficients, Vector<double>[] left, Vector<double>[] right, double gap, ConvergenceBound convergence,
        double[] derivativeErrors, double[] solverResiduals, int[] solverIterations, double leftResidual, double rightResidual, ExpansionCondition condition)
        : base(index, coefficients, gap, convergence, condition)
    {
        LeftVectorCoefficients = left;
        RightVectorCoefficients = right;
        DerivativeErrorEstimates = derivativeErrors;
        SolverResiduals = solverResiduals;
        SolverIterations = solverIterations;
        LeftResidual = leftResidual;
        RightResidual = rightResidual;
    }

    /// <summary>Taylor coefficients of the unit left singular vector <c>u_k(t)</c>.</summary>
    public IReadOnlyList<Vector<double>> LeftVectorCoefficients { get; }

    /// <summary>Taylor coefficients of the unit right singular vector <c>v_k(t)</c>.</summary>
    public IReadOnlyList<Vector<double>> RightVectorCoefficients { get; }

    /// <summary>Estimated absolute error of the derivative of each order 1..N (index order − 1).</summary>
    public IReadOnlyList<double> DerivativeErrorEstimates { get; }

    /// <summary>The true residual norm of the shifted solve of each order 1..N (in the normalised coordinates <c>2^−e A</c>, <c>2^−f E</c>).</summary>
    public IReadOnlyList<double> SolverResiduals { get; }

    /// <summary>Iterations (CG, or CG then MINRES) of the shifted solve of each order.</summary>
    public IReadOnlyList<int> SolverIterations { get; }

    /// <summary>Estimated error of the unnormalised eigenvector coefficients <c>w_j</c>, j = 0..N.</summary>
    internal IReadOnlyList<double> VectorErrorEstimates { get; init; } = [];

    /// <summary><c>‖A v_k − s_k u_k‖</c> of the triplet the expansion starts from.</summary>
    public double LeftResidual { get; }

    /// <summary><c>‖Aᵀ u_k − s_k v_k‖</c> of the triplet the expansion starts from.</summary>
    public double RightResidual { get; }
}
