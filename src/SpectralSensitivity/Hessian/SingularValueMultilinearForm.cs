using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The symmetric multilinear form <c>Dⁿ s_k(A)[E₁, …, E_n]</c>: the mixed partial <c>∂ⁿ/∂t₁⋯∂t_n s_k(A + Σ t_i E_i)</c> at 0.</summary>
/// <remarks>
/// <para>Multi-direction recursion on the Jordan–Wielandt embedding. Expand the eigenvector and eigenvalue of
/// <c>H(A) + Σ t_i H(E_i)</c> in the monomials <c>t_S = Π_{i∈S} t_i</c>, S ⊆ {1..n} (higher powers of one t_i are never
/// needed for the mixed partial). With <c>w_∅ = (u_k; v_k)/√2</c>, <c>w₀ᵀ w_S = 0</c> for S ≠ ∅ and S the reduced resolvent:</para>
/// <para><c>λ_S = Σ_{i∈S} w₀ᵀ H(E_i) w_{S∖i}</c>,
/// <c>w_S = S(−Σ_{i∈S} H(E_i) w_{S∖i} + Σ_{∅≠R⊊S} λ_R w_{S∖R})</c>,</para>
/// <para>and <c>Dⁿ s_k[E₁..E_n] = λ_{{1..n}}</c> exactly (no factorial: each t_i appears once). It is symmetric in the E_i,
/// agrees with the straight-line recursion when all E_i are equal, and with polarization of directional derivatives;
/// it has no cancellation, unlike polarization. <c>D² s_k[E, F] = vec(E)ᵀ Hess s_k vec(F)</c>.</para>
/// <para>Cost: <c>n 2ⁿ⁻¹</c> products with some E_i and its transpose (O(mn) each), <c>2ⁿ</c> resolvent applications
/// (O((m + n) r) each) and <c>3ⁿ</c> axpys of length m + n; memory <c>2ⁿ (m + n)</c> doubles.</para>
/// <para>Reference: Kato, Ch. II §2 (multi-parameter form of the reduced-resolvent recursion); Luo, O'Riordan, McDermott,
/// JMAA 2025 (arXiv 2506.03764), Thm 3.1 along a line; derivation in docs/hessian.md §5.</para>
/// </remarks>
public static class SingularValueMultilinearForm
{
    /// <summary>The largest number of directions, n = 16 (3¹⁶ ≈ 4.3e7 axpys).</summary>
    public const int MaxOrder = 16;

    /// <summary>Computes <c>Dⁿ s_k(A)[E₁, …, E_n]</c>, n = number of directions.</summary>
    /// <remarks>Formula and cost: see the class remarks. n = 1 gives <c>u_kᵀ E₁ v_k</c>.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="directions">E₁ … E_n, each m × n, 1 ≤ n ≤ <see cref="MaxOrder"/>.</param>
    /// <exception cref="InvalidSpectralInputException">A direction has the wrong shape or a non-finite entry, or n is out of range.</exception>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    /// <exception cref="SeriesOverflowException">A coefficient overflowed double precision.</exception>
    public static double Evaluate(ThinSingularValueDecomposition svd, int index, params IReadOnlyList<Matrix<double>> directions)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(directions);
        var order = directions.Count;
        MatrixGuard.RequireOrder(order, 1, MaxOrder, "the multilinear form");
        for (var i = 0; i < order; i++)
        {
            MatrixGuard.RequireShape(directions[i], $"direction E{i + 1}", svd.RowCount, svd.ColumnCount, "A");
        }

        var resolvent = ReducedResolvent.At(svd, index);
        var storage = directions.Select(ColumnKernels.Storage).ToArray();
        return Run(svd, resolvent, storage);
    }

    private static double Run(ThinSingularValueDecomposition svd, ReducedResolvent resolvent, double[][] directions)
    {
        int m = svd.RowCount, n = svd.ColumnCount, dimension = m + n, order = directions.Length;
        var full = (1 << order) - 1;
        var w = new double[full][];
        var lambda = new double[full + 1];
        w[0] = new double[dimension];
        var scale = 1.0 / Math.Sqrt(2.0);
        for (var i = 0; i < m; i++)
        {
            w[0][i] = scale * svd.LeftVectors[i, resolvent.Index - 1];
        }

        for (var j = 0; j < n; j++)
        {
            w[0][m + j] = scale * svd.RightVectors[j, resolvent.Index - 1];
        }

        lambda[0] = resolvent.Eigenvalue;
        var workspace = resolvent.CreateWorkspace();
        var product = new double[dimension];
        var rightSide = new double[dimension];
        for (var subset = 1; subset <= full; subset++)
        {
            Array.Clear(rightSide);
            var value = 0.0;
            for (var i = 0; i < order; i++)
            {
                if ((subset & (1 << i)) == 0)
                {
                    continue;
                }

                ColumnKernels.ApplyEmbedded(directions[i], m, n, w[subset ^ (1 << i)], product);   // H(E_i) w_{S∖i}
                value += ColumnKernels.Dot(w[0], product);
                ColumnKernels.Axpy(-1.0, product, rightSide);
            }

            lambda[subset] = value;
            if (!double.IsFinite(value))
            {
                throw new SeriesOverflowException(System.Numerics.BitOperations.PopCount((uint)subset));
            }

            if (subset == full)
            {
                break;
            }

            for (var part = (subset - 1) & subset; part > 0; part = (part - 1) & subset)
            {
                ColumnKernels.Axpy(lambda[part], w[subset ^ part], rightSide);       // Σ λ_R w_{S∖R}, ∅ ≠ R ⊊ S
            }

            w[subset] = new double[dimension];
            resolvent.Apply(rightSide, w[subset], workspace);
        }

        return lambda[full];
    }
}
