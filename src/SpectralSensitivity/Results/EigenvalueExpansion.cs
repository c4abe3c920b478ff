using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Results;

/// <summary>The Taylor expansion of an eigenvalue <c>μ_k(T(t))</c> of a symmetric matrix and of its unit eigenvector.</summary>
public sealed class EigenvalueExpansion : SpectralExpansion
{
    internal EigenvalueExpansion(int index, ScaledCoefficients coefficients, Vector<double>[] vectors, double gap, ConvergenceBound convergence, ExpansionCondition condition)
        : base(index, coefficients, gap, convergence, condition)
    {
        EigenvectorCoefficients = vectors;
    }

    /// <summary>Taylor coefficients of the unit eigenvector <c>q_k(t)</c>, orders 0..N.</summary>
    public IReadOnlyList<Vector<double>> EigenvectorCoefficients { get; }

    /// <summary>The order-N prediction of <c>q_k(t)</c>.</summary>
    public Vector<double> PredictEigenvector(double t) => VectorSeries.Evaluate(EigenvectorCoefficients, t);
}
