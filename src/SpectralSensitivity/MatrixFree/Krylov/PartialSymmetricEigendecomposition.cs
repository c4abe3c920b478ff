using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The k most extreme eigenpairs (largest or smallest algebraic) of a symmetric operator, with their residuals.</summary>
/// <remarks>
/// <para>Computed by <see cref="Compute"/> with thick-restart Lanczos and full reorthogonalisation (Wu and Simon,
/// SIAM J. Matrix Anal. Appl. 22 (2000)). Index 1 is the most extreme eigenvalue of the chosen end. Every converged pair
/// (<see cref="ConvergedCount"/>) satisfies <c>‖T q_i − μ_i q_i‖ ≤ tol · max|μ|</c> up to rounding; a pair computed only for the gap
/// beyond them (<see cref="ComputeThrough"/>) stops at a residual of an eighth of that gap (<see cref="GapBound"/>). The measured
/// residuals are reported.</para>
/// <para>The operator must be symmetric; <see cref="Compute"/> checks <c>yᵀ(T x) = xᵀ(T y)</c> for two fixed vectors
/// and refuses an operator that fails it. Cost: about <c>(p − k)/2</c> products per restart plus O(n p²); memory
/// <c>8 n p</c> bytes.</para>
/// </remarks>
public sealed class PartialSymmetricEigendecomposition
{
    private PartialSymmetricEigendecomposition(ILinearOperator normalized, int exponent, SpectrumEnd end, ThickRestartLanczos.Pairs scaled, int converged, KrylovOptions options)
    {
        ConvergedCount = converged;
        DeflatedCount = RitzBounds.DeflatedCount(converged, scaled.Values.Length, i => scaled.Residuals[i], options.Tolerance * scaled.Values.Max(Math.Abs));
        Normalized = normalized;
        Exponent = exponent;
        End = end;
        EndValues = end == SpectrumEnd.LargestAlgebraic ? scaled.Values : scaled.Values.Select(x => -x).ToArray();
        Scaled = scaled;
        Options = options;
        Eigenvalues = scaled.Values.Select(x => Math.ScaleB(x, exponent)).ToArray();
        Residuals = scaled.Residuals.Select(x => Math.ScaleB(x, exponent)).ToArray();
        Eigenvectors = Matrix<double>.Build.DenseOfColumnArrays(scaled.Vectors);
        _recycled = new Lazy<RecycledSubspace?>(Recycle);
    }

    private readonly Lazy<RecycledSubspace?> _recycled;

    /// <summary>The subspace that deflates the CG of the shifted solves (<see cref="DeflatedResolvent"/>), built on first use and shared by every
    /// solve from these pairs; null when <see cref="KrylovOptions.RecycledVectors"/> is 0 or nothing is left to recycle.</summary>
    /// <remarks>Candidates: the computed pairs that are not deflated exactly and the spare Ritz vectors of the final basis
    /// (<see cref="ThickRestartLanczos.Pairs.Spare"/>), at most <see cref="KrylovOptions.RecycledVectors"/> in all, orthonormalised against the first
    /// <see cref="DeflatedCount"/> pairs. Cost: one block product with T of r vectors, once (<see cref="RecycledSubspace.Build"/>).</remarks>
    internal RecycledSubspace? Recycled => _recycled.Value;

    private RecycledSubspace? Recycle()
    {
        var candidates = Scaled.Vectors[DeflatedCount..].Concat(Scaled.Spare).Take(Options.RecycledVectorsFor(int.MaxValue, Normalized)).ToArray();
        return RecycledSubspace.Build(candidates, Scaled.Vectors[..DeflatedCount], (x, y, r) => Normalized.MultiplyBlock(x, y, r));
    }

    /// <summary>n.</summary>
    public int Size => Normalized.RowCount;

    /// <summary>The number k of pairs.</summary>
    public int Count => Eigenvalues.Count;

    /// <summary>Which end of the spectrum.</summary>
    public SpectrumEnd End { get; }

    /// <summary>The eigenvalues, most extreme first.</summary>
    public IReadOnlyList<double> Eigenvalues { get; }

    /// <summary>The unit eigenvectors as the columns of an n × k matrix.</summary>
    public Matrix<double> Eigenvectors { get; }

    /// <summary><c>‖T q_i − μ_i q_i‖₂</c>, measured after convergence.</summary>
    public IReadOnlyList<double> Residuals { get; }

    /// <summary>The number of leading pairs converged to <see cref="KrylovOptions.Tolerance"/>: all of them from <see cref="Compute"/>; from
    /// <see cref="ComputeThrough"/> all but the last, which is computed only to bound the gap beyond the others.</summary>
    /// <remarks>These are deflated exactly in the shifted solves, and so is the pair beyond them when it happens to reach the tolerance too
    /// (<see cref="DeflatedCount"/>); otherwise it stays in the complement, where the solve handles it.</remarks>
    public int ConvergedCount { get; }

