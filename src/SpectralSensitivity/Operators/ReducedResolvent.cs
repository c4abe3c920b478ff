using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Operators;

/// <summary>
/// The reduced resolvent <c>S</c> of the Jordan–Wielandt operator <c>H(A)</c> at a singular value <c>λ = s_k</c> (or, for a
/// cluster, at a shift λ with the whole cluster removed), applied from the thin SVD. The one implementation of <c>S</c>:
/// the perturbation series, the Hessian-vector product, the dense Hessian and the Hessian spectrum all use it.
/// </summary>
/// <remarks>
/// <para><c>S = Σ_{μ ∉ removed} P_μ / (μ − λ)</c>, so <c>S (H − λ) = I − P</c> and <c>S P = 0</c> with P the projection on
/// the removed eigenvalues (Kato, Ch. I §5.3, eq. (5.28)). The eigenvalues of <c>H(A)</c> are <c>+s_i</c> on
/// <c>(u_i; v_i)/√2</c>, <c>−s_i</c> on <c>(u_i; −v_i)/√2</c> and 0 on the kernel <c>{(x; y): Uᵀx = 0, Vᵀy = 0}</c>, so S has
/// three kinds of weight, each a single partial fraction:</para>
/// <para><c>τ_i = 1/(s_i − λ)</c> (0 for a removed i), <c>π_i = 1/(−s_i − λ)</c> (0 when λ = 0 removes ±s_i together),
/// <c>κ = 1/(0 − λ)</c> on the kernel (0 when λ = 0).</para>
/// <para>In the coordinates <c>a = Uᵀx</c>, <c>b = Vᵀy</c>:
/// <c>S (x; y) = (U (D a + C b) + κ (x − U a) ; V (C a + D b) + κ (y − V b))</c> with <c>D_i = (τ_i + π_i)/2</c> and
/// <c>C_i = (τ_i − π_i)/2</c>. For a simple <c>s_k</c> and i ≠ k these are <c>s_k/(s_i² − s_k²)</c> and <c>s_i/(s_i² − s_k²)</c>,
/// but they are never formed that way: <c>s_i² − s_k²</c> overflows or underflows at the ends of the double range, and the
/// two partial fractions do not.</para>
/// <para>Everything is computed in scaled units: with <c>σ = 2^e</c> the power of two nearest below <c>s₁</c>, the weights
/// of <c>H(A)/σ</c> are O(1) numbers and <c>S = S′/σ</c> exactly. One application costs O((m + n) r): U and V are read
/// once, pair by pair, never forming <c>H</c> or full U, V. <c>‖S‖₂ = 1/d</c>, d the distance from λ to the eigenvalues
/// that were not removed.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), §3; Kato (1995), Ch. I §5 and Ch. II §2.</para>
/// </remarks>
public sealed class ReducedResolvent
{
    private readonly ThinSingularValueDecomposition _svd;
    private readonly double[] _left;
    private readonly double[] _right;
    private readonly double[] _diagonal;
    private readonly double[] _cross;
    private readonly double[] _firstOrderDiagonal;
    private readonly double[] _firstOrderCross;

    private ReducedResolvent(ThinSingularValueDecomposition svd, int first, int count, double shift)
    {
        _svd = svd;
        FirstMember = first;
        MemberCount = count;
        Eigenvalue = shift;
        var r = svd.Size;
        ScaleExponent = ScaleExponentOf(svd);
        var scaledShift = Math.ScaleB(shift, -ScaleExponent);
        Toward = new double[r];
        Partner = new double[r];
        var atZero = shift == 0;
        KernelWeight = atZero ? 0.0 : 1.0 / -scaledShift;                                  // κ = 1/(0 − λ)
        var hasKernel = svd.RowCount != svd.ColumnCount;
        var gap = hasKernel && !atZero ? Math.Abs(scaledShift) : double.PositiveInfinity;
        for (var i = 0; i < r; i++)
        {
            var si = Math.ScaleB(svd.Factors.Values[i], -ScaleExponent);
            var removed = IsMember(i);
            if (!removed)
            {
                Toward[i] = 1.0 / (si - scaledShift);                                          // τ_i = 1/(s_i − λ)
                gap = Math.Min(gap, Math.Abs(si - scaledShift));
            }

            if (!(atZero && (removed || si == 0)))
            {
                Partner[i] = 1.0 / (-si - scaledShift);                                        // π_i = 1/(−s_i − λ)
                gap = Math.Min(gap, si + Math.Abs(scaledShift));
            }
        }

        ScaledGap = gap;
        Gap = Math.ScaleB(gap, ScaleExponent);
        _left = ColumnKernels.Storage(svd.LeftFactor);
        _right = ColumnKernels.Storage(svd.RightFactor);
        _diagonal = new double[r];
        _cross = new double[r];
        _firstOrderDiagonal = new double[r];
        _firstOrderCross = new double[r];
        for (var i = 0; i < r; i++)
        {
            // The sweep adds U (D a + C b) and the caller κ (x; y); the kernel term κ (x − U a) is folded in as D − κ.
            _diagonal[i] = 0.5 * (Toward[i] + Partner[i]) - KernelWeight;                        // D_i − κ
            _cross[i] = 0.5 * (Toward[i] - Partner[i]);                                          // C_i
            var partner = IsMember(i) ? 0.0 : Partner[i];                                            // drop π_i of a removed pair
            _firstOrderDiagonal[i] = 0.5 * (Toward[i] + partner) - KernelWeight;
            _firstOrderCross[i] = 0.5 * (Toward[i] - partner);
        }
    }

