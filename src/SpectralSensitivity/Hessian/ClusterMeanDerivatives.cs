using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The gradient and the Hessian-vector product of the mean of a cluster of singular values,
/// <c>s̄(A) = (1/g) Σ_{c ∈ cluster} s_c(A)</c>, which are defined where the members are repeated.</summary>
/// <remarks>
/// <para>First order: <c>d s̄ = tr(M₁)/g = (1/g) Σ_c u_cᵀ E v_c</c>, so <c>∇ s̄ = (1/g) U_c V_cᵀ</c> (independent of the basis chosen
/// inside the cluster). Second order: <c>tr M₂ = −Σ_c w_cᵀ H(E) S_c H(E) w_c</c> with <c>w_c = (u_c; v_c)/√2</c> and <c>S_c</c> the
/// reduced resolvent with the whole cluster removed at <c>s_c</c> (Kato, Ch. II §2.3), so
/// <c>Hess s̄[E] = −(1/g) Σ_c (x_c v_cᵀ + u_c y_cᵀ)</c> with <c>(x_c; y_c) = S_c (E v_c; Eᵀ u_c)</c>. Unlike a simple value, the
/// partner terms <c>−s_d</c> of the other members stay in S_c: <c>(u_c v_dᵀ − u_d v_cᵀ)</c> directions see them.</para>
/// <para>Cost: O(g mn) for the gradient; O(g (mn + (m + n) r)) per product; the dense Hessian in <see cref="Hessian"/>. Everything runs in the resolvent's scaled units
/// and is mapped back by powers of two, so the results are exactly homogeneous.</para>
/// </remarks>
public sealed class ClusterMeanDerivatives
{
    private readonly ThinSingularValueDecomposition _svd;
    private readonly ReducedResolvent[] _resolvents;

    private ClusterMeanDerivatives(ThinSingularValueDecomposition svd, SpectralCluster cluster)
    {
        _svd = svd;
        Cluster = cluster;
        _resolvents = Enumerable.Range(cluster.First, cluster.Count)
            .Select(index => ReducedResolvent.ForCluster(svd, cluster.First, cluster.Count, svd.Factors.Values[index - 1])).ToArray();
    }

    /// <summary>The cluster whose mean this differentiates.</summary>
    public SpectralCluster Cluster { get; }

    /// <summary>The condition of the mean's derivatives to order N: the usual figure with the cluster's gap to the rest of the spectrum.</summary>
    /// <remarks><c>ε max(m, n) s₁ / d</c> with d = <see cref="SpectralCluster.Gap"/> (see <see cref="Results.ExpansionCondition"/>); cost O(1).</remarks>
    /// <param name="order">N ≥ 1 (1 for the gradient, 2 for the Hessian and its products).</param>
    public Results.ExpansionCondition Condition(int order) =>
        Results.ExpansionCondition.Of(_svd.RowCount, _svd.ColumnCount, _svd.Factors.Values[0], Cluster.Gap, order);

    /// <summary>Prepares the derivatives of the mean of the cluster that holds <c>s_k</c>.</summary>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k, any member.</param>
    /// <param name="clusterTolerance">Relative tolerance (times <c>s₁</c>); null for exact repeats up to rounding.</param>
    /// <exception cref="Errors.DegenerateSpectrumException">The cluster is the zero singular values (their mean is not differentiable).</exception>
    public static ClusterMeanDerivatives At(ThinSingularValueDecomposition svd, int index, double? clusterTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(svd);
        MatrixGuard.RequireIndex(index, svd.Size, "singular value");
        var cluster = svd.Cluster(index, clusterTolerance);
        if (cluster.IsZero)
        {
            throw new Errors.DegenerateSpectrumException(Errors.Degeneracy.Zero, index, 0, cluster.Members, svd.ZeroTolerance, "singular value");
        }

        return new ClusterMeanDerivatives(svd, cluster);
    }

    /// <summary>Returns <c>∇ s̄ = (1/g) U_c V_cᵀ</c> (m × n).</summary>
    /// <remarks>Cost O(g mn).</remarks>
    public Matrix<double> Gradient()
    {
        var u = _svd.LeftFactor.SubMatrix(0, _svd.RowCount, Cluster.First - 1, Cluster.Count);
        var v = _svd.RightFactor.SubMatrix(0, _svd.ColumnCount, Cluster.First - 1, Cluster.Count);
        return u.TransposeAndMultiply(v) / Cluster.Count;                                    // (1/g) U_c V_cᵀ
    }