    /// <summary>The number of leading pairs the shifted solves deflate exactly: <see cref="ConvergedCount"/>, plus one when the pair computed beyond
    /// them for the gap happens to satisfy the tolerance as well, <c>‖T q − θ q‖ ≤ Tolerance · max|θ|</c> (measured).</summary>
    /// <remarks>As for singular values (<see cref="PartialSingularValueDecomposition"/>): deflating it costs no product and removes the eigenvalue
    /// nearest the shift from the complement; the complement bound (<see cref="ScaledComplementGap"/>) still holds for what remains. Cost O(1).</remarks>
    internal int DeflatedCount { get; }

    /// <summary>A lower bound on the distance from <c>μ_index</c> to the other eigenvalues: with end coordinates <c>x = μ</c> (largest) or
    /// <c>x = −μ</c> (smallest), <c>min(x_{k−1} − x_k − ρ_k, x_k − x_{k+1} − ρ_{k+1})</c> over the computed neighbours (+∞ when there are none).</summary>
    /// <remarks>
    /// <para>The Ritz value of rank i from the end is at most the true one, and the residual <c>ρ_i = ‖T q_i − θ_i q_i‖</c> puts an eigenvalue
    /// within <c>ρ_i</c> of it (Cauchy interlacing; Parlett, The Symmetric Eigenvalue Problem, Thm. 4.5.1), which is the one of rank i when
    /// the iteration has missed none beyond it: <c>x_i ≤ ξ_i ≤ x_i + ρ_i</c>, and the gaps are bounded below as stated. The pair beyond the
    /// last converged one needs only a residual of <see cref="GolubKahanLanczos.GapResidualFraction"/> times its distance for this bound
    /// to be within that fraction of the true gap.</para>
    /// <para>Cost O(1). The bound is 0 (never negative) when the values are too close to be told apart.</para>
    /// </remarks>
    /// <param name="index">1-based k from the chosen end, at most <see cref="ConvergedCount"/>.</param>
    public double GapBound(int index)
    {
        Validation.MatrixGuard.RequireIndex(index, ConvergedCount, "eigenvalue");
        return Math.ScaleB(ScaledClusterGapBound(index - 1, index - 1), Exponent);
    }

    /// <summary>Restart cycles used.</summary>
    public int Restarts => Scaled.Restarts;

    /// <summary>Products with T used.</summary>
    public int ProductCount => Scaled.Products;

    /// <summary>The options used.</summary>
    public KrylovOptions Options { get; }

    /// <summary>Two eigenvalues closer than this count as one cluster: <c>Tolerance · max|μ|</c>.</summary>
    public double ClusterTolerance => Options.Tolerance * Eigenvalues.Max(Math.Abs);

    internal ILinearOperator Normalized { get; }

    internal int Exponent { get; }

    internal ThickRestartLanczos.Pairs Scaled { get; }

    /// <summary>The computed eigenvalues of <see cref="Normalized"/> in end coordinates, most extreme first: <c>x = μ</c> (largest) or <c>−μ</c> (smallest).</summary>
    internal IReadOnlyList<double> EndValues { get; }

    /// <summary>The residual <c>‖T' q_i − θ_i q_i‖</c> of pair i (0-based) of <see cref="Normalized"/>.</summary>
    internal double ScaledResidual(int i) => Scaled.Residuals[i];

    /// <summary>The largest residual among the pairs the solves deflate (<see cref="DeflatedCount"/>), of <see cref="Normalized"/>.</summary>
    internal double LargestDeflatedResidual => Scaled.Residuals.Take(DeflatedCount).Max();

    /// <summary>A lower bound on the distance from pairs first … last (0-based, of <see cref="Normalized"/>) to the other eigenvalues
    /// (<see cref="RitzBounds"/>; +∞ on a side with no computed neighbour, which happens only at the far end of the whole spectrum). Never negative.</summary>
    internal double ScaledClusterGapBound(int first, int last)
    {
        var x = EndValues;
        var below = last + 1 < x.Count ? RitzBounds.Below(x, ScaledResidual, last) : double.PositiveInfinity;
        return Math.Max(0, Math.Min(RitzBounds.Above(x, ScaledResidual, first), below));
    }

    /// <summary>The distance from the eigenvalue <paramref name="shift"/> (of <see cref="Normalized"/>) to every eigenvalue beyond the converged
    /// pairs, bounded below (<see cref="RitzBounds.Beyond"/>); +∞ when all n pairs are known.</summary>
    internal double ScaledComplementGap(double shift)
    {
        if (ConvergedCount == Size)
        {
            return double.PositiveInfinity;
        }

        var x = End == SpectrumEnd.LargestAlgebraic ? shift : -shift;
        return x - RitzBounds.Beyond(EndValues, ScaledResidual, ConvergedCount);                // x_k − ξ_{K+1}, ξ_{K+1} ≤ x_{K+1} + ρ_{K+1}
    }

