using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>The k most extreme eigenpairs (largest or smallest algebraic) of a symmetric operator, with their residuals.</summary>
/// <remarks>
/// <para>Computed by <see cref="Compute"/> with thick-restart Lanczos and full reorthogonalisation (Wu and Simon,
/// SIAM J. Matrix Anal. Appl. 22 (2000)). Index 1 is the most extreme eigenvalue of the chosen end. Every pair satisfies
/// <c>‖T q_i − μ_i q_i‖ ≤ tol · max|μ|</c> up to rounding; the measured residuals are reported.</para>
/// <para>The operator must be symmetric; <see cref="Compute"/> checks <c>yᵀ(T x) = xᵀ(T y)</c> for two fixed vectors
/// and refuses an operator that fails it. Cost: about <c>(p − k)/2</c> products per restart plus O(n p²); memory
/// <c>8 n p</c> bytes.</para>
/// </remarks>
public sealed class PartialSymmetricEigendecomposition
{
    private PartialSymmetricEigendecomposition(ILinearOperator normalized, int exponent, SpectrumEnd end, ThickRestartLanczos.Pairs scaled, KrylovOptions options)
    {
        Normalized = normalized;
        Exponent = exponent;
        End = end;
        Scaled = scaled;
        Options = options;
        Eigenvalues = scaled.Values.Select(x => Math.ScaleB(x, exponent)).ToArray();
        Residuals = scaled.Residuals.Select(x => Math.ScaleB(x, exponent)).ToArray();
        Eigenvectors = Matrix<double>.Build.DenseOfColumnArrays(scaled.Vectors);
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

    /// <summary>Computes the <paramref name="count"/> most extreme eigenpairs of the symmetric <paramref name="t"/> at <paramref name="end"/>.</summary>
    /// <param name="t">T, n × n, symmetric.</param>
    /// <param name="count">k, 1 ≤ k ≤ n.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="options">Tolerances and budgets; null for the defaults.</param>
    /// <exception cref="InvalidSpectralInputException">T fails the symmetry check.</exception>
    /// <exception cref="KrylovConvergenceException">The iteration did not converge within the restart budget.</exception>
    public static PartialSymmetricEigendecomposition Compute(ILinearOperator t, int count, SpectrumEnd end, KrylovOptions? options = null)
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
        return new PartialSymmetricEigendecomposition(normalized, exponent, end, ThickRestartLanczos.Run(normalized, count, end, options), options);
    }

    /// <summary>Enough pairs to hold <paramref name="index"/> and the next value beyond it outside its cluster.</summary>
    /// <remarks>The count starts at index + 1 and grows by max(2, count/2) while the chain of values within <see cref="ClusterTolerance"/>
    /// of <c>μ_index</c> reaches the last computed one. Cost: that of <see cref="Compute"/> per run.</remarks>
    /// <param name="t">T, n × n symmetric.</param>
    /// <param name="index">1-based k from the chosen end.</param>
    /// <param name="end">Largest or smallest algebraic.</param>
    /// <param name="options">Tolerances and budgets; null for <see cref="KrylovOptions.Default"/>.</param>
    /// <returns>The pairs.</returns>
    public static PartialSymmetricEigendecomposition ComputeThrough(ILinearOperator t, int index, SpectrumEnd end, KrylovOptions? options = null) =>
        Grow(t, index, end, options, null, agreeing: 1);

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
        Grow(t, index, end, options, clusterTolerance, agreeing: 2);

    private static PartialSymmetricEigendecomposition Grow(ILinearOperator t, int index, SpectrumEnd end, KrylovOptions? options, double? clusterTolerance, int agreeing)
    {
        var count = Math.Min(t.RowCount, index + 1);
        (int First, int Count)? previous = null;
        var agreed = 0;
        while (true)
        {
            var eig = Compute(t, count, end, options);
            var tolerance = Decomposition.SpectralCluster.AbsoluteTolerance(clusterTolerance, eig.Eigenvalues.Max(Math.Abs), eig.ClusterTolerance);
            var chain = Decomposition.SpectralCluster.Chain(eig.Eigenvalues, index, tolerance);
            var open = count < t.RowCount && chain.First + chain.Count - 1 == count;                   // the cluster of μ_index reaches the last value
            agreed = open ? 0 : chain == previous ? agreed + 1 : 1;
            if (count == t.RowCount || agreed >= agreeing)
            {
                return eig;
            }

            previous = chain;
            count = Math.Min(t.RowCount, count + Math.Max(2, count / 2));
        }
    }
}
