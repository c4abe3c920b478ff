using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Decomposition;

/// <summary>The thin SVD <c>A = U diag(s) Vᵀ</c> of a real m × n matrix: <c>U</c> is m × r, <c>V</c> is n × r, r = min(m, n), <c>s</c> descending.</summary>
/// <remarks>
/// <para>Computed once; every derivative after it costs a few matrix–vector products with <c>U</c>, <c>V</c> and
/// the direction. The factorization runs on <see cref="Backends.DecompositionBackends.Current"/>: the native thin SVD
/// (<c>dgesdd</c>, <c>jobz = 'S'</c>) when the MKL/OpenBLAS provider is selected, else MathNet.Numerics (thin QR, square
/// SVD of the n × n factor, one product). Full m × m factors are never formed; a wide matrix is factored through <c>Aᵀ</c>.</para>
/// <para>Pipeline (shared with <see cref="SymmetricEigendecomposition"/>): check, scale by the power of two that puts the
/// largest entry in [1, 2) (exact, so A and <c>2^p A</c> factor the same array), factor, refine if asked, unscale. Cost: O(m n r) flops, O((m + n) r) memory.</para>
/// <para>The factors returned by <see cref="LeftVectors"/>, <see cref="RightVectors"/> and <see cref="SingularValues"/> are
/// copies: the decomposition cannot be changed after it is computed.</para>
/// <para>Singular values at or below <see cref="ZeroTolerance"/> count as zero; <see cref="Rank"/> counts the others.</para>
/// </remarks>
public sealed class ThinSingularValueDecomposition
{
    private readonly SpectralFactors _factors;

    private ThinSingularValueDecomposition(SpectralFactors factors, SpectralTolerances? tolerances)
    {
        _factors = factors;
        tolerances ??= SpectralTolerances.Default;
        var values = factors.Values;
        var scale = values.Length > 0 ? values[0] : 0.0;
        ZeroTolerance = tolerances.ZeroTolerance ?? SpectralTolerances.DefaultThreshold(RowCount, ColumnCount, scale);
        ClusterTolerance = tolerances.ClusterTolerance ?? SpectralTolerances.DefaultThreshold(RowCount, ColumnCount, scale);
        var rank = 0;
        foreach (var s in factors.ClassificationValues)
        {
            rank += s > ZeroTolerance ? 1 : 0;
        }

        Rank = rank;
    }

    /// <summary>Number of rows m of A.</summary>
    public int RowCount => LeftFactor.RowCount;

    /// <summary>Number of columns n of A.</summary>
    public int ColumnCount => RightFactor.RowCount;

    /// <summary>r = min(m, n), the number of singular values.</summary>
    public int Size => _factors.Values.Length;

    /// <summary>Singular values <c>s₁ ≥ … ≥ s_r ≥ 0</c> (0-based storage: <c>SingularValues[k-1] = s_k</c>); a copy, O(r).</summary>
    public Vector<double> SingularValues => Vector<double>.Build.Dense(_factors.Values.ToArray());

    /// <summary>Left singular vectors <c>U</c>, m × r, orthonormal columns; a copy, O(m r): hold on to it rather than reading it in a loop.</summary>
    public Matrix<double> LeftVectors => LeftFactor.Clone();

    /// <summary>Right singular vectors <c>V</c>, n × r, orthonormal columns; a copy, O(n r): hold on to it rather than reading it in a loop.</summary>
    public Matrix<double> RightVectors => RightFactor.Clone();

    /// <summary>Numerical rank: the number of singular values above <see cref="ZeroTolerance"/>.</summary>
    public int Rank { get; }

    /// <summary>Threshold at or below which a singular value counts as zero.</summary>
    public double ZeroTolerance { get; }

    /// <summary>Distance at or below which two singular values count as repeated.</summary>
    public double ClusterTolerance { get; }

    /// <summary>U itself (shared storage: never modify).</summary>
    internal Matrix<double> LeftFactor => _factors.First;

    /// <summary>V itself (shared storage: never modify).</summary>
    internal Matrix<double> RightFactor => _factors.Second!;

    /// <summary>Everything the pipeline kept: the singular values of <c>2^−e A</c> (<see cref="SpectralFactors.ScaledValues"/>,
    /// numbers of size about one whatever the scale of A) and e (<see cref="SpectralFactors.ScaleExponent"/>), for code that
    /// must not overflow or underflow.</summary>
    internal SpectralFactors Factors => _factors;

