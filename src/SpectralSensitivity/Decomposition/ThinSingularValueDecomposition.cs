using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SpectralSensitivity.Decomposition.Refinement;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Decomposition;

/// <summary>The thin SVD <c>A = U diag(s) Vᵀ</c> of a real m × n matrix: <c>U</c> is m × r, <c>V</c> is n × r, r = min(m, n), <c>s</c> descending.</summary>
/// <remarks>
/// <para>Computed once; every derivative after it costs a few matrix–vector products with <c>U</c>, <c>V</c> and
/// the direction. The factorization goes through MathNet.Numerics, so a native provider installed in
/// <c>LinearAlgebraControl.Provider</c> (e.g. the MKL provider of this project) speeds it up. Tall matrices
/// (m &gt; n) are first reduced by a thin QR, <c>A = QR</c>, and the SVD of the n × n factor <c>R = U_R Σ Vᵀ</c>
/// gives <c>U = Q U_R</c>; wide ones are handled through <c>Aᵀ</c>. So full m × m factors are never formed.</para>
/// <para>Cost: O(m n r) flops, O((m + n) r) memory. A matrix whose largest entry lies outside <c>2^±128</c> is first scaled
/// by a power of two (exactly), so entries near the ends of the double range are safe.</para>
/// <para>Singular values at or below <see cref="ZeroTolerance"/> count as zero; <see cref="Rank"/> counts the others.</para>
/// </remarks>
public sealed class ThinSingularValueDecomposition
{
    private ThinSingularValueDecomposition(Matrix<double> u, Vector<double> s, Matrix<double> v, SpectralTolerances tolerances)
    {
        LeftVectors = u;
        SingularValues = s;
        RightVectors = v;
        var scale = s.Count > 0 ? s[0] : 0.0;
        ZeroTolerance = tolerances.ZeroTolerance ?? SpectralTolerances.DefaultThreshold(RowCount, ColumnCount, scale);
        ClusterTolerance = tolerances.ClusterTolerance ?? SpectralTolerances.DefaultThreshold(RowCount, ColumnCount, scale);
        Rank = s.Count(x => x > ZeroTolerance);
    }

    /// <summary>Number of rows m of A.</summary>
    public int RowCount => LeftVectors.RowCount;

    /// <summary>Number of columns n of A.</summary>
    public int ColumnCount => RightVectors.RowCount;

    /// <summary>r = min(m, n), the number of singular values.</summary>
    public int Size => SingularValues.Count;

    /// <summary>Singular values <c>s₁ ≥ … ≥ s_r ≥ 0</c> (0-based storage: <c>SingularValues[k-1] = s_k</c>).</summary>
    public Vector<double> SingularValues { get; }

    /// <summary>Left singular vectors <c>U</c>, m × r, orthonormal columns.</summary>
    public Matrix<double> LeftVectors { get; }

    /// <summary>Right singular vectors <c>V</c>, n × r, orthonormal columns.</summary>
    public Matrix<double> RightVectors { get; }

    /// <summary>Numerical rank: the number of singular values above <see cref="ZeroTolerance"/>.</summary>
    public int Rank { get; }

    /// <summary>Threshold at or below which a singular value counts as zero.</summary>
    public double ZeroTolerance { get; }

    /// <summary>Distance at or below which two singular values count as repeated.</summary>
    public double ClusterTolerance { get; }

    /// <summary>Computes the thin SVD of <paramref name="a"/> in double precision.</summary>
    /// <param name="a">A finite, non-empty real matrix.</param>
    /// <param name="tolerances">Zero and cluster tolerances; null for the defaults (<see cref="SpectralTolerances"/>).</param>
    /// <exception cref="InvalidSpectralInputException">Empty or non-finite input.</exception>
    public static ThinSingularValueDecomposition Compute(Matrix<double> a, SpectralTolerances? tolerances = null) =>
        Compute(a, DecompositionRefinement.None, tolerances);

