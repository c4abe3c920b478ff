using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The k largest singular triplets <c>(s_i, u_i, v_i)</c> of an operator, with their residuals.</summary>
/// <remarks>
/// <para>Computed by <see cref="Compute"/> with Golub–Kahan–Lanczos bidiagonalisation, thick (Ritz-augmented)
/// restarts and full reorthogonalisation (Baglama and Reichel, SIAM J. Sci. Comput. 27 (2005)); for a dense A with m ≤ n, by thick-restart
/// Lanczos on <c>A Aᵀ</c> with its one-pass product instead, the same convergence rule read through <c>s = √θ</c>, falling back to the
/// bidiagonalisation when a wanted value is too small to resolve that way (<see cref="OuterGramLanczos"/>). Every converged triplet (<see cref="ConvergedCount"/>)
/// satisfies <c>‖A v_i − s_i u_i‖ ≤ tol · s₁</c> and <c>‖Aᵀ u_i − s_i v_i‖ ≤ tol · s₁</c> up to rounding; a triplet computed only for the gap
/// below them (<see cref="ComputeThrough"/>) stops at a residual of an eighth of that gap (<see cref="GapBound"/>). The measured residuals are reported.</para>
/// <para>Cost: about <c>(p − k) / 2</c> products with A and Aᵀ per restart cycle plus O((m + n) p²); memory
/// <c>8 (m + n) p</c> bytes with p the basis size (<see cref="KrylovOptions.BasisSize"/>), independent of nnz.</para>
/// </remarks>
public sealed class PartialSingularValueDecomposition
{
    private PartialSingularValueDecomposition(ILinearOperator normalized, int exponent, GolubKahanLanczos.Triplets scaled, int converged, KrylovOptions options)
    {
        ConvergedCount = converged;
        Normalized = normalized;
        Exponent = exponent;
        Scaled = scaled;
        Options = options;
        SingularValues = scaled.Values.Select(Unscale).ToArray();
        LeftResiduals = scaled.LeftResiduals.Select(Unscale).ToArray();
        RightResiduals = scaled.RightResiduals.Select(Unscale).ToArray();
        LeftVectors = Matrix<double>.Build.DenseOfColumnArrays(scaled.Left);
        RightVectors = Matrix<double>.Build.DenseOfColumnArrays(scaled.Right);
        DeflatedCount = RitzBounds.DeflatedCount(converged, scaled.Values.Length, ScaledResidual, options.Tolerance * scaled.Values[0]);
        _recycled = new Lazy<RecycledSubspace?>(Recycle);
    }

    private readonly Lazy<RecycledSubspace?> _recycled;

    /// <summary>m.</summary>
    public int RowCount => Normalized.RowCount;

    /// <summary>n.</summary>
    public int ColumnCount => Normalized.ColumnCount;

    /// <summary>The number k of triplets.</summary>
    public int Count => SingularValues.Count;

    /// <summary><c>s₁ ≥ … ≥ s_k</c>.</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <summary><c>u₁ … u_k</c> as the columns of an m × k matrix.</summary>
    public Matrix<double> LeftVectors { get; }

    /// <summary><c>v₁ … v_k</c> as the columns of an n × k matrix.</summary>
    public Matrix<double> RightVectors { get; }

    /// <summary><c>‖A v_i − s_i u_i‖₂</c>, measured after convergence.</summary>
    public IReadOnlyList<double> LeftResiduals { get; }

    /// <summary><c>‖Aᵀ u_i − s_i v_i‖₂</c>, measured after convergence.</summary>
    public IReadOnlyList<double> RightResiduals { get; }

    /// <summary>The number of leading triplets converged to <see cref="KrylovOptions.Tolerance"/>: all of them from <see cref="Compute"/>; from
    /// <see cref="ComputeThrough"/> all but the last, which is computed only to bound the gap below the others.</summary>
    /// <remarks>These are deflated exactly in the shifted solves, and so is the triplet below them when it happens to reach the tolerance too
    /// (<see cref="DeflatedCount"/>); otherwise it stays in the complement, where the solve handles it.</remarks>
    public int ConvergedCount { get; }

