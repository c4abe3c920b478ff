using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The Hessian of <c>s_k</c> applied to a direction, <c>Hess s_k[E]</c> (an m × n matrix), without forming the mn × mn Hessian.</summary>
/// <remarks>
/// <para>Differentiating the gradient <c>u_k v_kᵀ</c> along E gives <c>Hess s_k[E] = u̇ v_kᵀ + u_k v̇ᵀ</c> with the
/// first-order singular-vector derivatives (a_i = u_iᵀ E v_k, b_i = u_kᵀ E v_i, c_i = s_k/(s_k² − s_i²), d_i = s_i/(s_k² − s_i²)):</para>
/// <para><c>u̇ = Σ_{i≠k} (c_i a_i + d_i b_i) u_i + (I − UUᵀ) E v_k / s_k</c>,
/// <c>v̇ = Σ_{i≠k} (c_i b_i + d_i a_i) v_i + (I − VVᵀ) Eᵀ u_k / s_k</c>.</para>
/// <para>So <c>vec(Hess s_k[E]) = Hess s_k · vec(E)</c> with vec column-major. One pass over E computes
/// <c>E v_k</c> and <c>Eᵀ u_k</c> together; then one pass over the larger of U, V (projection and recombination
/// fused column by column), two over the smaller, and one rank-two write:
/// O(mn + (m + n) r) flops, O(m + n + r) extra memory besides the result.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), second-order term of the Kato
/// expansion (Hessian section); derivation in docs/hessian.md §2 and the project notes.</para>
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

    /// <summary>Prepares the product for <c>s_k</c>.</summary>
    /// <remarks>Precomputes <c>c_i = s_k/(s_k² − s_i²)</c> and <c>d_i = s_i/(s_k² − s_i²)</c> (docs/hessian.md §2; Luo et al. 2025, notes). Cost O(r), plus a copy of U and V when they are not dense.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="Errors.SpectralIndexOutOfRangeException">k outside 1..r.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated: the Hessian does not exist.</exception>
    public static HessianVectorProduct At(ThinSingularValueDecomposition svd, int index) => new(HessianWeights.At(svd, index));

    internal static HessianVectorProduct From(HessianWeights weights) => new(weights);

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

        // u̇ = U α + E v_k / s_k and v̇ = V β + Eᵀ u_k / s_k with α_i = (c_i − 1/s_k) a_i + d_i b_i, β_i = (c_i − 1/s_k) b_i + d_i a_i
        // (the projections (I − UUᵀ)/s_k folded into the coefficients). α_i needs only a_i and b_i, so the larger factor is
        // read once (a dot and an axpy per column, the column still in cache); the smaller one twice.
        var a = new double[r];
        var b = new double[r];
        var leftRate = new double[m];
        var rightRate = new double[n];
        if (m >= n)
        {
            ColumnKernels.TransposeMultiplyColumns(w.Right, n, etu, b);                 // b_i = v_iᵀ Eᵀ u_k
            ProjectAndRecombine(w, w.Left, ev, b, a, leftRate);                         // a and u̇ in one pass over U
            RecombineOther(w, w.Right, etu, b, a, rightRate);                           // v̇
        }
        else
        {
            ColumnKernels.TransposeMultiplyColumns(w.Left, m, ev, a);                   // a_i = u_iᵀ E v_k
            ProjectAndRecombine(w, w.Right, etu, a, b, rightRate);                      // b and v̇ in one pass over V
            RecombineOther(w, w.Left, ev, a, b, leftRate);                              // u̇
        }

        for (var j = 0; j < n; j++)
        {
            ColumnKernels.Combine(v[j], leftRate, rightRate[j], u, destination.Slice(j * m, m)); // u̇ v_kᵀ + u_k v̇ᵀ
        }

        return true;
    }

    /// <summary>
    /// One pass over the columns f_i of a factor (U or V): <c>p_i = f_iᵀ z</c>, then
    /// <c>rate = z/s_k + Σ_i ((c_i − 1/s_k) p_i + d_i q_i) f_i</c>, q the other factor's projections.
    /// </summary>
    private static void ProjectAndRecombine(HessianWeights w, double[] factor, double[] z, double[] other, double[] projections, double[] rate)
    {
        var rows = z.Length;
        var inverse = 1.0 / w.SingularValue;
        ColumnKernels.Combine(inverse, z, 0.0, z, rate);
        for (var i = 0; i < projections.Length; i++)
        {
            var column = factor.AsSpan(i * rows, rows);
            var p = ColumnKernels.Dot(column, z);
            projections[i] = p;
            ColumnKernels.Axpy((w.Diagonal[i] - inverse) * p + w.Cross[i] * other[i], column, rate);
        }
    }

    /// <summary><c>rate = z/s_k + Σ_i ((c_i − 1/s_k) p_i + d_i q_i) f_i</c> with the projections p of this factor already known.</summary>
    private static void RecombineOther(HessianWeights w, double[] factor, double[] z, double[] projections, double[] other, double[] rate)
    {
        var rows = z.Length;
        var inverse = 1.0 / w.SingularValue;
        ColumnKernels.Combine(inverse, z, 0.0, z, rate);
        for (var i = 0; i < projections.Length; i++)
        {
            ColumnKernels.Axpy((w.Diagonal[i] - inverse) * projections[i] + w.Cross[i] * other[i], factor.AsSpan(i * rows, rows), rate);
        }
    }

    private static bool AllFinite(double[] values) => double.IsFinite(ColumnKernels.Dot(values, values)) || values.All(double.IsFinite);
}