    /// <summary>Computes the thin SVD of <paramref name="a"/>, refined to the exact factors rounded to double if asked.</summary>
    /// <remarks>
    /// <see cref="DecompositionRefinement.ExtendedPrecision"/> runs one-sided Jacobi sweeps in double-double arithmetic on
    /// <c>A V₀</c> after the double SVD <c>(U₀, s₀, V₀)</c> (Demmel, Veselić 1992 §4; docs/accuracy.md). Cost O(m n r) per
    /// sweep in double-double, two sweeps (one that rotates, one that finds nothing left).
    /// </remarks>
    /// <param name="a">A finite, non-empty real matrix.</param>
    /// <param name="refinement">Whether to refine the double-precision factors.</param>
    /// <param name="tolerances">Zero and cluster tolerances; null for the defaults (<see cref="SpectralTolerances"/>).</param>
    /// <exception cref="InvalidSpectralInputException">Empty or non-finite input, or an undefined refinement value.</exception>
    public static ThinSingularValueDecomposition Compute(Matrix<double> a, DecompositionRefinement refinement, SpectralTolerances? tolerances = null)
    {
        MatrixGuard.RequireFinite(a, "A");
        tolerances ??= SpectralTolerances.Default;
        tolerances.Validate();
        RefinementGuard.RequireDefined(refinement);

        // Entries near the ends of the double range: scale by a power of two (exact); the factors are those of A.
        var exponent = PowerOfTwoScaling.ExponentFor(a);
        var wide = a.RowCount < a.ColumnCount;
        var tall = wide ? a.Transpose() : a;
        if (exponent != 0)
        {
            tall = PowerOfTwoScaling.ScaledCopy(tall, exponent);
        }

        var (u, s, v) = ComputeTallOrSquare(tall);
        if (refinement == DecompositionRefinement.ExtendedPrecision)
        {
            (u, s, v) = Refine(tall, u, v);
        }

        s.MapInplace(x => Math.ScaleB(x, exponent));
        if (s.Count > 0 && double.IsPositiveInfinity(s[0]))
        {
            throw new InvalidSpectralInputException($"the largest singular value of A exceeds the double range (largest entry about 2^{exponent}); scale A down");
        }

        return wide ? new ThinSingularValueDecomposition(v, s, u, tolerances) : new ThinSingularValueDecomposition(u, s, v, tolerances);
    }

    /// <summary>Wraps factors computed elsewhere (e.g. by a high-precision reference), after checking their shapes and order.</summary>
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
        return new ThinSingularValueDecomposition(leftVectors, singularValues, rightVectors, tolerances);
    }

    /// <summary>Returns <c>s_k</c> for a 1-based index k.</summary>
    public double SingularValue(int index)
    {
        MatrixGuard.RequireIndex(index, Size, "singular value");
        return SingularValues[index - 1];
    }

    /// <summary>Distance <c>d</c> from <c>s_k</c> to the rest of the spectrum of <c>H(A)</c>.</summary>
    /// <remarks>
    /// <c>d = min(|s_k − s_i| (i ≠ k), 2 s_k, and s_k when m ≠ n)</c>: the other eigenvalues of <c>H</c> are
    /// <c>±s_i</c> and, when m ≠ n, zero. <c>‖S‖₂ = 1/d</c> for the reduced resolvent <c>S</c> at <c>s_k</c>.
    /// </remarks>
    public double Gap(int index)
    {
        var sk = SingularValue(index);
        var d = 2 * sk;
        if (RowCount != ColumnCount)
        {
            d = Math.Min(d, sk);
        }

        for (var i = 0; i < Size; i++)
        {
            if (i != index - 1)
            {
                d = Math.Min(d, Math.Abs(sk - SingularValues[i]));
            }
        }

        return d;
    }

    /// <summary>Throws <see cref="DegenerateSpectrumException"/> unless <c>s_k</c> is non-zero and simple (within tolerance).</summary>
    public void RequireIsolated(int index)
    {
        var sk = SingularValue(index);
        if (sk <= ZeroTolerance)
        {
            throw new DegenerateSpectrumException(Degeneracy.Zero, index, sk, [index], ZeroTolerance, "singular value");
        }

        SpectrumIsolation.RequireSimple(SingularValues, index, ClusterTolerance, "singular value");
    }

    /// <summary>One line: shape, rank and the singular values (six significant digits, invariant culture, more than eight shortened).</summary>
    /// <returns>E.g. <c>ThinSingularValueDecomposition { Rows = 6, Columns = 10, Rank = 6, SingularValues = [...] }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(ThinSingularValueDecomposition),
        $"Rows = {RowCount}",
        $"Columns = {ColumnCount}",
        $"Rank = {Rank}",
        $"SingularValues = {Results.ResultText.List(SingularValues.ToArray())}");

    private static (Matrix<double> U, Vector<double> S, Matrix<double> V) ComputeTallOrSquare(Matrix<double> a)
    {
        if (a.RowCount == a.ColumnCount)
        {
            return SquareSvd(a);
        }

        var qr = a.QR(QRMethod.Thin);
        var (ur, s, v) = SquareSvd(qr.R);
        return (qr.Q * ur, s, v);
    }

    private static (Matrix<double> U, Vector<double> S, Matrix<double> V) Refine(Matrix<double> tall, Matrix<double> u0, Matrix<double> v0)
    {
        int m = tall.RowCount, n = tall.ColumnCount;
        var (u, s, v, _) = OneSidedJacobiRefinement.Refine(ColumnKernels.Storage(tall), m, n, ColumnKernels.Storage(u0), ColumnKernels.Storage(v0));
        return (Matrix<double>.Build.Dense(m, n, u), Vector<double>.Build.Dense(s), Matrix<double>.Build.Dense(n, n, v));
    }

    private static (Matrix<double> U, Vector<double> S, Matrix<double> V) SquareSvd(Matrix<double> square)
    {
        var svd = square.Svd(computeVectors: true);
        return (svd.U, svd.S, svd.VT.Transpose());
    }
}
