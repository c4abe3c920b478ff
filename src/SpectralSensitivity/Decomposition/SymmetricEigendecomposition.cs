using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Decomposition;

/// <summary>The eigendecomposition <c>T = Q diag(μ) Qᵀ</c> of a real symmetric n × n matrix, eigenvalues ascending.</summary>
/// <remarks>
/// <para>Index k is 1-based with <c>μ₁ ≤ … ≤ μ_n</c> (the order of LAPACK's <c>dsyev</c>, NumPy's <c>eigh</c>).
/// Computed on <see cref="Backends.DecompositionBackends.Current"/>: LAPACK's <c>dsyevd</c> when the MKL/OpenBLAS provider is
/// selected, else MathNet.Numerics (<c>Evd(Symmetricity.Symmetric)</c>), through the pipeline shared with
/// <see cref="ThinSingularValueDecomposition"/> (check, scale by a power of two, factor, refine, unscale).</para>
/// <para>Cost: O(n³) flops, O(n²) memory. <see cref="Eigenvalues"/> and <see cref="Eigenvectors"/> return copies.</para>
/// </remarks>
public sealed class SymmetricEigendecomposition
{
    /// <summary>Relative asymmetry <c>|T_ij − T_ji| / ‖T‖_∞</c> above which the input is rejected.</summary>
    public const double SymmetryTolerance = 1e-12;

    private readonly SpectralFactors _factors;

    private SymmetricEigendecomposition(SpectralFactors factors, SpectralTolerances? tolerances)
    {
        _factors = factors;
        tolerances ??= SpectralTolerances.Default;
        var scale = 0.0;
        foreach (var mu in factors.Values)
        {
            scale = Math.Max(scale, Math.Abs(mu));
        }

        ClusterTolerance = tolerances.ClusterTolerance ?? SpectralTolerances.DefaultThreshold(Size, Size, scale);
    }

    /// <summary>The dimension n.</summary>
    public int Size => _factors.Values.Length;

    /// <summary>Eigenvalues <c>μ₁ ≤ … ≤ μ_n</c> (<c>Eigenvalues[k-1] = μ_k</c>); a copy, O(n).</summary>
    public Vector<double> Eigenvalues => Vector<double>.Build.Dense(_factors.Values.ToArray());

    /// <summary>Orthonormal eigenvectors <c>Q</c>, column k−1 belongs to <c>μ_k</c>; a copy, O(n²): hold on to it rather than reading it in a loop.</summary>
    public Matrix<double> Eigenvectors => Vectors.Clone();

    /// <summary>Distance at or below which two eigenvalues count as repeated.</summary>
    public double ClusterTolerance { get; }

    /// <summary>Q itself (shared storage: never modify).</summary>
    internal Matrix<double> Vectors => _factors.First;

    /// <summary>The eigenvalues of <c>2^−e T</c> and e, as the pipeline kept them (<see cref="SpectralFactors"/>).</summary>
    internal SpectralFactors Factors => _factors;

    /// <summary>Computes the eigendecomposition of the symmetric matrix <paramref name="t"/> in double precision.</summary>
    /// <param name="t">A finite, square, symmetric matrix (to <see cref="SymmetryTolerance"/>).</param>
    /// <param name="tolerances">The cluster tolerance; null for the default (<see cref="SpectralTolerances"/>).</param>
    /// <exception cref="InvalidSpectralInputException">Empty, non-finite, non-square or non-symmetric input.</exception>
    public static SymmetricEigendecomposition Compute(Matrix<double> t, SpectralTolerances? tolerances = null) =>
        Compute(t, DecompositionRefinement.None, tolerances);

