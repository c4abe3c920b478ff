using SpectralSensitivity.Series;

namespace SpectralSensitivity.Results;

/// <summary>The Taylor expansion <c>λ(t) = Σ_{j=0}^{N} c_j tʲ + O(t^(N+1))</c> of one singular value or eigenvalue along a path.</summary>
/// <remarks>
/// <c>c₀</c> is the unperturbed value, <c>D_j = dʲλ/dtʲ(0) = j! c_j</c>, formed in the engine's scaled units and mapped back
/// by one power of two, so that D_j scales exactly with A and E wherever it is a normal number (even where c_j, j! times
/// smaller, is subnormal). The series converges at least for
/// <c>|t| &lt; r₀</c> (<see cref="Convergence"/>), where <see cref="PredictionErrorBound"/> bounds the truncation error.
/// </remarks>
public abstract class SpectralExpansion
{
    private readonly double[] _coefficients;
    private readonly double[] _derivatives;

    /// <summary>Maps the coefficients to the caller's units and forms the derivatives from the scaled ones (exact homogeneity where
    /// a derivative is a normal number, even where its coefficient is subnormal: see <see cref="ScaledCoefficients"/>).</summary>
    /// <exception cref="Errors.ResultOutOfRangeException">A derivative is beyond the double range (the lowest such order is named).</exception>
    private protected SpectralExpansion(int index, ScaledCoefficients coefficients, double gap, ConvergenceBound convergence, ExpansionCondition condition)
    {
        Index = index;
        Condition = condition;
        _derivatives = coefficients.Derivatives();                        // first: D_j = j! c_j leaves the range no later than c_j
        _coefficients = coefficients.Coefficients();
        Gap = gap;
        Convergence = convergence;
    }

    /// <summary>The 1-based index of the value.</summary>
    public int Index { get; }

    /// <summary>How much the decomposition's rounding can move these derivatives: the condition figure κ = max(m, n) ε ‖A‖₂ / d and the expected relative error of each order.</summary>
    public ExpansionCondition Condition { get; }

    /// <summary>The highest order N computed.</summary>
    public int Order => _coefficients.Length - 1;

    /// <summary>The unperturbed value <c>c₀</c>: the singular value <c>s_k</c> or the eigenvalue <c>μ_k</c>.</summary>
    public double Value => _coefficients[0];

    /// <summary>Taylor coefficients <c>c₀ … c_N</c> (<c>c₀</c> the value itself).</summary>
    public IReadOnlyList<double> TaylorCoefficients => _coefficients;

    /// <summary>Derivatives <c>D₁ … D_N</c>, <c>D_j = dʲ/dtʲ λ(t)</c> at t = 0 (index j−1).</summary>
    public IReadOnlyList<double> Derivatives => _derivatives;

    /// <summary>The j-th derivative <c>D_j</c>, 1 ≤ j ≤ N.</summary>
    public double Derivative(int order)
    {
        Validation.MatrixGuard.RequireOrder(order, 1, Order, "this expansion");
        return _derivatives[order - 1];
    }

    /// <summary>Distance d from the value to the rest of the spectrum (of <c>H(A)</c> for singular values).</summary>
    public double Gap { get; }

    /// <summary>Lower bound on the convergence radius and the bound on the value inside it.</summary>
    public ConvergenceBound Convergence { get; }

    /// <summary>The order-N Taylor prediction <c>Σ_{j≤N} c_j tʲ</c>.</summary>
    public double Predict(double t) => PowerSeries.Evaluate(_coefficients, t);

    /// <summary>The order-n Taylor prediction for n ≤ N.</summary>
    public double Predict(double t, int order)
    {
        Validation.MatrixGuard.RequireOrder(order, 0, Order, "this expansion");
        return PowerSeries.Evaluate(_coefficients.AsSpan(0, order + 1), t);
    }

    /// <summary>Rigorous bound on <c>|λ(t) − Predict(t)|</c>; +∞ outside the disk of radius <c>r₀</c>.</summary>
    public double PredictionErrorBound(double t) => Convergence.TruncationError(t, Order);

    /// <summary>One line: index, value, order, derivatives, gap and convergence radius, in the invariant culture.</summary>
    /// <remarks>Numbers to six significant digits; more than eight derivatives are shortened to the first six and the last two.</remarks>
    /// <returns>E.g. <c>SingularValueExpansion { Index = 2, Value = 3.1, Order = 6, Derivatives = [...], Gap = 0.52, Radius = 0.11 }</c>.</returns>
    public override string ToString() => ResultText.Members(GetType().Name, [.. Members()]);

    /// <summary>The members <see cref="ToString"/> shows; derived types append theirs.</summary>
    private protected virtual IEnumerable<FormattableString> Members() =>
    [
        $"Index = {Index}",
        $"Value = {ResultText.Number(Value)}",
        $"Order = {Order}",
        $"Derivatives = {ResultText.List(Derivatives)}",
        $"Gap = {ResultText.Number(Gap)}",
        $"Radius = {ResultText.Number(Convergence.Radius)}",
    ];
}