    /// <summary>The 1-based index k of the singular value (the first member of a cluster).</summary>
    public int Index => FirstMember;

    /// <summary>Whether the 0-based pair i is one of the removed members.</summary>
    private bool IsMember(int i) => i >= FirstMember - 1 && i < FirstMember - 1 + MemberCount;

    /// <summary>The first removed 1-based index.</summary>
    internal int FirstMember { get; }

    /// <summary>How many singular pairs are removed: 1 for a simple value, g for a cluster.</summary>
    internal int MemberCount { get; }

    /// <summary>The shift λ at which the resolvent is reduced (<c>s_k</c> for a simple value).</summary>
    public double Eigenvalue { get; }

    /// <summary>Distance d from λ to the eigenvalues of <c>H(A)</c> that were not removed.</summary>
    public double Gap { get; }

    /// <summary>The spectral norm <c>‖S‖₂ = 1/d</c>.</summary>
    public double Norm => 1.0 / Gap;

    /// <summary>The dimension m + n of the space <c>S</c> acts on.</summary>
    public int Dimension => _svd.RowCount + _svd.ColumnCount;

    /// <summary>e with <c>σ = 2^e</c>: every scaled quantity here is in units of σ (singular values) or 1/σ (weights).</summary>
    internal int ScaleExponent { get; }

    /// <summary>d/σ.</summary>
    internal double ScaledGap { get; }

    /// <summary><c>σ τ_i = 1/(s_i/σ − λ/σ)</c>: the weight on <c>(u_i; v_i)/√2</c>, 0 for a removed pair.</summary>
    internal double[] Toward { get; }

    /// <summary><c>σ π_i = 1/(−s_i/σ − λ/σ)</c>: the weight on <c>(u_i; −v_i)/√2</c>.</summary>
    internal double[] Partner { get; }

    /// <summary><c>σ κ</c>: the weight on the kernel of <c>H(A)</c>.</summary>
    internal double KernelWeight { get; }

    /// <summary>The thin SVD the resolvent was built from.</summary>
    internal ThinSingularValueDecomposition Decomposition => _svd;

    /// <summary>Builds the reduced resolvent at a simple, non-zero <c>s_k</c>.</summary>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero or repeated within tolerance.</exception>
    public static ReducedResolvent At(ThinSingularValueDecomposition svd, int index)
    {
        ArgumentNullException.ThrowIfNull(svd);
        svd.RequireIsolated(index);
        return new ReducedResolvent(svd, index, 1, svd.Factors.Values[index - 1]);
    }

    /// <summary>The reduced resolvent at the shift λ with the singular pairs <c>first … first + count − 1</c> removed.</summary>
    /// <remarks>For a cluster: λ is the cluster's own value for each column of the block recursion; at λ = 0 the kernel and
    /// both <c>±s_i</c> of the removed pairs belong to the removed eigenvalue and S is the pseudo-inverse of H(A).</remarks>
    internal static ReducedResolvent ForCluster(ThinSingularValueDecomposition svd, int first, int count, double shift) =>
        new(svd, first, count, shift);

    /// <summary>The power-of-two exponent of the largest singular value (0 for the zero matrix).</summary>
    internal static int ScaleExponentOf(ThinSingularValueDecomposition svd) =>
        svd.Factors.Values[0] > 0 ? Math.ILogB(svd.Factors.Values[0]) : 0;