    /// <summary>Computes the eigendecomposition of the symmetric matrix <paramref name="t"/>, refined to the exact eigenpairs
    /// rounded to double if asked.</summary>
    /// <remarks>
    /// <see cref="DecompositionRefinement.ExtendedPrecision"/> runs cyclic Jacobi sweeps in double-double arithmetic on
    /// <c>Q₀ᵀ ((T + Tᵀ)/2) Q₀</c> after the double eigendecomposition <c>(μ₀, Q₀)</c> (Jacobi's method in extended precision; Demmel, Veselić 1992). Cost O(n³)
    /// double-double operations per sweep, two sweeps.
    /// </remarks>
    /// <param name="t">A finite, square, symmetric matrix (to <see cref="SymmetryTolerance"/>).</param>
    /// <param name="refinement">Whether to refine the double-precision eigenpairs.</param>
    /// <param name="tolerances">The cluster tolerance; null for the default (<see cref="SpectralTolerances"/>).</param>
    /// <exception cref="InvalidSpectralInputException">Empty, non-finite, non-square or non-symmetric input, or an undefined refinement value.</exception>
    /// <exception cref="DecompositionFailedException">The backend's eigensolver did not converge.</exception>
    public static SymmetricEigendecomposition Compute(Matrix<double> t, DecompositionRefinement refinement, SpectralTolerances? tolerances = null) =>
        new(DecompositionPipeline.Run(t, SymmetricEigenFactorization.Instance, refinement, tolerances), tolerances);

    /// <summary>Returns <c>μ_k</c> for a 1-based index k (ascending order).</summary>
    public double Eigenvalue(int index)
    {
        MatrixGuard.RequireIndex(index, Size, "eigenvalue");
        return _factors.Values[index - 1];
    }

    /// <summary>Distance <c>d = min_{i ≠ k} |μ_k − μ_i|</c> to the rest of the spectrum (+∞ for n = 1).</summary>
    public double Gap(int index)
    {
        var mu = Eigenvalue(index);
        var d = double.PositiveInfinity;
        // Ascending values: the nearest other one is a neighbour (rounding of a − b is monotone in a), O(1).
        if (index > 1)
        {
            d = Math.Min(d, mu - _factors.Values[index - 2]);
        }

        if (index < Size)
        {
            d = Math.Min(d, _factors.Values[index] - mu);
        }

        return d;
    }

    /// <summary>One line: size and the eigenvalues (six significant digits, invariant culture, more than eight shortened).</summary>
    /// <returns>E.g. <c>SymmetricEigendecomposition { Size = 5, Eigenvalues = [...] }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(SymmetricEigendecomposition),
        $"Size = {Size}",
        $"Eigenvalues = {Results.ResultText.List(Eigenvalues.ToArray())}");

    /// <summary>The cluster that holds <c>μ_k</c>: the chain of eigenvalues around it whose neighbours differ by at most the tolerance.</summary>
    /// <remarks>The tolerance is <c>relativeTolerance · max|μ|</c>; without one, <see cref="ClusterTolerance"/>. The gap is the
    /// distance from the members to the other eigenvalues (+∞ when there are none). Cost O(n).</remarks>
    /// <param name="index">1-based k (ascending order).</param>
    /// <param name="relativeTolerance">Neighbours closer than this times <c>max|μ|</c> join; null for the default.</param>
    public SpectralCluster Cluster(int index, double? relativeTolerance = null)
    {
        _ = Eigenvalue(index);
        var values = Factors.Values.ToArray();
        var tolerance = SpectralCluster.AbsoluteTolerance(relativeTolerance, values.Max(Math.Abs), ClusterTolerance);
        var (first, count) = SpectralCluster.Chain(values, index, tolerance);
        var gap = double.PositiveInfinity;
        for (var i = 0; i < Size; i++)
        {
            if (i < first - 1 || i >= first - 1 + count)
            {
                gap = Math.Min(gap, Math.Min(Math.Abs(values[i] - values[first - 1]), Math.Abs(values[i] - values[first + count - 2])));
            }
        }

        return new SpectralCluster(first, count, values[(first - 1)..(first - 1 + count)], gap, false, tolerance);
    }

    /// <summary>Throws <see cref="DegenerateSpectrumException"/> unless <c>μ_k</c> is simple within tolerance.</summary>
    public void RequireIsolated(int index)
    {
        _ = Eigenvalue(index);
        SpectrumIsolation.RequireSimple(_factors.ClassificationValues, index, ClusterTolerance, "eigenvalue"); // extended-precision values at a near tie
    }
}