    /// <summary>Returns <c>Hess s̄[E]</c>, the m × n matrix whose column-major vec is <c>Hess s̄ · vec(E)</c>.</summary>
    /// <remarks>Formula: see the class remarks. Cost O(g (mn + (m + n) r)).</remarks>
    /// <param name="direction">E, m × n, finite.</param>
    public Matrix<double> HessianVectorProduct(Matrix<double> direction)
    {
        int m = _svd.RowCount, n = _svd.ColumnCount;
        MatrixGuard.RequireShape(direction, "direction E", m, n, "A");
        MatrixGuard.RequireFinite(direction, "direction E");
        var e = ColumnKernels.Storage(direction);
        var result = new double[m * n];
        var w = new double[m + n];
        var f = new double[m + n];
        var xy = new double[m + n];
        for (var c = 0; c < Cluster.Count; c++)
        {
            var member = Cluster.First - 1 + c;
            for (var i = 0; i < m; i++)
            {
                w[i] = _svd.LeftFactor[i, member];
            }

            for (var j = 0; j < n; j++)
            {
                w[m + j] = _svd.RightFactor[j, member];
            }

            ColumnKernels.ApplyEmbedded(e, m, n, w, f);                                    // (E v_c; Eᵀ u_c)
            var largest = f.Max(Math.Abs);
            if (largest == 0)
            {
                continue;
            }

            var exponent = Math.ILogB(largest);
            ReducedResolvent.ScaleAndCheck(f, -exponent, "direction E");                      // exact: f / 2^p of order one
            var resolvent = _resolvents[c];
            resolvent.ApplyScaled(f, xy, resolvent.CreateWorkspace());                        // σ S_c f
            ReducedResolvent.ScaleAndCheck(xy, exponent - resolvent.ScaleExponent, "the Hessian-vector product of the cluster mean");
            for (var j = 0; j < n; j++)
            {
                for (var i = 0; i < m; i++)
                {
                    result[i + j * m] -= (xy[i] * w[m + j] + w[i] * xy[m + j]) / Cluster.Count;  // −(x_c v_cᵀ + u_c y_cᵀ)/g
                }
            }
        }

        return new DenseMatrix(m, n, result);
    }

    /// <summary>Returns the dense mn × mn Hessian of <c>s̄</c> with respect to <c>vec(A)</c> (column-major, entry (i, j) at
    /// <c>i + j m</c>).</summary>
    /// <remarks>
    /// <para><c>Hess s̄ = −(2/g) Σ_c G_cᵀ S_c G_c</c> with <c>G_c vec(E) = (E v_c; Eᵀ u_c)/√2</c> and <c>S_c</c> the reduced
    /// resolvent with the whole cluster removed at <c>s_c</c>: the entry for rows (i, j) and columns (p, q) is
    /// <c>(1/g) Σ_c (v_c[j] v_c[q] C₁ᶜ[i,p] + u_c[i] u_c[p] C₂ᶜ[j,q] + v_c[j] u_c[p] Mᶜ[i,q] + u_c[i] v_c[q] Mᶜ[p,j])</c> with
    /// <c>C₁ᶜ = −S₁₁ᶜ</c>, <c>C₂ᶜ = −S₂₂ᶜ</c>, <c>Mᶜ = −S₁₂ᶜ</c>, the blocks of <c>S_c</c> built by GEMMs on the thin factors, as for a
    /// simple value (<see cref="SingularValueHessian"/>; Kato, Ch. II §2.3, the second coefficient of the weighted mean). Each
    /// member's own partner term <c>−s_c</c> is left out (invisible to <c>G_c</c>); the other members' partners stay.</para>
    /// <para>Cost: g times three GEMMs, O(g (m² + n² + mn) r), plus O(g (mn)²) for the fill; memory 8 (mn)² bytes, refused above
    /// the budget.</para>
    /// </remarks>
    /// <param name="options">Memory budget; null for <see cref="HessianOptions.Default"/> (2 GiB).</param>
    /// <exception cref="HessianMemoryBudgetExceededException">The mn × mn matrix exceeds the budget.</exception>
    /// <exception cref="Errors.ResultOutOfRangeException">An entry is beyond the double range.</exception>
    public Matrix<double> Hessian(HessianOptions? options = null)
    {
        HessianBudget.Require(_svd.RowCount, _svd.ColumnCount, options);
        return SingularValueHessian.Allocated(_svd, [.. _resolvents.Select((resolvent, c) => (resolvent, Cluster.First + c))]);
    }
}
