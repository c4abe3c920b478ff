using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The closed-form eigendecomposition of the Hessian of <c>s_k</c> with respect to <c>vec(A)</c>.</summary>
/// <remarks>
/// <para>For i ≤ r, i ≠ k: <c>vec((u_i v_kᵀ ± u_k v_iᵀ)/√2)</c> with eigenvalue <c>1/(s_k ∓ s_i)</c>; for i &gt; r (tall A)
/// <c>vec(u_i v_kᵀ)</c> and for j &gt; r (wide A) <c>vec(u_k v_jᵀ)</c>, both with eigenvalue <c>1/s_k</c>; every direction
/// orthogonal to these (among them <c>u_k v_kᵀ</c>, along which s_k is linear) has eigenvalue 0. So the rank is
/// <c>m + n − 2</c>, the trace <c>Σ_{i≠k} 2 s_k/(s_k² − s_i²) + (m + n − 2r)/s_k</c>, and the spectral norm the largest
/// <c>1/|s_k − s_i|</c>, <c>1/(s_k + s_i)</c> or (m ≠ n) <c>1/s_k</c>.</para>
/// <para>These are minus the weights of the <see cref="ReducedResolvent"/> at <c>s_k</c>, <c>−1/(s_i − s_k)</c>,
/// <c>−1/(−s_i − s_k)</c> and <c>−1/(0 − s_k)</c>, taken from it in scaled units; the norms and trace are summed there too.</para>
/// <para>Cost: O(r log r) for the values, norms and trace; O(mn) per eigenvector (plus, once, a full QR of U or V,
/// O(m² r) or O(n² r), the first time a complement eigenvector is asked for).</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), Thm 3.1 to second order. Derivation: on <c>span{u_i v_kᵀ, u_k v_iᵀ}</c> the Hessian acts as <c>[[c_i, d_i], [d_i, c_i]]</c>,
/// <c>c_i = s_k/(s_k² − s_i²)</c>, <c>d_i = s_i/(s_k² − s_i²)</c>, with eigenvalues <c>c_i ± d_i = 1/(s_k ∓ s_i)</c>; on
/// <c>u_i v_kᵀ</c> (i &gt; r) and <c>u_k v_jᵀ</c> (j &gt; r) it is <c>1/s_k</c> (<c>s_i := 0</c>), and zero elsewhere.</para>
/// </remarks>
public sealed class HessianSpectrum
{
    private readonly ReducedResolvent _resolvent;
    private readonly HessianEigenpair[] _eigenpairs;
    private readonly Lazy<Matrix<double>> _leftComplement;
    private readonly Lazy<Matrix<double>> _rightComplement;

    private HessianSpectrum(ReducedResolvent resolvent)
    {
        _resolvent = resolvent;
        var svd = resolvent.Decomposition;
        var (pairs, scaledValues) = BuildEigenpairs(resolvent);
        _eigenpairs = pairs;
        _leftComplement = new Lazy<Matrix<double>>(() => Complement(svd.LeftFactor));
        _rightComplement = new Lazy<Matrix<double>>(() => Complement(svd.RightFactor));
        var exponent = -resolvent.ScaleExponent;
        var largest = scaledValues.Length == 0 ? 0 : scaledValues.Max(Math.Abs);
        var sumOfSquares = largest == 0 ? 0 : scaledValues.Sum(x => (x / largest) * (x / largest));
        Trace = Checked(Math.ScaleB(scaledValues.Sum(), exponent), "the trace of the Hessian");
        FrobeniusNorm = Checked(Math.ScaleB(largest * Math.Sqrt(sumOfSquares), exponent), "the Frobenius norm of the Hessian");  // no squares of unscaled values
        SpectralNorm = Checked(Math.ScaleB(largest, exponent), "the spectral norm of the Hessian");
    }

    /// <summary>The 1-based index k.</summary>
    public int Index => _resolvent.Index;

    /// <summary>m.</summary>
    public int RowCount => _resolvent.Decomposition.RowCount;

    /// <summary>n.</summary>
    public int ColumnCount => _resolvent.Decomposition.ColumnCount;

    /// <summary>The non-zero eigenvalues with their eigenvector recipes, in descending order of value; there are <see cref="Rank"/> of them.</summary>
    public IReadOnlyList<HessianEigenpair> Eigenpairs => _eigenpairs;

    /// <summary>The rank of the Hessian, <c>m + n − 2</c>.</summary>
    public int Rank => _eigenpairs.Length;

