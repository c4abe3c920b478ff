using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.Results;

/// <summary>The Taylor expansion of <c>s_k(A(t))</c> and of its singular vectors <c>u_k(t)</c>, <c>v_k(t)</c>.</summary>
/// <remarks>
/// <para>Computed by the recursion on the Jordan–Wielandt embedding: the eigenvector <c>w(t) = (x(t); y(t))</c> of
/// <c>H(A(t))</c> has Taylor coefficients <c>w_j</c>; <c>u_k(t) = x(t)/‖x(t)‖</c> and <c>v_k(t) = y(t)/‖y(t)‖</c>, whose
/// coefficients follow by series normalisation. Signs follow <c>u_k(0) = u_k</c>, <c>v_k(0) = v_k</c> of the SVD used.</para>
/// </remarks>
public sealed class SingularValueExpansion : SpectralExpansion
{
    internal SingularValueExpansion(int index, ScaledCoefficients coefficients, Vector<double>[] left, Vector<double>[] right, double gap, ConvergenceBound convergence, ExpansionCondition condition)
        : base(index, coefficients, gap, convergence, condition)
    {
        LeftVectorCoefficients = left;
        RightVectorCoefficients = right;
    }

    /// <summary>Taylor coefficients of the unit left singular vector <c>u_k(t)</c>, orders 0..N (length m each).</summary>
    public IReadOnlyList<Vector<double>> LeftVectorCoefficients { get; }

    /// <summary>Taylor coefficients of the unit right singular vector <c>v_k(t)</c>, orders 0..N (length n each).</summary>
    public IReadOnlyList<Vector<double>> RightVectorCoefficients { get; }

    /// <summary>The order-N prediction of <c>u_k(t)</c> (unit length up to O(t^(N+1))).</summary>
    public Vector<double> PredictLeftVector(double t) => VectorSeries.Evaluate(LeftVectorCoefficients, t);

    /// <summary>The order-N prediction of <c>v_k(t)</c> (unit length up to O(t^(N+1))).</summary>
    public Vector<double> PredictRightVector(double t) => VectorSeries.Evaluate(RightVectorCoefficients, t);
}
