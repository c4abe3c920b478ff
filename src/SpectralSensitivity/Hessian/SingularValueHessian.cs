using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;

using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The dense Hessian of <c>s_k</c> with respect to <c>vec(A)</c> (column-major, entry (i, j) at p = i + j m): an mn × mn symmetric matrix.</summary>
/// <remarks>
/// <para><c>Hess s_k = −2 Gᵀ S G</c> with <c>G vec(E) = (E v_k; Eᵀ u_k)/√2</c> and S the <see cref="ReducedResolvent"/> at
/// <c>s_k</c>. With S split into blocks <c>S₁₁</c> (m × m), <c>S₂₂</c> (n × n) and <c>S₁₂ = S₂₁ᵀ</c> (m × n), and
/// <c>C₁ = −S₁₁</c>, <c>C₂ = −S₂₂</c>, <c>M = −S₁₂</c>, the entry for rows (i, j) and columns (p, q) is</para>
/// <para><c>Hess[(i,j),(p,q)] = v_k[j] v_k[q] C₁[i,p] + u_k[i] u_k[p] C₂[j,q] + v_k[j] u_k[p] M[i,q] + u_k[i] v_k[q] M[p,j]</c>,</para>
/// <para>the Kronecker form <c>Σ_{i≠k} c_i (v_k⊗u_i)(v_k⊗u_i)ᵀ + Σ_{j≠k} c_j (v_j⊗u_k)(v_j⊗u_k)ᵀ + Σ_{l≠k} d_l [(v_k⊗u_l)(v_l⊗u_k)ᵀ + (v_l⊗u_k)(v_k⊗u_l)ᵀ]</c>
/// with <c>c_i = s_k/(s_k² − s_i²)</c>, <c>d_l = s_l/(s_k² − s_l²)</c> written out (the partial fractions of S are used, never
/// these quotients). The blocks come from three GEMMs on the thin factors (<see cref="ReducedResolvent"/>); column (p, q) is
/// <c>vec(x v_kᵀ + u_k yᵀ)</c> with <c>x = v_k[q] C₁[:,p] + u_k[p] M[:,q]</c>, <c>y = u_k[p] C₂[:,q] + v_k[q] M[p,:]ᵀ</c>, so each
/// entry is written once with two multiply-adds, in storage order.</para>
/// <para>Cost: O((m² + n² + mn) r) for the GEMMs plus O((mn)²) for the fill, which is memory-bound; above 8 MiB each column
/// is built in cache and written with streaming stores, so the fill moves the Hessian's bytes over the memory bus once; memory
/// 8 (mn)² bytes, refused above <see cref="HessianOptions.MemoryBudgetBytes"/>.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), the Hessian in Kronecker form.</para>
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
        HessianBudget.Require(svd.RowCount, svd.ColumnCount, options);
        return Allocated(svd, [(ReducedResolvent.At(svd, index), index)]);
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

        FillUnchecked([(ReducedResolvent.At(svd, index), index)], destination);
    }

    /// <summary>The dense Hessian of the mean <c>(1/g) Σ_c s_c</c> of the members c, each with its own reduced resolvent
    /// (the whole cluster removed, shifted to <c>s_c</c>): <c>−(2/g) Σ_c G_cᵀ S_c G_c</c>. One member: the Hessian of <c>s_k</c>.</summary>
    /// <remarks>Call <see cref="HessianBudget.Require"/> first. Cost: g times the simple GEMMs plus O(g (mn)²) for the fill.</remarks>
    internal static Matrix<double> Allocated(ThinSingularValueDecomposition svd, IReadOnlyList<(ReducedResolvent Resolvent, int Member)> members)
    {
        var size = svd.RowCount * svd.ColumnCount;
        var storage = GC.AllocateUninitializedArray<double>(size * size);
        FillUnchecked(members, storage);
        return new DenseMatrix(size, size, storage);
    }

    /// <summary>Above this many bytes of output the fill streams its columns past the cache (about a last-level cache's share per core).</summary>
    internal const double StreamingThresholdBytes = 8 * 1024 * 1024;

    /// <summary>The fill for a simple <c>s_k</c>.</summary>
    /// <param name="resolvent">S at s_k.</param>
    /// <param name="destination">The (mn)² entries, column-major.</param>
    /// <param name="streamingThresholdBytes">Output size above which columns are streamed; null never streams (tests compare both).</param>
    internal static void FillUnchecked(ReducedResolvent resolvent, Span<double> destination, double? streamingThresholdBytes = StreamingThresholdBytes) =>
        FillUnchecked([(resolvent, resolvent.Index)], destination, streamingThresholdBytes);

    /// <summary>One member's part: its blocks and singular vectors, with the weight <c>1/g</c> folded in, and its x, y.</summary>
    private sealed record MemberBlocks(double[] C1, double[] C2, double[] Mixed, double[] MixedTransposed, double[] U, double[] V, double[] X, double[] Y);

    /// <summary>The fill for the mean of the members (one member: a simple value, the same arithmetic).</summary>
    private static void FillUnchecked(IReadOnlyList<(ReducedResolvent Resolvent, int Member)> members, Span<double> destination, double? streamingThresholdBytes = StreamingThresholdBytes)
    {
        var svd = members[0].Resolvent.Decomposition;
        int m = svd.RowCount, n = svd.ColumnCount, size = m * n;
        var weight = 1.0 / members.Count;                                                        // the mean's 1/g (1 for a simple value)
        var parts = members.Select(member => Blocks(member.Resolvent, member.Member, weight)).ToArray();
        var first = parts[0];
        // Beyond the cache, each column is built in a cached scratch column and streamed out: writing the (mn)² entries
        // then moves (mn)² doubles over the memory bus instead of twice that (an ordinary store reads the line first).
        var streaming = streamingThresholdBytes is { } threshold && StreamingStore.IsSupported && sizeof(double) * (double)size * size > threshold;
        var scratch = streaming ? new double[size] : null;
        for (var q = 0; q < n; q++)
        {
            for (var p = 0; p < m; p++)
            {
                foreach (var b in parts)
                {
                    ColumnKernels.Combine(b.V[q], b.C1.AsSpan(p * m, m), b.U[p], b.Mixed.AsSpan(q * m, m), b.X);          // x = v_c[q] C₁[:,p] + u_c[p] M[:,q]
                    ColumnKernels.Combine(b.U[p], b.C2.AsSpan(q * n, n), b.V[q], b.MixedTransposed.AsSpan(p * n, n), b.Y); // y = u_c[p] C₂[:,q] + v_c[q] M[p,:]
                }

                var column = destination.Slice((p + q * m) * size, size);
                var target = scratch is null ? column : scratch.AsSpan();
                for (var j = 0; j < n; j++)
                {
                    var block = target.Slice(j * m, m);
                    ColumnKernels.Combine(first.V[j], first.X, first.Y[j], first.U, block);          // block j of vec(x v_cᵀ + u_c yᵀ)
                    for (var c = 1; c < parts.Length; c++)
                    {
                        ColumnKernels.Axpy(parts[c].V[j], parts[c].X, block);                          // + the other members' terms
                        ColumnKernels.Axpy(parts[c].Y[j], parts[c].U, block);
                    }
                }

                if (scratch is not null)
                {
                    StreamingStore.Copy(scratch, column);
                }
            }
        }

        if (streaming)
        {
            StreamingStore.Fence();
        }
    }

    /// <summary>C₁ = −S₁₁, C₂ = −S₂₂, M = −S₁₂ and Mᵀ (column-major, times the weight), from the resolvent's scaled blocks times
    /// −1/σ (exact), and the member's singular vectors.</summary>
    private static MemberBlocks Blocks(ReducedResolvent resolvent, int member, double weight)
    {
        var svd = resolvent.Decomposition;
        var (topLeft, bottomRight, topRight) = resolvent.ScaledBlocks(member);
        return new MemberBlocks(
            Negated(topLeft, resolvent.ScaleExponent, weight),
            Negated(bottomRight, resolvent.ScaleExponent, weight),
            Negated(topRight, resolvent.ScaleExponent, weight),
            Negated(topRight.Transpose(), resolvent.ScaleExponent, weight),
            svd.LeftFactor.Column(member - 1).ToArray(),
            svd.RightFactor.Column(member - 1).ToArray(),
            new double[svd.RowCount],
            new double[svd.ColumnCount]);
    }

    /// <summary>The column-major entries of <c>−w X/σ</c>; a block beyond the double range is refused.</summary>
    private static double[] Negated(Matrix<double> scaled, int exponent, double weight)
    {
        var values = scaled.ToColumnMajorArray();
        ReducedResolvent.ScaleAndCheck(values, -exponent, "the Hessian");
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = -weight * values[i];
        }

        return values;
    }
}
