using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Results;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The Taylor expansion of <c>s_k(A + tE)</c> computed matrix-free, with an error estimate for every derivative.</summary>
/// <remarks>
/// Values, derivatives and singular-vector coefficients mean what they mean on <see cref="SingularValueExpansion"/>;
/// in addition each derivative carries the estimate <see cref="KrylovExpansion.DerivativeErrorEstimates"/> propagated
/// from the triplet residuals and the residuals of the shifted solves (see <see cref="KrylovExpansion"/>).
/// </remarks>
public sealed class KrylovSingularValueExpansion : KrylovExpansion
{
    internal KrylovSingularValueExpansion(int index, KrylovRecursion.Result run, ExpansionCondition condition, double leftResidual, double rightResidual)
        : base(index, run, condition)
    {
        LeftVectorCoefficients = VectorSeries.Wrap(run.Blocks[0]);
        RightVectorCoefficients = VectorSeries.Wrap(run.Blocks[1]);
        LeftResidual = leftResidual;
        RightResidual = rightResidual;
    }

    /// <summary>Taylor coefficients of the unit left singular vector <c>u_k(t)</c>: orders 0..N, or 0..⌊(N − 1)/2⌋ when expanded with <see cref="Spectrum.VectorCoefficients.None"/>.</summary>
    public IReadOnlyList<Vector<double>> LeftVectorCoefficients { get; }

    /// <summary>Taylor coefficients of the unit right singular vector <c>v_k(t)</c>: orders 0..N, or 0..⌊(N − 1)/2⌋ when expanded with <see cref="Spectrum.VectorCoefficients.None"/>.</summary>
    public IReadOnlyList<Vector<double>> RightVectorCoefficients { get; }

    /// <summary><c>‖A v_k − s_k u_k‖</c> of the triplet the expansion starts from.</summary>
    public double LeftResidual { get; }

    /// <summary><c>‖Aᵀ u_k − s_k v_k‖</c> of the triplet the expansion starts from.</summary>
    public double RightResidual { get; }
}