    /// <summary>Creates a workspace for the allocation-free <see cref="Apply(ReadOnlySpan{double}, Span{double}, ResolventWorkspace)"/>.</summary>
    public ResolventWorkspace CreateWorkspace() => new(_svd.RowCount + _svd.ColumnCount, _svd.Size);

    /// <summary>Computes <c>destination = S source</c> without allocating. Cost O((m + n) r).</summary>
    /// <param name="source">A vector of length m + n, <c>(x; y)</c>.</param>
    /// <param name="destination">Receives <c>S (x; y)</c>; may be the same memory as <paramref name="source"/>.</param>
    /// <param name="workspace">From <see cref="CreateWorkspace"/>; one per thread.</param>
    /// <exception cref="ResultOutOfRangeException">An entry of the result is beyond the double range.</exception>
    public void Apply(ReadOnlySpan<double> source, Span<double> destination, ResolventWorkspace workspace)
    {
        ApplyScaled(source, destination, workspace);
        ScaleAndCheck(destination, -ScaleExponent, "the reduced resolvent applied to a vector");
    }

    /// <summary><c>destination = σ S source</c>: the resolvent of <c>H(A)/σ</c>, O(1) weights whatever the scale of A.</summary>
    /// <param name="source">A vector of length m + n.</param>
    /// <param name="destination">Receives the image; may be the same memory as <paramref name="source"/>.</param>
    /// <param name="workspace">From <see cref="CreateWorkspace"/>.</param>
    /// <param name="part">All of S, or S without the <c>−s_i</c> partner terms of the removed pairs, which second-order
    /// quantities never see: <c>Gᵀ (u_i; −v_i) = 0</c> for <c>G vec(E) = (E v_i; Eᵀ u_i)</c>, so the Hessian is the same either
    /// way, and leaving the terms out spares a cancellation of order ε ‖E‖/s_k.</param>
    internal void ApplyScaled(ReadOnlySpan<double> source, Span<double> destination, ResolventWorkspace workspace, ResolventPart part = ResolventPart.Full)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int m = _svd.RowCount, n = _svd.ColumnCount;
        if (source.Length != m + n || destination.Length != m + n)
        {
            throw new DimensionMismatchException($"the reduced resolvent acts on vectors of length {m + n}; got {source.Length} and {destination.Length}");
        }

        var w = workspace;
        if (w.Source.Length != m + n || w.Size != _svd.Size)
        {
            throw new ArgumentException("the workspace was created by a resolvent of another size; use CreateWorkspace() of this one", nameof(workspace));
        }

        source.CopyTo(w.Source);
        var (diagonal, cross) = part == ResolventPart.Full ? (_diagonal, _cross) : (_firstOrderDiagonal, _firstOrderCross);
        PairedColumnSweep.Apply(_left, m, _right, n, diagonal, cross, w.Source, w.Result, w.Partials);
        if (KernelWeight != 0)
        {
            ColumnKernels.Axpy(KernelWeight, w.Source, w.Result);                          // + κ (x; y)
        }

