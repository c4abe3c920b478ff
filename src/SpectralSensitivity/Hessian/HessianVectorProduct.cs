using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Matrices;

namespace SpectralSensitivity.Hessian;

/// <summary>The Hessian of <c>s_k</c> applied to a direction, <c>Hess s_k[E]</c> (an m × n matrix), without forming the mn × mn Hessian.</summary>
/// <remarks>
/// <para>Differentiating the gradient <c>u_k v_kᵀ</c> along E gives <c>Hess s_k[E] = u̇ v_kᵀ + u_k v̇ᵀ</c> with the
/// first-order singular-vector derivatives (a_i = u_iᵀ E v_k, b_i = u_kᵀ E v_i, c_i = s_k/(s_k² − s_i²), d_i = s_i/(s_k² − s_i²)):</para>
/// <para><c>u̇ = Σ_{i≠k} (c_i a_i + d_i b_i) u_i + (I − UUᵀ) E v_k / s_k</c>,
/// <c>v̇ = Σ_{i≠k} (c_i b_i + d_i a_i) v_i + (I − VVᵀ) Eᵀ u_k / s_k</c>.</para>
/// <para>So <c>vec(Hess s_k[E]) = Hess s_k · vec(E)</c> with vec column-major. One pass over E computes
/// <c>E v_k</c> and <c>Eᵀ u_k</c> together; then two products with each of U and V and one rank-two write:
/// O(mn + (m + n) r) flops, O(m + n + r) extra memory besides the result.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), second-order term of the Kato
/// expansion (Hessian section); derivation in docs/hessian.md §3 and the project notes.</para>
/// </remarks>
public sealed class HessianVectorProduct
{
    private const string DirectionName = "direction E";
    private readonly HessianWeights _weights;

    private HessianVectorProduct(HessianWeights weights) => _weights = weights;

    /// <summary>The 1-based index k.</summary>
    public int Index => _weights.Index;

    /// <summary>m, the number of rows of A (and of every direction).</summary>
    public int RowCount => _weights.RowCount;

    /// <summary>n, the number of columns of A (and of every direction).</summary>
    public int ColumnCount => _weights.ColumnCount;

    /// <summary>Prepares the product for <c>s_k</c>. Cost O(r) plus a copy of U and V when they are not dense.</summary>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="Errors.SpectralIndexOutOfRangeException">k outside 1..r.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated: the Hessian does not exist.</exception>
    public static HessianVectorProduct At(ThinSingularValueDecomposition svd, int index) => new(HessianWeights.At(svd, index));

    internal static HessianVectorProduct From(HessianWeights weights) => new(weights);

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
        if (!ApplyUnchecked(HessianWeights.ColumnMajor(direction), destination))
        {
            MatrixGuard.RequireFinite(direction, DirectionName);
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
        return ColumnKernels.Dot(HessianWeights.ColumnMajor(first), product);
    }

    /// <summary>Returns <c>vec(E)ᵀ Hess s_k vec(E)</c> = <c>d²/dt² s_k(A + tE)</c> at t = 0.</summary>
    /// <remarks>Equals twice the second Taylor coefficient along E; cost O(mn + (m + n) r).</remarks>
    /// <param name="direction">E, m × n.</param>
    public double QuadraticForm(Matrix<double> direction) => BilinearForm(direction, direction);

    /// <summary>Writes the product; returns false (having written nothing) when E v_k or Eᵀ u_k is not finite.</summary>
    private bool ApplyUnchecked(ReadOnlySpan<double> e, Span<double> destination)
    {
        var w = _weights;
        int m = w.RowCount, n = w.ColumnCount, r = w.Size;
        var u = w.LeftVector;
        var v = w.RightVector;
        var ev = new double[m];     // E v_k
        var etu = new double[n];    // Eᵀ u_k
        for (var j = 0; j < n; j++)
        {
            var column = e.Slice(j * m, m);
            ColumnKernels.Axpy(v[j], column, ev);
            etu[j] = ColumnKernels.Dot(column, u);
        }

        if (!AllFinite(ev) || !AllFinite(etu))
        {
            return false;
        }

        var a = new double[r];
        var b = new double[r];
        ColumnKernels.TransposeMultiplyColumns(w.Left, m, ev, a);   // a_i = u_iᵀ E v_k
        ColumnKernels.TransposeMultiplyColumns(w.Right, n, etu, b); // b_i = v_iᵀ Eᵀ u_k
        var inverse = 1.0 / w.SingularValue;
        var alpha = new double[r];
        var beta = new double[r];
        for (var i = 0; i < r; i++)
        {
            // coefficients of U and V once the projections (I − UUᵀ)/s_k are folded in
            alpha[i] = w.Diagonal[i] * a[i] + w.Cross[i] * b[i] - inverse * a[i];
            beta[i] = w.Diagonal[i] * b[i] + w.Cross[i] * a[i] - inverse * b[i];
        }

        var leftRate = new double[m];   // u̇ = U α + E v_k / s_k
        var rightRate = new double[n];  // v̇ = V β + Eᵀ u_k / s_k
        ColumnKernels.MultiplyColumns(w.Left, m, alpha, leftRate);
        ColumnKernels.MultiplyColumns(w.Right, n, beta, rightRate);
        ColumnKernels.Axpy(inverse, ev, leftRate);
        ColumnKernels.Axpy(inverse, etu, rightRate);
        for (var j = 0; j < n; j++)
        {
            ColumnKernels.Combine(v[j], leftRate, rightRate[j], u, destination.Slice(j * m, m)); // u̇ v_kᵀ + u_k v̇ᵀ
        }

        return true;
    }

    private static bool AllFinite(double[] values) => double.IsFinite(ColumnKernels.Dot(values, values)) || values.All(double.IsFinite);
}