    /// <summary>The number of leading triplets the shifted solves deflate exactly: <see cref="ConvergedCount"/>, plus one when the triplet computed
    /// below them for the gap happens to satisfy the tolerance as well, <c>max(‖A v − θ u‖, ‖Aᵀ u − θ v‖) ≤ Tolerance · s₁</c> (measured).</summary>
    /// <remarks>Deflating that triplet costs no product and removes <c>s_{K+1}</c> from the complement, where it is the eigenvalue closest to the
    /// shift; the complement bound (<see cref="ScaledComplementBound"/>, <c>θ_{K+1} + ρ_{K+1}</c>) still holds, since what remains lies below
    /// <c>s_{K+1}</c>, and its residual joins those of the deflation term of the error estimate (<see cref="LargestDeflatedResidual"/>). Cost O(1).</remarks>
    internal int DeflatedCount { get; }

    /// <summary>A lower bound on the distance from <c>s_index</c> to the other singular values: <c>min(s_{k−1} − s_k, s_k − s_{k+1})</c> ≥
    /// <c>min(θ_{k−1} − θ_k − ρ_k, θ_k − θ_{k+1} − ρ_{k+1})</c> (<c>s_k</c> itself when k = min(m, n)).</summary>
    /// <remarks>
    /// <para>θ_i are the computed values and <c>ρ_i = max(‖A v_i − θ_i u_i‖, ‖Aᵀ u_i − θ_i v_i‖)</c> their residuals. A Ritz value is at most
    /// the singular value of its rank, <c>θ_i ≤ s_i</c> (Cauchy interlacing: the θ are the singular values of <c>Uᵀ A V</c> with U, V
    /// orthonormal), and the residual of the unit eigenvector <c>(u_i; v_i)/√2</c> of <c>H(A)</c> puts a singular value within
    /// <c>ρ_i</c> of θ_i (Parlett, The Symmetric Eigenvalue Problem, Thm. 4.5.1), which is <c>s_i</c> when the iteration has missed no
    /// singular value above it (the assumption of every Krylov eigensolver). So <c>θ_i ≤ s_i ≤ θ_i + ρ_i</c> and the gaps are bounded
    /// below as stated. The triplet below the last converged one needs only a residual of <see cref="GolubKahanLanczos.GapResidualFraction"/>
    /// times its distance from it for this bound to be within that fraction of the true gap.</para>
    /// <para>Cost O(1). The bound is 0 (never negative) when the values are too close to be told apart.</para>
    /// </remarks>
    /// <param name="index">1-based k, at most <see cref="ConvergedCount"/>.</param>
    public double GapBound(int index)
    {
        Validation.MatrixGuard.RequireIndex(index, ConvergedCount, "singular value");
        return Math.ScaleB(ScaledGapBound(index - 1), Exponent);
    }

    /// <summary>Restart cycles used.</summary>
    public int Restarts => Scaled.Restarts;

    /// <summary>Products with A or Aᵀ used.</summary>
    public int ProductCount => Scaled.Products;

    /// <summary>The options the triplets were computed with.</summary>
    public KrylovOptions Options { get; }

    /// <summary>Two singular values closer than this count as one cluster: <c>Tolerance · s₁</c>.</summary>
    public double ClusterTolerance => Options.Tolerance * SingularValues[0];

    /// <summary>The operator <c>2^−e A</c> the iterations ran on.</summary>
    internal ILinearOperator Normalized { get; }

    /// <summary>e: A = 2^e · <see cref="Normalized"/>.</summary>
    internal int Exponent { get; }

    /// <summary>The triplets of <see cref="Normalized"/>.</summary>
    internal GolubKahanLanczos.Triplets Scaled { get; }

    /// <summary>The subspace that deflates the CG of the folded shifted solves (<see cref="FoldedEmbeddingSolver"/>), built on first use and shared by
    /// every solve from these triplets; null when <see cref="KrylovOptions.RecycledVectors"/> is 0 or nothing is left to recycle.</summary>
    /// <remarks>Candidates, on the shorter side: the computed triplets that are not deflated exactly (the one computed for the gap, when it did
    /// not converge) and the spare Ritz vectors of the final basis (<see cref="GolubKahanLanczos.Triplets.Spare"/>), at most
    /// <see cref="KrylovOptions.RecycledVectors"/> in all, orthonormalised against the first <see cref="DeflatedCount"/> triplets. Cost:
    /// r block products with A and with Aᵀ, once (<see cref="RecycledSubspace.Build"/>).</remarks>
    internal RecycledSubspace? Recycled => _recycled.Value;