    /// <summary>The dimension of the null space, <c>mn − (m + n − 2)</c>.</summary>
    public long NullSpaceDimension => (long)RowCount * ColumnCount - Rank;

    /// <summary>The trace, <c>Σ_{i≠k} 2 s_k/(s_k² − s_i²) + (m + n − 2r)/s_k</c>.</summary>
    public double Trace { get; }

    /// <summary>The Frobenius norm, <c>√(Σ λ²)</c> over the non-zero eigenvalues.</summary>
    public double FrobeniusNorm { get; }

    /// <summary>The spectral norm, <c>max |λ|</c>.</summary>
    public double SpectralNorm { get; }

    /// <summary>Builds the spectrum of the Hessian of <c>s_k</c>.</summary>
    /// <remarks>Eigenvalues <c>1/(s_k ∓ s_i)</c> and <c>1/s_k</c> (derivation in the class remarks; Luo et al. 2025, Thm 3.1). Cost O(r log r) (a sort of m + n − 2 values).</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static HessianSpectrum At(ThinSingularValueDecomposition svd, int index) => new(ReducedResolvent.At(svd, index));

    internal static HessianSpectrum From(ReducedResolvent resolvent) => new(resolvent);

    /// <summary>The <paramref name="count"/> largest positive eigenvalues, largest first (fewer if there are fewer): the directions in which s_k curves up most.</summary>
    /// <remarks>Reads the sorted list: O(count).</remarks>
    /// <param name="count">How many, at least 0.</param>
    /// <exception cref="Errors.CountOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<HessianEigenpair> MostPositive(int count)
    {
        RequireCount(count);
        return _eigenpairs.Where(pair => pair.Value > 0).Take(count).ToArray();
    }

    /// <summary>The <paramref name="count"/> most negative eigenvalues, most negative first (fewer if there are fewer): the directions in which s_k curves down most.</summary>
    /// <remarks>Reads the sorted list: O(count).</remarks>
    /// <param name="count">How many, at least 0.</param>
    /// <exception cref="Errors.CountOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<HessianEigenpair> MostNegative(int count)
    {
        RequireCount(count);
        return _eigenpairs.Reverse().Where(pair => pair.Value < 0).Take(count).ToArray();
    }

    /// <summary>The <paramref name="count"/> eigenvalues of largest magnitude, largest <c>|λ|</c> first, of either sign (fewer if
    /// there are fewer): the directions in which s_k curves most, up or down.</summary>
    /// <remarks>
    /// Merges the positive end and the negative end of the sorted list by <c>|λ|</c>: O(count). Ties in magnitude keep the
    /// positive eigenvalue first, then the order of <see cref="Eigenpairs"/>. The largest is <see cref="SpectralNorm"/>.
    /// </remarks>
    /// <param name="count">How many, at least 0.</param>
    /// <exception cref="Errors.CountOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<HessianEigenpair> MostCurved(int count)
    {
        RequireCount(count);
        var result = new List<HessianEigenpair>(Math.Min(count, _eigenpairs.Length));
        int top = 0, bottom = _eigenpairs.Length - 1;                       // the two ends of the descending list
        while (result.Count < count && top <= bottom)
        {
            var takeTop = _eigenpairs[top].Value >= -_eigenpairs[bottom].Value;  // |λ_top| ≥ |λ_bottom| when λ_top ≥ −λ_bottom (either end may hold the other sign)
            result.Add(takeTop ? _eigenpairs[top++] : _eigenpairs[bottom--]);
        }

        return result;
    }

