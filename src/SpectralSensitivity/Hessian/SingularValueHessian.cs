using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;

using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The dense Hessian of <c>s_k</c> with respect to <c>vec(A)</c> (column-major, entry (i, j) at p = i + j m): an mn × mn symmetric matrix.</summary>
/// <remarks>
/// <para>Kronecker form (full U, V, <c>s_i := 0</c> for i &gt; r):
/// <c>Hess s_k = Σ_{i≠k} c_i (v_k⊗u_i)(v_k⊗u_i)ᵀ + Σ_{j≠k} c_j (v_j⊗u_k)(v_j⊗u_k)ᵀ + Σ_{l≠k, l≤r} d_l [(v_k⊗u_l)(v_l⊗u_k)ᵀ + (v_l⊗u_k)(v_k⊗u_l)ᵀ]</c>,
/// <c>c_i = s_k/(s_k² − s_i²)</c>, <c>d_l = s_l/(s_k² − s_l²)</c>.</para>
/// <para>Assembly: three small matrices by GEMM from the thin factors,
/// <c>C₁ = U diag(c) Uᵀ + (I − UUᵀ)/s_k</c> (m × m), <c>C₂ = V diag(c) Vᵀ + (I − VVᵀ)/s_k</c> (n × n), <c>M = U diag(d) Vᵀ</c> (m × n);
/// then <c>Hess[(i,j),(p,q)] = v_k[j] v_k[q] C₁[i,p] + u_k[i] u_k[p] C₂[j,q] + v_k[j] u_k[p] M[i,q] + u_k[i] v_k[q] M[p,j]</c>.
/// Column (p, q) is <c>vec(x v_kᵀ + u_k yᵀ)</c> with <c>x = v_k[q] C₁[:,p] + u_k[p] M[:,q]</c>,
/// <c>y = u_k[p] C₂[:,q] + v_k[q] M[p,:]ᵀ</c>, so each entry is written once with two multiply-adds, in storage order.</para>
/// <para>Cost: O((m² + n² + mn) r) for the GEMMs plus O((mn)²) for the fill, which is memory-bound; memory 8 (mn)² bytes,
/// refused above <see cref="HessianOptions.MemoryBudgetBytes"/>.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), Hessian in Kronecker form (notes);
/// derivation in docs/hessian.md §3.</para>
/// </remarks>
public static class SingularValueHessian
{
    /// <summary>Bytes the dense Hessian of an m × n matrix needs: <c>8 (mn)²</c>.</summary>
    /// <remarks>An mn × mn array of doubles; compare with <see cref="HessianOptions.MemoryBudgetBytes"/> before asking for it. Cost O(1).</remarks>
    /// <param name="rows">m.</param>
    /// <param name="columns">n.</param>
    public static double RequiredBytes(int rows, int columns)
    {
        var size = (double)rows * columns;
        return sizeof(double) * size * size;
    }

    /// <summary>Computes the dense Hessian of <c>s_k</c> with respect to <c>vec(A)</c>.</summary>
    /// <remarks>Formula and cost: see the class remarks. Throws before allocating when the matrix would exceed the budget.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="options">Memory budget; null for <see cref="HessianOptions.Default"/> (2 GiB).</param>
    /// <exception cref="HessianMemoryBudgetExceededException">The mn × mn matrix exceeds the budget.</exception>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static Matrix<double> Compute(ThinSingularValueDecomposition svd, int index, HessianOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(svd);
        options ??= HessianOptions.Default;
        if (options.MemoryBudgetBytes <= 0)
        {
            throw new InvalidSpectralInputException($"the Hessian memory budget must be positive; got {options.MemoryBudgetBytes} bytes");
        }

        int m = svd.RowCount, n = svd.ColumnCount;
        var required = RequiredBytes(m, n);
        var limit = Math.Min(options.MemoryBudgetBytes, (long)Array.MaxLength * sizeof(double));
        if (required > limit)
        {
            throw new HessianMemoryBudgetExceededException(m, n, required, limit);
        }