    private RecycledSubspace? Recycle()
    {
        var shortSide = FoldedEmbeddingSolver.FoldsOnRight(Normalized) ? Scaled.Right : Scaled.Left;
        var candidates = shortSide[DeflatedCount..].Concat(Scaled.Spare).Take(Options.RecycledVectorsFor(int.MaxValue, Normalized)).ToArray();
        return RecycledSubspace.Build(candidates, shortSide[..DeflatedCount], (x, y, r) => FoldedEmbeddingSolver.FoldedBlock(Normalized, x, y, r));
    }

    /// <summary>The residual <c>ρ_i = max(‖A' v_i − θ_i u_i‖, ‖A'ᵀ u_i − θ_i v_i‖)</c> of triplet i (0-based) of <see cref="Normalized"/>.</summary>
    internal double ScaledResidual(int i) => Math.Max(Scaled.LeftResiduals[i], Scaled.RightResiduals[i]);

    /// <summary>The largest residual among the triplets the solves deflate (<see cref="DeflatedCount"/>), of <see cref="Normalized"/>.</summary>
    internal double LargestDeflatedResidual => Enumerable.Range(0, DeflatedCount).Max(ScaledResidual);

    /// <summary>An upper bound on the largest singular value of <see cref="Normalized"/> outside the converged triplets: <c>θ_K + ρ_K</c> for the
    /// first triplet K beyond them, or the last converged value when none was computed beyond (0 when all min(m, n) are known).</summary>
    /// <remarks>It bounds the singular values outside the deflated triplets (<see cref="DeflatedCount"/>) too: those are a subset.</remarks>
    internal double ScaledComplementBound
    {
        get
        {
            var all = ConvergedCount == Math.Min(RowCount, ColumnCount);
            return all ? 0 : RitzBounds.Beyond(Scaled.Values, ScaledResidual, ConvergedCount);     // s_{K+1} ≤ θ_{K+1} + ρ_{K+1}, or ≤ s_K ≤ θ_K + ρ_K
        }
    }

    /// <summary>The gap bound of <see cref="GapBound"/> for triplet k (0-based) of <see cref="Normalized"/>.</summary>
    internal double ScaledGapBound(int k) => Math.Max(0, Math.Min(ScaledGapAbove(k), k + 1 < Count ? ScaledGapBelow(k) : Scaled.Values[k]));

    /// <summary>A lower bound on the distance d from <c>s_first … s_last</c> (0-based, of <see cref="Normalized"/>) to the rest of the spectrum of
    /// <c>H(A')</c>: the other <c>±s_i</c>, the members' own partners <c>−s_c</c> and, for m ≠ n, the zero eigenvalue.</summary>
    /// <remarks>With <c>θ_i ≤ s_i ≤ θ_i + ρ_i</c> (<see cref="GapBound"/>): above, <c>s_{first−1} − s_first ≥ θ_{first−1} − (θ_first + ρ_first)</c>;
    /// below, <c>s_last − s_{last+1} ≥ θ_last − (θ_{last+1} + ρ_{last+1})</c>; every <c>−s_i</c> and 0 lie at least <c>s_last ≥ θ_last</c> below the
    /// members (<c>2 θ_last</c> from <c>−s_last</c>). When the cluster ends the spectrum, the nearest other eigenvalue of H is 0 (m ≠ n, distance
    /// ≥ θ_last) or <c>−s_last</c> (m = n, distance ≥ 2 θ_last). Never negative; 0 when the values cannot be told apart.</remarks>
    internal double ScaledClusterGapBound(int first, int last)
    {
        var s = Scaled.Values;
        var below = last + 1 < s.Length ? ScaledGapBelow(last) : (RowCount == ColumnCount ? 2 * s[last] : s[last]);
        return Math.Max(0, Math.Min(ScaledGapAbove(first), Math.Min(below, 2 * s[last])));
    }

