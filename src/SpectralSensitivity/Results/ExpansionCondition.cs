using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Results;

/// <summary>How far rounding in the decomposition can move the derivatives of one value: the condition figure κ and the expected relative errors.</summary>
/// <remarks>
/// <para>A backward-stable decomposition is exact for a matrix within <c>τ = max(m, n) ε ‖A‖₂</c> of A (ε = 2⁻⁵², ‖A‖₂ = s₁, or
/// max |μ| for a symmetric T; the same τ is the default cluster tolerance). The singular vectors of a value at gap d then turn by up to
/// about <c>τ/d</c> and the gap itself moves by a relative <c>τ/d</c>, so the condition figure is <c>κ = τ / d</c> (κ ≥ 1: the value
/// counts as repeated). <c>D_j</c> is built from the two singular vectors (each turned by up to κ) and j − 1 reduced-resolvent
/// factors <c>1/(s_k − s_i)</c> (each known to a relative κ), so <see cref="ExpectedRelativeError"/> is <c>(j + 1) κ</c>. Since
/// <c>|D_j|</c> grows like <c>(‖E‖₂/d)^(j−1)</c>, the absolute error grows by a factor <c>‖E‖₂/d</c> per order. <c>D₁ = u_kᵀ E v_k</c>
/// can be far smaller than ‖E‖₂; its error is then about <c>2 κ ‖E‖₂</c> absolute.</para>
/// <para>Measured against 50-digit references (mpmath; relative gaps 1e-4 to 1e-14, three matrices,
/// orders 1..8): the double-precision error stayed within 1.5 <c>(j + 1) κ</c> at every order, and at every order from 2 on came above 0.4 <c>(j + 1) κ</c>;
/// with the extended-precision refinement it stayed below 0.05 <c>(j + 1) κ</c> (only the rounding of the values to double remains).</para>
/// <para>Cost O(1) after the decomposition.</para>
/// </remarks>
public sealed class ExpansionCondition
{
    /// <summary>Above this expected relative error of the highest order (fewer than six correct digits), callers should warn.</summary>
    public const double WarningThreshold = 1e-6;

    private ExpansionCondition(int rows, int columns, double scale, double gap, int order)
    {
        var factor = SpectralTolerances.DefaultThreshold(rows, columns, 1.0); // max(m, n) ε
        RoundingLevel = factor * scale;
        Gap = gap;
        Order = order;
        Figure = gap > 0 ? factor * (scale / gap) : double.PositiveInfinity; // κ = max(m, n) ε (‖A‖₂ / d): the ratio first, exact under power-of-two scaling
    }

    /// <summary>τ = max(m, n) ε ‖A‖₂: how far from A the matrix lies that the decomposition is exact for.</summary>
    public double RoundingLevel { get; }

    /// <summary>The gap d of the value.</summary>
    public double Gap { get; }

    /// <summary>The highest order N of the expansion.</summary>
    public int Order { get; }

    /// <summary>The condition figure κ = τ / d: the first-order amplification of the decomposition's rounding.</summary>
    public double Figure { get; }

    /// <summary>The expected relative error of <c>D_j</c>: <c>(j + 1) κ</c> (for a <c>D₁</c> much smaller than ‖E‖₂, read it relative to ‖E‖₂).</summary>
    /// <param name="order">j, 1 ≤ j.</param>
    public double ExpectedRelativeError(int order) => (order + 1) * Figure;

    /// <summary><see cref="ExpectedRelativeError"/> for j = 1..N (index j − 1).</summary>
    public IReadOnlyList<double> ExpectedRelativeErrors => [.. Enumerable.Range(1, Order).Select(ExpectedRelativeError)];

    /// <summary>Whether the highest order's expected relative error exceeds <see cref="WarningThreshold"/>.</summary>
    public bool ExceedsWarningThreshold => ExpectedRelativeError(Order) > WarningThreshold;

    /// <summary>One line in the invariant culture (six significant digits): the figure, the gap, the order and the expected relative error of the highest order.</summary>
    /// <returns>E.g. <c>ExpansionCondition { Figure = 3.1e-15, Gap = 0.35, Order = 6, ExpectedRelativeError = 2.2e-14 }</c>.</returns>
    public override string ToString() => ResultText.Members(
        nameof(ExpansionCondition),
        $"Figure = {ResultText.Number(Figure)}",
        $"Gap = {ResultText.Number(Gap)}",
        $"Order = {Order}",
        $"ExpectedRelativeError = {ResultText.Number(ExpectedRelativeError(Order))}");

    /// <summary>The condition of a value at gap <paramref name="gap"/> of an m × n matrix whose norm is <paramref name="scale"/>.</summary>
    internal static ExpansionCondition Of(int rows, int columns, double scale, double gap, int order) => new(rows, columns, scale, gap, order);

    /// <summary>The condition of <c>s_k</c>'s derivatives to order N, computed from <paramref name="svd"/>.</summary>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N ≥ 1 (1 for a gradient, 2 for a Hessian).</param>
    public static ExpansionCondition For(ThinSingularValueDecomposition svd, int index, int order)
    {
        ArgumentNullException.ThrowIfNull(svd);
        return new ExpansionCondition(svd.RowCount, svd.ColumnCount, svd.SingularValue(1), svd.Gap(index), order);   // O(1): no copy of the values
    }

    /// <summary>The condition of <c>μ_k</c>'s derivatives to order N, computed from <paramref name="eig"/>.</summary>
    /// <param name="eig">The eigendecomposition of T.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="order">N ≥ 1.</param>
    public static ExpansionCondition For(SymmetricEigendecomposition eig, int index, int order)
    {
        ArgumentNullException.ThrowIfNull(eig);
        var largest = Math.Max(Math.Abs(eig.Eigenvalue(1)), Math.Abs(eig.Eigenvalue(eig.Size)));   // ascending: |μ| is largest at an end, O(1)
        return new ExpansionCondition(eig.Size, eig.Size, largest, eig.Gap(index), order);
    }
}