    /// <summary>Computes the thin SVD of <paramref name="a"/> in double precision.</summary>
    /// <param name="a">A finite, non-empty real matrix.</param>
    /// <param name="tolerances">Zero and cluster tolerances; null for the defaults (<see cref="SpectralTolerances"/>).</param>
    /// <exception cref="InvalidSpectralInputException">Empty or non-finite input.</exception>
    /// <exception cref="DecompositionFailedException">The backend's SVD did not converge.</exception>
    public static ThinSingularValueDecomposition Compute(Matrix<double> a, SpectralTolerances? tolerances = null) =>
        Compute(a, DecompositionRefinement.None, tolerances);

    /// <summary>Computes the thin SVD of <paramref name="a"/>, refined to the exact factors rounded to double if asked.</summary>
    /// <remarks>
    /// <see cref="DecompositionRefinement.ExtendedPrecision"/> runs one-sided Jacobi sweeps in double-double arithmetic on
    /// <c>A V₀</c> after the double SVD <c>(U₀, s₀, V₀)</c> (Demmel, Veselić 1992 §4). Cost O(m n r) per
    /// sweep in double-double, two sweeps (one that rotates, one that finds nothing left).
    /// </remarks>
    /// <param name="a">A finite, non-empty real matrix.</param>
    /// <param name="refinement">Whether to refine the double-precision factors.</param>
    /// <param name="tolerances">Zero and cluster tolerances; null for the defaults (<see cref="SpectralTolerances"/>).</param>
    /// <exception cref="InvalidSpectralInputException">Empty or non-finite input, or an undefined refinement value.</exception>
    /// <exception cref="DecompositionFailedException">The backend's SVD did not converge.</exception>
    public static ThinSingularValueDecomposition Compute(Matrix<double> a, DecompositionRefinement refinement, SpectralTolerances? tolerances = null) =>
        new(DecompositionPipeline.Run(a, SingularValueFactorization.Instance, refinement, tolerances), tolerances);

    /// <summary>Wraps factors computed elsewhere (e.g. by a high-precision reference), after checking their shapes and order;
    /// the decomposition keeps copies.</summary>
    /// <param name="leftVectors">U, m × r with orthonormal columns.</param>
    /// <param name="singularValues">s, length r = min(m, n), non-negative and descending.</param>
    /// <param name="rightVectors">V, n × r with orthonormal columns.</param>
    /// <param name="tolerances">Zero and cluster tolerances; null for the defaults.</param>
    public static ThinSingularValueDecomposition FromFactors(Matrix<double> leftVectors, Vector<double> singularValues, Matrix<double> rightVectors, SpectralTolerances? tolerances = null)
    {
        MatrixGuard.RequireFinite(leftVectors, "U");
        MatrixGuard.RequireFinite(rightVectors, "V");
        ArgumentNullException.ThrowIfNull(singularValues);
        var r = Math.Min(leftVectors.RowCount, rightVectors.RowCount);
        if (singularValues.Count != r || leftVectors.ColumnCount != r || rightVectors.ColumnCount != r)
        {
            throw new DimensionMismatchException(
                $"thin SVD factors do not fit: U is {leftVectors.RowCount} x {leftVectors.ColumnCount}, s has {singularValues.Count} values, V is {rightVectors.RowCount} x {rightVectors.ColumnCount}; expected r = {r} columns and values");
        }

        for (var i = 0; i < r; i++)
        {
            if (!double.IsFinite(singularValues[i]) || singularValues[i] < 0 || (i > 0 && singularValues[i] > singularValues[i - 1]))
            {
                throw new InvalidSpectralInputException($"singular values must be finite, non-negative and descending; s[{i}] = {singularValues[i]} is not");
            }
        }

        tolerances ??= SpectralTolerances.Default;
        tolerances.Validate();
        var factors = SpectralFactors.FromValues(singularValues.ToArray(), leftVectors.Clone(), rightVectors.Clone());
        return new ThinSingularValueDecomposition(factors, tolerances);
    }

    /// <summary>Returns <c>s_k</c> for a 1-based index k.</summary>
    public double SingularValue(int index)
    {
        MatrixGuard.RequireIndex(index, Size, "singular value");
        return _factors.Values[index - 1];
    }

