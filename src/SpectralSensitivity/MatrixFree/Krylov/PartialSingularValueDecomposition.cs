using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The k largest singular triplets <c>(s_i, u_i, v_i)</c> of an operator, with their residuals.</summary>
/// <remarks>
/// <para>Computed by <see cref="Compute"/> with Golub–Kahan–Lanczos bidiagonalisation, thick (Ritz-augmented)
/// restarts and full reorthogonalisation (Baglama and Reichel, SIAM J. Sci. Comput. 27 (2005)). Every triplet satisfies <c>‖A v_i − s_i u_i‖ ≤ tol · s₁</c> and
/// <c>‖Aᵀ u_i − s_i v_i‖ ≤ tol · s₁</c> up to rounding; the measured residuals are reported.</para>
/// <para>Cost: about <c>(p − k) / 2</c> products with A and Aᵀ per restart cycle plus O((m + n) p²); memory
/// <c>8 (m + n) p</c> bytes with p the basis size (<see cref="KrylovOptions.BasisSize"/>), independent of nnz.</para>
/// </remarks>
public sealed class PartialSingularValueDecomposition
{
    private PartialSingularValueDecomposition(ILinearOperator normalized, int exponent, GolubKahanLanczos.Triplets scaled, KrylovOptions options)
    {
        Normalized = normalized;
        Exponent = exponent;
        Scaled = scaled;
        Options = options;
        SingularValues = scaled.Values.Select(Unscale).ToArray();
        LeftResiduals = scaled.LeftResiduals.Select(Unscale).ToArray();
        RightResiduals = scaled.RightResiduals.Select(Unscale).ToArray();
        LeftVectors = Matrix<double>.Build.DenseOfColumnArrays(scaled.Left);
        RightVectors = Matrix<double>.Build.DenseOfColumnArrays(scaled.Right);
    }

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

    /// <summary>Computes the <paramref name="count"/> largest singular triplets of <paramref name="a"/>.</summary>
    /// <param name="a">A, m × n.</param>
    /// <param name="count">k, 1 ≤ k ≤ min(m, n).</param>
    /// <param name="options">Tolerances and budgets; null for <see cref="KrylovOptions.Default"/>.</param>
    /// <returns>The triplets and their residuals.</returns>
    /// <exception cref="SpectralIndexOutOfRangeException">k is outside 1..min(m, n).</exception>
    /// <exception cref="KrylovConvergenceException">The iteration did not converge within the restart budget.</exception>
    public static PartialSingularValueDecomposition Compute(ILinearOperator a, int count, KrylovOptions? options = null)
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
        return new PartialSingularValueDecomposition(normalized, exponent, GolubKahanLanczos.Run(normalized, count, options), options);
    }

    /// <summary>Computes enough triplets to hold <paramref name="index"/> and the next value below it outside its cluster (growing k until a gap appears), so the derivatives of <c>s_index</c> can be taken.</summary>
    /// <remarks>k starts at index + 1 and grows by max(2, k/2) while the chain of values within <see cref="ClusterTolerance"/> of
    /// <c>s_index</c> reaches the last computed one (Baglama and Reichel 2005 for each run). Cost: that of <see cref="Compute"/> per run.</remarks>
    /// <param name="a">A, m × n.</param>
    /// <param name="index">1-based k of the value whose derivatives are wanted.</param>
    /// <param name="options">Tolerances and budgets; null for <see cref="KrylovOptions.Default"/>.</param>
    /// <returns>The triplets.</returns>
    public static PartialSingularValueDecomposition ComputeThrough(ILinearOperator a, int index, KrylovOptions? options = null) => Grow(a, index, options, null, agreeing: 1);

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
        Grow(a, index, options, clusterTolerance, agreeing: 2);

    private static PartialSingularValueDecomposition Grow(ILinearOperator a, int index, KrylovOptions? options, double? clusterTolerance, int agreeing)
    {
        var limit = Math.Min(a.RowCount, a.ColumnCount);
        var count = Math.Min(limit, index + 1);
        (int First, int Count)? previous = null;
        var agreed = 0;
        while (true)
        {
            var svd = Compute(a, count, options);
            var tolerance = Decomposition.SpectralCluster.AbsoluteTolerance(clusterTolerance, svd.SingularValues[0], svd.ClusterTolerance);
            var chain = Decomposition.SpectralCluster.Chain(svd.SingularValues, index, tolerance);
            var open = count < limit && chain.First + chain.Count - 1 == count;                         // the cluster of s_index reaches the last value
            agreed = open ? 0 : chain == previous ? agreed + 1 : 1;
            if (count == limit || agreed >= agreeing)
            {
                return svd;
            }

            previous = chain;
            count = Math.Min(limit, count + Math.Max(2, count / 2));
        }
    }

    private double Unscale(double x) => Math.ScaleB(x, Exponent);
}
