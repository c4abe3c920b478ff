using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The Taylor expansion of an extreme eigenvalue <c>μ_k(T + tE)</c> computed matrix-free, with an error estimate for every derivative.</summary>
public sealed class KrylovEigenvalueExpansion : KrylovExpansion
{
    internal KrylovEigenvalueExpansion(int index, KrylovRecursion.Result run, Results.ExpansionCondition condition, double residual)
        : base(index, run, condition)
    {
        EigenvectorCoefficients = VectorSeries.Wrap(run.Blocks[0]);
        Residual = residual;
    }

    /// <summary>Taylor coefficients of the unit eigenvector <c>q_k(t)</c>: orders 0..N, or 0..⌊(N − 1)/2⌋ when expanded with <see cref="Spectrum.VectorCoefficients.None"/>.</summary>
    public IReadOnlyList<Vector<double>> EigenvectorCoefficients { get; }

    /// <summary><c>‖T q_k − μ_k q_k‖</c> of the pair the expansion starts from.</summary>
    public double Residual { get; }
}
