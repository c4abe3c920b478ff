using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The Hessian of <c>s_k</c> applied to a direction, <c>Hess s_k[E]</c> (an m × n matrix), without forming the mn × mn Hessian.</summary>
/// <remarks>
/// <para>With <c>w₀ = (u_k; v_k)/√2</c> and <c>G vec(E) = H(E) w₀ = (E v_k; Eᵀ u_k)/√2</c>, second-order perturbation theory gives
/// <c>Hess s_k = −2 Gᵀ S G</c>, S the <see cref="ReducedResolvent"/> at <c>s_k</c>. Since <c>Gᵀ (p; q) = vec(p v_kᵀ + u_k qᵀ)/√2</c>,</para>
/// <para><c>Hess s_k[E] = −(x v_kᵀ + u_k yᵀ)</c> with <c>(x; y) = S (E v_k; Eᵀ u_k)</c>:</para>
/// <para>one pass over E for <c>E v_k</c> and <c>Eᵀ u_k</c> together, one resolvent application (U and V read once, pair by
/// pair) and one rank-two write: O(mn + (m + n) r) flops, O(m + n) extra memory besides the result. The <c>−s_k</c> partner
/// term of S does not contribute: <c>Gᵀ (u_k; −v_k) = 0</c>. The resolvent works in units of <c>σ = 2^e</c> and the vector
/// <c>(E v_k; Eᵀ u_k)</c> is normalised by a power of two before it, so the result is exactly homogeneous in A and E.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), the second-order term of the Kato expansion;
/// Kato (1995), Ch. II §2.</para>
/// </remarks>
public sealed class HessianVectorProduct
{
    private const string DirectionName = "direction E";
    private readonly ReducedResolvent _resolvent;
    private readonly double[] _left;
    private readonly double[] _right;

    /// <summary>One set of scratch vectors kept between calls: taken by a call, returned after it (a concurrent call makes its own).</summary>
    private Scratch? _spare;

    private HessianVectorProduct(ReducedResolvent resolvent)
    {
        _resolvent = resolvent;
        var svd = resolvent.Decomposition;
        _left = svd.LeftFactor.Column(resolvent.Index - 1).ToArray();
        _right = svd.RightFactor.Column(resolvent.Index - 1).ToArray();
    }

    /// <summary>The 1-based index k.</summary>
    public int Index => _resolvent.Index;

    /// <summary>m, the number of rows of A (and of every direction).</summary>
    public int RowCount => _left.Length;

    /// <summary>n, the number of columns of A (and of every direction).</summary>
    public int ColumnCount => _right.Length;

    /// <summary>Prepares the product for <c>s_k</c>.</summary>
    /// <remarks>Builds the reduced resolvent at <c>s_k</c> (weights <c>1/(s_i − s_k)</c>, <c>1/(−s_i − s_k)</c>, <c>−1/s_k</c>; Luo et al. 2025). Cost O(r), plus a copy of U and V when they are not dense.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="Errors.SpectralIndexOutOfRangeException">k outside 1..r.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated: the Hessian does not exist.</exception>
    public static HessianVectorProduct At(ThinSingularValueDecomposition svd, int index) => new(ReducedResolvent.At(svd, index));

    internal static HessianVectorProduct From(ReducedResolvent resolvent) => new(resolvent);

    /// <summary>One line: the index and the shape of the directions the product takes.</summary>
    /// <returns>E.g. <c>HessianVectorProduct { Index = 2, Rows = 6, Columns = 10 }</c>.</returns>
    public override string ToString() =>
        Results.ResultText.Members(nameof(HessianVectorProduct), $"Index = {Index}", $"Rows = {RowCount}", $"Columns = {ColumnCount}");

    /// <summary>Returns <c>Hess s_k[E]</c>, the m × n matrix whose column-major vec is <c>Hess s_k · vec(E)</c>.</summary>
    /// <remarks>Formula and cost: see the class remarks; O(mn + (m + n) r).</remarks>
    /// <param name="direction">E, m × n, finite.</param>
    /// <exception cref="Errors.InvalidSpectralInputException">E has the wrong shape or a non-finite entry.</exception>
    public Matrix<double> Apply(Matrix<double> direction)
    {
        var result = GC.AllocateUninitializedArray<double>(RowCount * ColumnCount);
        Apply(direction, result);
        return new DenseMatrix(RowCount, ColumnCount, result);
    }