        var weights = HessianWeights.At(svd, index);
        var size = m * n;
        var storage = GC.AllocateUninitializedArray<double>(size * size);
        FillUnchecked(weights, storage);
        return new DenseMatrix(size, size, storage);
    }

    /// <summary>Writes the dense Hessian of <c>s_k</c>, column-major mn × mn, into caller-owned storage (no budget check, no allocation of the result).</summary>
    /// <remarks>Formula and cost: see the class remarks.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="destination">At least <c>(mn)²</c> doubles; entry (row, column) at <c>row + column · mn</c>.</param>
    /// <exception cref="DimensionMismatchException"><paramref name="destination"/> is too short.</exception>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static void Fill(ThinSingularValueDecomposition svd, int index, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(svd);
        var size = (long)svd.RowCount * svd.ColumnCount;
        if (destination.Length < size * size)
        {
            throw new DimensionMismatchException($"the destination holds {destination.Length} values; the {size} x {size} Hessian needs {size * size}");
        }

        FillUnchecked(HessianWeights.At(svd, index), destination);
    }

    private static void FillUnchecked(HessianWeights w, Span<double> destination)
    {
        int m = w.RowCount, n = w.ColumnCount, size = m * n;
        var (c1, c2, mixed, mixedTransposed) = BuildBlocks(w);
        var u = w.LeftVector;
        var v = w.RightVector;
        var x = new double[m];
        var y = new double[n];
        for (var q = 0; q < n; q++)
        {
            var mixedColumn = mixed.AsSpan(q * m, m);           // M[:, q]
            var c2Column = c2.AsSpan(q * n, n);                 // C₂[:, q]
            for (var p = 0; p < m; p++)
            {
                ColumnKernels.Combine(v[q], c1.AsSpan(p * m, m), u[p], mixedColumn, x);                 // x = v_k[q] C₁[:,p] + u_k[p] M[:,q]
                ColumnKernels.Combine(u[p], c2Column, v[q], mixedTransposed.AsSpan(p * n, n), y);     // y = u_k[p] C₂[:,q] + v_k[q] M[p,:]
                var column = destination.Slice((p + q * m) * size, size);
                for (var j = 0; j < n; j++)
                {
                    ColumnKernels.Combine(v[j], x, y[j], u, column.Slice(j * m, m));               // block j of vec(x v_kᵀ + u_k yᵀ)
                }
            }
        }
    }

    /// <summary>C₁, C₂, M and Mᵀ (column-major) from three GEMMs on the thin factors.</summary>
    private static (double[] C1, double[] C2, double[] Mixed, double[] MixedTransposed) BuildBlocks(HessianWeights w)
    {
        var inverse = 1.0 / w.SingularValue;
        var left = w.Svd.LeftVectors;
        var right = w.Svd.RightVectors;
        var shifted = w.Diagonal.Select(c => c - inverse).ToArray();  // U diag(c) Uᵀ + (I − UUᵀ)/s_k = U diag(c − 1/s_k) Uᵀ + I/s_k
        var c1 = ScaleColumns(left, shifted).TransposeAndMultiply(left);
        var c2 = ScaleColumns(right, shifted).TransposeAndMultiply(right);
        for (var i = 0; i < w.RowCount; i++)
        {
            c1[i, i] += inverse;
        }

        for (var j = 0; j < w.ColumnCount; j++)
        {
            c2[j, j] += inverse;
        }

        var mixed = ScaleColumns(left, w.Cross).TransposeAndMultiply(right);
        return (ColumnKernels.Storage(c1), ColumnKernels.Storage(c2), ColumnKernels.Storage(mixed), mixed.Transpose().ToColumnMajorArray());
    }

    private static Matrix<double> ScaleColumns(Matrix<double> matrix, double[] scale)
    {
        var scaled = DenseMatrix.OfMatrix(matrix);
        for (var i = 0; i < scale.Length; i++)
        {
            var column = scaled.Values.AsSpan(i * matrix.RowCount, matrix.RowCount);
            foreach (ref var entry in column)
            {
                entry *= scale[i];
            }
        }

        return scaled;
    }
}