    /// <summary>The unit eigenvector of <paramref name="pair"/> as an m × n matrix (its column-major vec is the eigenvector of the Hessian).</summary>
    /// <remarks>
    /// <c>(u_i v_kᵀ ± u_k v_iᵀ)/√2</c>, <c>u_i v_kᵀ</c> or <c>u_k v_jᵀ</c>. Cost O(mn); the first complement eigenvector also
    /// costs a full QR of U (or V). The complement bases are orthonormal but, where their dimension exceeds one, not unique.
    /// </remarks>
    /// <param name="pair">One of <see cref="Eigenpairs"/>.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">The partner index does not fit this spectrum.</exception>
    public Matrix<double> Eigenvector(HessianEigenpair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var svd = _resolvent.Decomposition;
        int m = RowCount, n = ColumnCount, r = svd.Size;
        var u = svd.LeftFactor.Column(Index - 1);
        var v = svd.RightFactor.Column(Index - 1);
        switch (pair.Kind)
        {
            case HessianEigenvectorKind.SymmetricPair:
            case HessianEigenvectorKind.AntisymmetricPair:
                MatrixGuard.RequireIndex(pair.Partner, r, "partner singular vector");
                if (pair.Partner == Index)
                {
                    throw new Errors.InvalidSpectralInputException($"the partner of an eigenvector pair must differ from k = {Index}");
                }

                var sign = pair.Kind == HessianEigenvectorKind.SymmetricPair ? 1.0 : -1.0;
                var ui = svd.LeftFactor.Column(pair.Partner - 1);
                var vi = svd.RightFactor.Column(pair.Partner - 1);
                return (ui.OuterProduct(v) + sign * u.OuterProduct(vi)) / Math.Sqrt(2.0);
            case HessianEigenvectorKind.LeftComplement:
                MatrixGuard.RequireIndex(pair.Partner - r, m - r, "left complement vector (partner − r)");
                return _leftComplement.Value.Column(pair.Partner - r - 1).OuterProduct(v);
            default:
                MatrixGuard.RequireIndex(pair.Partner - r, n - r, "right complement vector (partner − r)");
                return u.OuterProduct(_rightComplement.Value.Column(pair.Partner - r - 1));
        }
    }

    /// <summary>One line: index, shape, rank, trace, norms and the eigenvalues in descending order (six significant digits,
    /// invariant culture, more than eight shortened).</summary>
    /// <returns>E.g. <c>HessianSpectrum { Index = 2, Rows = 6, Columns = 10, Rank = 14, Trace = 1.9, ..., Eigenvalues = [...] }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(HessianSpectrum),
        $"Index = {Index}",
        $"Rows = {RowCount}",
        $"Columns = {ColumnCount}",
        $"Rank = {Rank}",
        $"Trace = {Results.ResultText.Number(Trace)}",
        $"FrobeniusNorm = {Results.ResultText.Number(FrobeniusNorm)}",
        $"SpectralNorm = {Results.ResultText.Number(SpectralNorm)}",
        $"Eigenvalues = {Results.ResultText.List(_eigenpairs.Select(pair => pair.Value).ToArray())}");


    /// <summary>The eigenpairs in true units, sorted, and their eigenvalues in units of <c>1/σ</c> for the sums.</summary>
    private static (HessianEigenpair[] Pairs, double[] ScaledValues) BuildEigenpairs(ReducedResolvent resolvent)
    {
        var svd = resolvent.Decomposition;
        var scaled = new List<(double Value, HessianEigenvectorKind Kind, int Partner)>(svd.RowCount + svd.ColumnCount);
        for (var i = 1; i <= svd.Size; i++)
        {
            if (i == resolvent.Index)
            {
                continue;
            }

            scaled.Add((-resolvent.Toward[i - 1], HessianEigenvectorKind.SymmetricPair, i));       // 1/(s_k − s_i)
            scaled.Add((-resolvent.Partner[i - 1], HessianEigenvectorKind.AntisymmetricPair, i));  // 1/(s_k + s_i)
        }

        for (var i = svd.Size + 1; i <= svd.RowCount; i++)
        {
            scaled.Add((-resolvent.KernelWeight, HessianEigenvectorKind.LeftComplement, i));        // 1/s_k
        }

        for (var j = svd.Size + 1; j <= svd.ColumnCount; j++)
        {
            scaled.Add((-resolvent.KernelWeight, HessianEigenvectorKind.RightComplement, j));       // 1/s_k
        }

        var pairs = scaled
            .Select(p => new HessianEigenpair(Checked(Math.ScaleB(p.Value, -resolvent.ScaleExponent), "a Hessian eigenvalue"), p.Kind, p.Partner))
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Kind).ThenBy(pair => pair.Partner).ToArray();
        return (pairs, scaled.Select(p => p.Value).ToArray());
    }

    private static void RequireCount(int count)
    {
        if (count < 0)
        {
            throw new Errors.CountOutOfRangeException(count, "eigenpairs");
        }
    }

    private static double Checked(double value, string what) =>
        double.IsFinite(value) ? value : throw new Errors.ResultOutOfRangeException(what);

    /// <summary>An orthonormal basis of the orthogonal complement of the columns of a thin factor (rows × (rows − columns)).</summary>
    private static Matrix<double> Complement(Matrix<double> factor)
    {
        var full = factor.QR(QRMethod.Full).Q;
        return full.SubMatrix(0, factor.RowCount, factor.ColumnCount, factor.RowCount - factor.ColumnCount);
    }
}