    /// <summary>Computes the <paramref name="count"/> most extreme eigenpairs of the symmetric <paramref name="t"/> at <paramref name="end"/>.</summary>
    /// <param name="t">T, n × n, symmetric.</param>
    /// <param name="count">k, 1 ≤ k ≤ n.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="options">Tolerances and budgets; null for the defaults.</param>
    /// <exception cref="InvalidSpectralInputException">T fails the symmetry check.</exception>
    /// <exception cref="KrylovConvergenceException">The iteration did not converge within the restart budget.</exception>
    public static PartialSymmetricEigendecomposition Compute(ILinearOperator t, int count, SpectrumEnd end, KrylovOptions? options = null) =>
        ComputeConverging(t, count, count, end, options);

    /// <summary>The <paramref name="count"/> most extreme pairs, the first <paramref name="converged"/> to the tolerance, the rest only for the gap beyond them.</summary>
    private static PartialSymmetricEigendecomposition ComputeConverging(ILinearOperator t, int count, int converged, SpectrumEnd end, KrylovOptions? options)
    {
        ArgumentNullException.ThrowIfNull(t);
        options ??= KrylovOptions.Default;
        options.Validate();
        OperatorGuard.RequireSquare(t, "T");
        if (count < 1 || count > t.RowCount)
        {
            throw new SpectralIndexOutOfRangeException(count, t.RowCount, "eigenvalue");
        }

        var exponent = OperatorScaling.ExponentOf(t);
        var normalized = OperatorScaling.Normalized(t, exponent);
        OperatorGuard.RequireSymmetric(normalized, "T");
        return new PartialSymmetricEigendecomposition(normalized, exponent, end, ThickRestartLanczos.Run(normalized, count, converged, end, options), converged, options);
    }

    /// <summary>Enough pairs to hold <paramref name="index"/> and the next value beyond it outside its cluster.</summary>
    /// <remarks>The count starts at index + 1 and grows by max(2, count/2) while the chain of values within <see cref="ClusterTolerance"/>
    /// of <c>μ_index</c> reaches the last computed one. The last pair, beyond <c>μ_index</c>, is converged only until its residual is an
    /// eighth of its distance from the others (<see cref="GapBound"/>): the derivatives need a rigorous lower bound on the gap there, not
    /// the pair itself, which stays in the complement of the shifted solves. Cost: that of <see cref="Compute"/> per run, less the
    /// iterations that converging the last pair fully would take.</remarks>
    /// <param name="t">T, n × n symmetric.</param>
    /// <param name="index">1-based k from the chosen end.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="options">Tolerances and budgets; null for <see cref="KrylovOptions.Default"/>.</param>
    /// <returns>The pairs.</returns>
    public static PartialSymmetricEigendecomposition ComputeThrough(ILinearOperator t, int index, SpectrumEnd end, KrylovOptions? options = null) =>
        Grow(t, index, end, options, null, agreeing: 1, gapOnly: 1);

    /// <summary>Completes the cluster that holds <paramref name="index"/>: grows the count until the cluster ends before the last
    /// computed value and two successive computations agree on its members (see <see cref="PartialSingularValueDecomposition"/>'s
    /// ComputeCluster: Lanczos may miss copies of an exactly repeated value when the count is close to the multiplicity).</summary>
    /// <remarks>Cost: at least two runs of <see cref="Compute"/>.</remarks>
    /// <param name="t">T, n × n symmetric.</param>
    /// <param name="index">1-based k from the chosen end, any member of the cluster.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="options">Tolerances and budgets; null for <see cref="KrylovOptions.Default"/>.</param>
    /// <param name="clusterTolerance">Neighbours closer than this times <c>max|μ|</c> join the cluster; null for <see cref="KrylovOptions.Tolerance"/>.</param>
    /// <returns>The pairs, holding the whole cluster and at least one value beyond it (or all n).</returns>
    public static PartialSymmetricEigendecomposition ComputeCluster(ILinearOperator t, int index, SpectrumEnd end, KrylovOptions? options = null, double? clusterTolerance = null) =>
        Grow(t, index, end, options, clusterTolerance, agreeing: 2, gapOnly: 0);

    private static PartialSymmetricEigendecomposition Grow(ILinearOperator t, int index, SpectrumEnd end, KrylovOptions? options, double? clusterTolerance, int agreeing, int gapOnly) =>
        KrylovGrowth.Grow(t.RowCount, index, agreeing, gapOnly, (count, converged) => ComputeConverging(t, count, converged, end, options),
            eig => Decomposition.SpectralCluster.Chain(eig.Eigenvalues, index,
                Decomposition.SpectralCluster.AbsoluteTolerance(clusterTolerance, eig.Eigenvalues.Max(Math.Abs), eig.ClusterTolerance)));

    /// <summary>One line: size, end, the computed eigenvalues (from that end) and their residuals, in the invariant culture.</summary>
    /// <returns>E.g. <c>PartialSymmetricEigendecomposition { Size = 240, End = LargestAlgebraic, Count = 4, Converged = 3, Eigenvalues = [...], Residuals = [...] }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(PartialSymmetricEigendecomposition),
        $"Size = {Size}",
        $"End = {End}",
        $"Count = {Count}",
        $"Converged = {ConvergedCount}",
        $"Eigenvalues = {Results.ResultText.List(Eigenvalues)}",
        $"Residuals = {Results.ResultText.List(Residuals)}");
}