    /// <summary><c>s_{k−1} − s_k ≥ θ_{k−1} − (θ_k + ρ_k)</c> for triplet k (0-based) of <see cref="Normalized"/>; infinite for k = 0.</summary>
    internal double ScaledGapAbove(int k) => RitzBounds.Above(Scaled.Values, ScaledResidual, k);

    /// <summary><c>s_k − s_{k+1} ≥ θ_k − (θ_{k+1} + ρ_{k+1})</c> for triplet k (0-based, not the last computed) of <see cref="Normalized"/>.</summary>
    internal double ScaledGapBelow(int k) => RitzBounds.Below(Scaled.Values, ScaledResidual, k);

    /// <summary>Computes the <paramref name="count"/> largest singular triplets of <paramref name="a"/>.</summary>
    /// <param name="a">A, m × n.</param>
    /// <param name="count">k, 1 ≤ k ≤ min(m, n).</param>
    /// <param name="options">Tolerances and budgets; null for <see cref="KrylovOptions.Default"/>.</param>
    /// <returns>The triplets and their residuals.</returns>
    /// <exception cref="SpectralIndexOutOfRangeException">k is outside 1..min(m, n).</exception>
    /// <exception cref="KrylovConvergenceException">The iteration did not converge within the restart budget.</exception>
    public static PartialSingularValueDecomposition Compute(ILinearOperator a, int count, KrylovOptions? options = null) => ComputeConverging(a, count, count, options);

    /// <summary>The <paramref name="count"/> largest triplets, the first <paramref name="converged"/> to the tolerance, the rest only for the gap below them.</summary>
    private static PartialSingularValueDecomposition ComputeConverging(ILinearOperator a, int count, int converged, KrylovOptions? options)
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= KrylovOptions.Default;
        options.Validate();
        var limit = Math.Min(a.RowCount, a.ColumnCount);
        if (count < 1 || count > limit)
        {
            throw new SpectralIndexOutOfRangeException(count, limit, "singular value");
        }