        w.Result.CopyTo(destination);
    }

    /// <summary>Returns <c>S v</c> for a vector of length m + n. Cost O((m + n) r).</summary>
    public Vector<double> Apply(Vector<double> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var result = new double[Dimension];
        Apply(vector.ToArray(), result, CreateWorkspace());
        return DenseVector.OfArray(result);
    }

    /// <summary>Returns <c>S X</c> for an (m + n) × c matrix with level-3 products. Cost O((m + n) r c).</summary>
    public Matrix<double> Apply(Matrix<double> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int m = _svd.RowCount, n = _svd.ColumnCount;
        if (columns.RowCount != m + n)
        {
            throw new DimensionMismatchException($"the reduced resolvent acts on (m + n) = {m + n} rows; got {columns.RowCount}");
        }

        var top = columns.SubMatrix(0, m, 0, columns.ColumnCount);
        var bottom = columns.SubMatrix(m, n, 0, columns.ColumnCount);
        var a = _svd.LeftFactor.TransposeThisAndMultiply(top);
        var b = _svd.RightFactor.TransposeThisAndMultiply(bottom);
        var diagonal = DenseMatrix.OfDiagonalArray(_diagonal);
        var cross = DenseMatrix.OfDiagonalArray(_cross);
        var result = Matrix<double>.Build.Dense(m + n, columns.ColumnCount);
        result.SetSubMatrix(0, 0, _svd.LeftFactor * (diagonal * a + cross * b) + KernelWeight * top);
        result.SetSubMatrix(m, 0, _svd.RightFactor * (cross * a + diagonal * b) + KernelWeight * bottom);
        ScaleAndCheck(((DenseMatrix)result).Values, -ScaleExponent, "the reduced resolvent applied to a matrix");
        return result;
    }

    /// <summary>Forms the dense (m + n) × (m + n) matrix <c>S</c>. O((m + n)²) memory: for tests and small problems.</summary>
    public Matrix<double> ToDense() => Apply(Matrix<double>.Build.DenseIdentity(Dimension));

    /// <summary>
    /// The three blocks of <c>σ S</c> in the split <c>(x; y)</c>: <c>S₁₁ = U diag(D) Uᵀ + κ (I − UUᵀ)</c> (m × m),
    /// <c>S₂₂ = V diag(D) Vᵀ + κ (I − VVᵀ)</c> (n × n) and <c>S₁₂ = U diag(C) Vᵀ</c> (m × n; <c>S₂₁ = S₁₂ᵀ</c>).
    /// </summary>
    /// <remarks>Without the partner term <c>P_{−s_c}/(−s_c − λ)</c> of the member c whose second-order term the blocks serve:
    /// <c>Gᵀ (u_c; −v_c) = 0</c> for <c>G vec(E) = (E v_c; Eᵀ u_c)</c>, so the Hessian does not see it (for a simple value this is
    /// <see cref="ResolventPart.FirstOrderRange"/>). The partners of the other members of a cluster stay: the directions
    /// <c>u_c v_dᵀ − u_d v_cᵀ</c> see them. Three GEMMs through the active provider: O((m² + n² + mn) r). Used to assemble the
    /// dense Hessian.</remarks>
    /// <param name="member">1-based index c of the removed pair whose partner term is left out.</param>
    internal (Matrix<double> TopLeft, Matrix<double> BottomRight, Matrix<double> TopRight) ScaledBlocks(int member)
    {
        var r = _svd.Size;
        var diagonal = new double[r];
        var cross = new double[r];
        for (var i = 0; i < r; i++)
        {
            var partner = i == member - 1 ? 0.0 : Partner[i];                               // drop π_c of the member itself
            diagonal[i] = 0.5 * (Toward[i] + partner) - KernelWeight;                        // D_i − κ
            cross[i] = 0.5 * (Toward[i] - partner);                                          // C_i
        }

        var u = _svd.LeftFactor;
        var v = _svd.RightFactor;
        var topLeft = ColumnsScaled(u, diagonal).TransposeAndMultiply(u);                   // (U diag(D − κ)) Uᵀ: one GEMM
        var bottomRight = ColumnsScaled(v, diagonal).TransposeAndMultiply(v);               // (V diag(D − κ)) Vᵀ
        AddToDiagonal(topLeft, KernelWeight);                                               // + κ I
        AddToDiagonal(bottomRight, KernelWeight);
        var topRight = ColumnsScaled(u, cross).TransposeAndMultiply(v);                     // (U diag(C)) Vᵀ
        return (topLeft, bottomRight, topRight);
    }

    /// <summary>Multiplies every entry by <c>2^exponent</c> (exact) and refuses a result beyond the double range, naming it (and its
    /// derivative order, if any).</summary>
    internal static void ScaleAndCheck(Span<double> values, int exponent, string what, int? order = null)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var scaled = Math.ScaleB(values[i], exponent);
            if (!double.IsFinite(scaled))
            {
                throw new ResultOutOfRangeException(what, order);
            }

            values[i] = scaled;
        }
    }

    /// <summary><c>F diag(w)</c>: a copy of F with column i multiplied by <c>w_i</c>, O(rows · r) instead of a GEMM.</summary>
    internal static Matrix<double> ColumnsScaled(Matrix<double> factor, double[] weights)
    {
        var scaled = DenseMatrix.OfMatrix(factor);
        for (var i = 0; i < weights.Length; i++)
        {
            foreach (ref var entry in scaled.Values.AsSpan(i * factor.RowCount, factor.RowCount))
            {
                entry *= weights[i];
            }
        }

        return scaled;
    }

    private static void AddToDiagonal(Matrix<double> matrix, double value)
    {
        for (var i = 0; i < matrix.RowCount; i++)
        {
            matrix[i, i] += value;
        }
    }
}