    /// <summary>Distance <c>d</c> from <c>s_k</c> to the rest of the spectrum of <c>H(A)</c>.</summary>
    /// <remarks>
    /// <c>d = min(|s_k − s_i| (i ≠ k), 2 s_k, and s_k when m ≠ n)</c>: the other eigenvalues of <c>H</c> are
    /// <c>±s_i</c> and, when m ≠ n, zero. <c>‖S‖₂ = 1/d</c> for the reduced resolvent <c>S</c> at <c>s_k</c>. Cost O(1):
    /// the values are sorted, so the nearest other one is a neighbour.
    /// </remarks>
    public double Gap(int index)
    {
        var sk = SingularValue(index);
        var d = 2 * sk;
        if (RowCount != ColumnCount)
        {
            d = Math.Min(d, sk);
        }

        // The values are sorted, so the nearest other one is a neighbour (rounding of a − b is monotone in a): O(1).
        if (index > 1)
        {
            d = Math.Min(d, _factors.Values[index - 2] - sk);
        }

        if (index < Size)
        {
            d = Math.Min(d, sk - _factors.Values[index]);
        }

        return d;
    }

    /// <summary>The cluster that holds <c>s_k</c>: the chain of singular values around it whose neighbours differ by at most
    /// the tolerance, or every zero singular value when <c>s_k</c> is zero.</summary>
    /// <remarks>
    /// The tolerance is <c>relativeTolerance · s₁</c>; without one, <see cref="ClusterTolerance"/> (exact repeats up to
    /// rounding). The gap is <c>min over members c of (|s_c − s_i| for i outside, s_c + s_i for every i, s_c when m ≠ n)</c>:
    /// the distance from the members' eigenvalues <c>+s_c</c> of <c>H(A)</c> to the others. A zero cluster's gap is the
    /// smallest non-zero singular value. Cost O(r).
    /// </remarks>
    /// <param name="index">1-based k.</param>
    /// <param name="relativeTolerance">Neighbours closer than this times <c>s₁</c> join; null for the default.</param>
    public SpectralCluster Cluster(int index, double? relativeTolerance = null)
    {
        var sk = SingularValue(index);
        var values = Factors.Values.ToArray();
        var tolerance = SpectralCluster.AbsoluteTolerance(relativeTolerance, values[0], ClusterTolerance);
        var nonZero = values.Count(x => x > ZeroTolerance);              // the values decide, as in RequireIsolated
        if (sk <= ZeroTolerance)
        {
            var zeros = values[nonZero..];
            return new SpectralCluster(nonZero + 1, Size - nonZero, zeros, nonZero > 0 ? values[nonZero - 1] : double.PositiveInfinity, true, ZeroTolerance);
        }

        var (first, count) = SpectralCluster.Chain(values, index, tolerance);
        count = Math.Min(count, nonZero - first + 1);                    // the zero values form their own cluster
        var gap = double.PositiveInfinity;
        for (var c = first - 1; c < first - 1 + count; c++)
        {
            if (RowCount != ColumnCount)
            {
                gap = Math.Min(gap, values[c]);                          // the kernel of H(A)
            }

            for (var i = 0; i < Size; i++)
            {
                gap = Math.Min(gap, values[c] + values[i]);              // −s_i, the members' own partners included
                if (i < first - 1 || i >= first - 1 + count)
                {
                    gap = Math.Min(gap, Math.Abs(values[c] - values[i]));
                }
            }
        }

        return new SpectralCluster(first, count, values[(first - 1)..(first - 1 + count)], gap, false, tolerance);
    }

    /// <summary>Throws <see cref="DegenerateSpectrumException"/> unless <c>s_k</c> is non-zero and simple (within tolerance).</summary>
    public void RequireIsolated(int index)
    {
        _ = SingularValue(index);                         // checks the index
        var values = _factors.ClassificationValues;       // extended-precision values at a near tie: the same on every provider
        var sk = values[index - 1];
        if (sk <= ZeroTolerance)
        {
            throw new DegenerateSpectrumException(Degeneracy.Zero, index, sk, Enumerable.Range(Rank + 1, Size - Rank).ToArray(), ZeroTolerance, "singular value");
        }

        SpectrumIsolation.RequireSimple(values, index, ClusterTolerance, "singular value");
    }

    /// <summary>One line: shape, rank and the singular values (six significant digits, invariant culture, more than eight shortened).</summary>
    /// <returns>E.g. <c>ThinSingularValueDecomposition { Rows = 6, Columns = 10, Rank = 6, SingularValues = [...] }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(ThinSingularValueDecomposition),
        $"Rows = {RowCount}",
        $"Columns = {ColumnCount}",
        $"Rank = {Rank}",
        $"SingularValues = {Results.ResultText.List(_factors.Values.ToArray())}");
}