        var exponent = OperatorScaling.ExponentOf(a);
        var normalized = OperatorScaling.Normalized(a, exponent);
        return new PartialSingularValueDecomposition(normalized, exponent, LargestTriplets(normalized, count, converged, options), converged, options);
    }

    /// <summary>The <paramref name="count"/> largest triplets of the normalised operator: by Lanczos on <c>A Aᵀ</c> with the one-pass product when it
    /// applies (<see cref="OuterGramLanczos.Applies"/>: a dense A with m ≤ n) and accepts its result, else by the bidiagonalisation.</summary>
    /// <remarks>A rejected Lanczos run on <c>A Aᵀ</c> (a wanted value too small to resolve through the squared values, or a measured residual
    /// outside the tolerance) is followed by <see cref="GolubKahanLanczos.Run"/>; its products are added to the count of the triplets returned.
    /// Cost: that of the run used, plus the rejected one's.</remarks>
    /// <param name="normalized">A (normalised).</param>
    /// <param name="count">The number of triplets.</param>
    /// <param name="converged">How many of them converge to the tolerance (the rest only for the gap below them).</param>
    /// <param name="options">Tolerance, basis size and restart budget.</param>
    /// <param name="earlyStopMargin">Within a cycle, stop when the residuals are below this fraction of the tolerance.</param>
    internal static GolubKahanLanczos.Triplets LargestTriplets(ILinearOperator normalized, int count, int converged, KrylovOptions options,
        double earlyStopMargin = GolubKahanLanczos.EarlyStopMargin)
    {
        var spent = 0;
        if (OuterGramLanczos.Applies(normalized))
        {
            var (triplets, products) = OuterGramLanczos.TryRun((IOuterGramOperator)normalized, count, converged, options, earlyStopMargin);
            if (triplets is not null)
            {
                return triplets;
            }

            spent = products;
        }

        var bidiagonal = GolubKahanLanczos.Run(normalized, count, converged, options, earlyStopMargin);
        return bidiagonal with { Products = bidiagonal.Products + spent };
    }

    /// <summary>Computes enough triplets to hold <paramref name="index"/> and the next value below it outside its cluster (growing k until a gap appears), so the derivatives of <c>s_index</c> can be taken.</summary>
    /// <remarks>k starts at index + 1 and grows by max(2, k/2) while the chain of values within <see cref="ClusterTolerance"/> of
    /// <c>s_index</c> reaches the last computed one (Baglama and Reichel 2005 for each run). The last triplet, below <c>s_index</c>, is
    /// converged only until its residual is an eighth of its distance below the others (<see cref="GapBound"/>): the derivatives need
    /// a rigorous lower bound on the gap there, not the triplet itself, which stays in the complement of the shifted solves.
    /// Cost: that of <see cref="Compute"/> per run, less the iterations that converging the last triplet fully would take.</remarks>
    /// <param name="a">A, m × n.</param>
    /// <param name="index">1-based k of the value whose derivatives are wanted.</param>
    /// <param name="options">Tolerances and budgets; null for <see cref="KrylovOptions.Default"/>.</param>
    /// <returns>The triplets.</returns>
    public static PartialSingularValueDecomposition ComputeThrough(ILinearOperator a, int index, KrylovOptions? options = null) => Grow(a, index, options, null, agreeing: 1, gapOnly: 1);

    /// <summary>Completes the cluster that holds <paramref name="index"/>: grows k until the cluster ends above the last computed value
    /// and two successive computations with different k agree on its members.</summary>
    /// <remarks>Lanczos from one start vector finds the copies of an exactly repeated value only through rounding, and may return
    /// fewer copies when k is close to the multiplicity; a missed copy left in the complement would make the shifted solves
    /// singular. Asking again with more values and a larger basis brings the missed copies in; agreement of two runs is the test.
    /// Cost: at least two runs of <see cref="Compute"/>.</remarks>
    /// <param name="a">A, m × n.</param>
    /// <param name="index">1-based k, any member of the cluster.</param>
    /// <param name="options">Tolerances and budgets; null for <see cref="KrylovOptions.Default"/>.</param>
    /// <param name="clusterTolerance">Neighbours closer than this times <c>s₁</c> join the cluster; null for <see cref="KrylovOptions.Tolerance"/>.</param>
    /// <returns>The triplets, holding the whole cluster and at least one value below it (or all min(m, n)).</returns>
    public static PartialSingularValueDecomposition ComputeCluster(ILinearOperator a, int index, KrylovOptions? options = null, double? clusterTolerance = null) =>
        Grow(a, index, options, clusterTolerance, agreeing: 2, gapOnly: 0);

    /// <summary><see cref="KrylovGrowth.Grow"/> on the largest triplets of A, the chain of <c>s_index</c> at the cluster tolerance deciding.</summary>
    private static PartialSingularValueDecomposition Grow(ILinearOperator a, int index, KrylovOptions? options, double? clusterTolerance, int agreeing, int gapOnly) =>
        KrylovGrowth.Grow(Math.Min(a.RowCount, a.ColumnCount), index, agreeing, gapOnly, (count, converged) => ComputeConverging(a, count, converged, options),
            svd => Decomposition.SpectralCluster.Chain(svd.SingularValues, index,
                Decomposition.SpectralCluster.AbsoluteTolerance(clusterTolerance, svd.SingularValues[0], svd.ClusterTolerance)));

    private double Unscale(double x) => Math.ScaleB(x, Exponent);

    /// <summary>One line: shape, the computed singular values and each triplet's larger residual, in the invariant culture.</summary>
    /// <returns>E.g. <c>PartialSingularValueDecomposition { Rows = 3000, Columns = 2000, Count = 4, Converged = 3, SingularValues = [...], Residuals = [...] }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(PartialSingularValueDecomposition),
        $"Rows = {RowCount}",
        $"Columns = {ColumnCount}",
        $"Count = {Count}",
        $"Converged = {ConvergedCount}",
        $"SingularValues = {Results.ResultText.List(SingularValues)}",
        $"Residuals = {Results.ResultText.List(LeftResiduals.Zip(RightResiduals, Math.Max).ToArray())}");
}