    /// <summary>Writes <c>vec(Hess s_k[E])</c> (column-major, length mn) into <paramref name="destination"/>.</summary>
    /// <remarks>Formula: see the class remarks. Cost O(mn + (m + n) r), no allocation of the mn-sized result.</remarks>
    /// <param name="direction">E, m × n, finite.</param>
    /// <param name="destination">Receives the column-major result; length at least mn.</param>
    public void Apply(Matrix<double> direction, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(direction);
        if (direction.RowCount != RowCount || direction.ColumnCount != ColumnCount)
        {
            MatrixGuard.RequireShape(direction, DirectionName, RowCount, ColumnCount, "A");
        }

        if (destination.Length < RowCount * ColumnCount)
        {
            throw new Errors.DimensionMismatchException($"the destination holds {destination.Length} values; Hess[E] needs m n = {RowCount * ColumnCount}");
        }

        // The finiteness check rides on the first pass over E: a NaN or ±∞ entry always makes E v_k or Eᵀ u_k
        // non-finite (∞·0 and ∞ − ∞ are NaN, and NaN propagates), and MatrixGuard then names the entry.
        if (!ApplyUnchecked(ColumnKernels.Storage(direction), destination))
        {
            MatrixGuard.RequireFinite(direction, DirectionName);
            throw new Errors.ResultOutOfRangeException("E v_k or Eᵀ u_k");
        }
    }

    /// <summary>Returns <c>vec(E)ᵀ Hess s_k vec(F)</c> = <c>D² s_k[E, F]</c>.</summary>
    /// <remarks><c>⟨E, Hess s_k[F]⟩_F</c>; cost O(mn + (m + n) r).</remarks>
    /// <param name="first">E, m × n.</param>
    /// <param name="second">F, m × n.</param>
    public double BilinearForm(Matrix<double> first, Matrix<double> second)
    {
        MatrixGuard.RequireShape(first, DirectionName, RowCount, ColumnCount, "A");
        var product = GC.AllocateUninitializedArray<double>(RowCount * ColumnCount);
        Apply(second, product);
        return ColumnKernels.Dot(ColumnKernels.Storage(first), product);
    }

    /// <summary>Returns <c>vec(E)ᵀ Hess s_k vec(E)</c> = <c>d²/dt² s_k(A + tE)</c> at t = 0.</summary>
    /// <remarks>Equals twice the second Taylor coefficient along E; cost O(mn + (m + n) r).</remarks>
    /// <param name="direction">E, m × n.</param>
    public double QuadraticForm(Matrix<double> direction) => BilinearForm(direction, direction);

    /// <summary>Writes the product; returns false (having written nothing) when E v_k or Eᵀ u_k is not finite.</summary>
    private bool ApplyUnchecked(ReadOnlySpan<double> e, Span<double> destination)
    {
        var scratch = Interlocked.Exchange(ref _spare, null) ?? new Scratch(_resolvent);
        var written = ApplyUnchecked(e, destination, scratch);
        Interlocked.CompareExchange(ref _spare, scratch, null);
        return written;
    }

    private bool ApplyUnchecked(ReadOnlySpan<double> e, Span<double> destination, Scratch scratch)
    {
        int m = RowCount, n = ColumnCount;
        var u = _left;
        var v = _right;
        var f = scratch.Direction;                                   // (E v_k; Eᵀ u_k)
        Array.Clear(f);
        var ev = f.AsSpan(0, m);
        for (var j = 0; j < n; j++)
        {
            var column = e.Slice(j * m, m);
            ColumnKernels.Axpy(v[j], column, ev);
            f[m + j] = ColumnKernels.Dot(column, u);
        }

        var largest = 0.0;
        foreach (var value in f)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        if (!double.IsFinite(largest))
        {
            return false;
        }

        if (largest == 0)
        {
            destination[..(m * n)].Clear();                          // E ⟂ the first-order directions: Hess[E] = 0
            return true;
        }

        var exponent = Math.ILogB(largest);
        ReducedResolvent.ScaleAndCheck(f, -exponent, DirectionName);   // exact: f / 2^p of order one
        var xy = scratch.Image;
        _resolvent.ApplyScaled(f, xy, scratch.Workspace, ResolventPart.FirstOrderRange); // σ S f (its partner term is invisible to Gᵀ)
        // Hess[E] = −(x v_kᵀ + u_k yᵀ) with (x; y) = S (E v_k; Eᵀ u_k) = 2^(p − e) (σ S f): fold −2^(p − e) into x and y.
        ReducedResolvent.ScaleAndCheck(xy, exponent - _resolvent.ScaleExponent, "the Hessian-vector product");
        for (var i = 0; i < xy.Length; i++)
        {
            xy[i] = -xy[i];
        }

        var x = xy.AsSpan(0, m);
        for (var j = 0; j < n; j++)
        {
            ColumnKernels.Combine(v[j], x, xy[m + j], u, destination.Slice(j * m, m)); // column j of −(x v_kᵀ + u_k yᵀ)
        }

        return true;
    }

    /// <summary>The vectors of one application: <c>(E v_k; Eᵀ u_k)</c>, its image under S and the resolvent's workspace.</summary>
    private sealed class Scratch(ReducedResolvent resolvent)
    {
        public double[] Direction { get; } = new double[resolvent.Decomposition.RowCount + resolvent.Decomposition.ColumnCount];

        public double[] Image { get; } = new double[resolvent.Decomposition.RowCount + resolvent.Decomposition.ColumnCount];

        public ResolventWorkspace Workspace { get; } = resolvent.CreateWorkspace();
    }
}
