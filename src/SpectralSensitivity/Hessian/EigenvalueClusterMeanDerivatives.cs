using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The gradient, the Hessian-vector product and the dense Hessian of the mean of a cluster of eigenvalues of a real
/// symmetric matrix T, <c>μ̄(T) = (1/g) Σ_{c ∈ cluster} μ_c(T)</c>, which are defined where the members are repeated.</summary>
/// <remarks>
/// <para>Derivatives are taken along symmetric directions E (the entries of T are not independent): <c>d μ̄ = (1/g) Σ_c q_cᵀ E q_c</c>,
/// so <c>∇ μ̄ = (1/g) Q_c Q_cᵀ</c>, the total eigenprojection of the cluster over g (independent of the basis chosen inside it).
/// Second order: <c>d² μ̄ [E, F] = −(2/g) Σ_c (E q_c)ᵀ S_c (F q_c)</c> with <c>S_c = Σ_{i ∉ cluster} q_i q_iᵀ/(μ_i − μ_c)</c>, the
/// reduced resolvent with the whole cluster removed at <c>μ_c</c> (Kato, Ch. II §2.3: the second coefficient of the weighted
/// mean is <c>−tr(P T₁ S T₁ P)/g</c>), so <c>Hess μ̄[E] = −(1/g) Σ_c (x_c q_cᵀ + q_c x_cᵀ)</c> with <c>x_c = S_c E q_c</c>, a symmetric
/// matrix. The dense Hessian is that of <c>T ↦ μ̄(sym T)</c> with respect to <c>vec(T)</c> (column-major, entry (i, j) at <c>i + j n</c>):
/// column (p, q) is <c>vec(Hess μ̄[sym(e_p e_qᵀ)])</c>, so <c>Hess · vec(E) = vec(Hess μ̄[E])</c> for every symmetric E, and
/// antisymmetric directions are in its kernel.</para>
/// <para>Cost: O(g n²) for the gradient, O(g n²) per product, O(g n³) plus O(g n⁴) for the dense Hessian (8 n⁴ bytes, refused
/// above the budget). Everything runs in the resolvent's scaled units (<c>T/2^e</c>) and is mapped back by powers of two, so the
/// results are exactly homogeneous.</para>
/// <para>Reference: Kato, Perturbation Theory for Linear Operators (1995), Ch. II §2.3 (weighted mean of a λ-group);
/// Magnus, Neudecker, Matrix Differential Calculus (2019), Ch. 8 §9 (first and second differentials of a simple eigenvalue).</para>
/// </remarks>
public sealed class EigenvalueClusterMeanDerivatives
{
    private readonly SymmetricEigendecomposition _eig;
    private readonly SymmetricReducedResolvent[] _resolvents;

    private EigenvalueClusterMeanDerivatives(SymmetricEigendecomposition eig, SpectralCluster cluster)
    {
        _eig = eig;
        Cluster = cluster;
        _resolvents = Enumerable.Range(cluster.First, cluster.Count)
            .Select(index => SymmetricReducedResolvent.ForCluster(eig, cluster.First, cluster.Count, eig.Factors.Values[index - 1])).ToArray();
    }

    /// <summary>The cluster whose mean this differentiates (one member for a simple eigenvalue).</summary>
    public SpectralCluster Cluster { get; }

    /// <summary>The condition of the mean's derivatives to order N: the usual figure with the cluster's gap to the rest of the spectrum.</summary>
    /// <remarks><c>ε n max|μ| / d</c> with d = <see cref="SpectralCluster.Gap"/> (see <see cref="Results.ExpansionCondition"/>); cost O(n).</remarks>
    /// <param name="order">N ≥ 1 (1 for the gradient, 2 for the Hessian and its products).</param>
    public Results.ExpansionCondition Condition(int order) =>
        Results.ExpansionCondition.Of(_eig.Size, _eig.Size, _eig.Factors.Values.ToArray().Max(Math.Abs), Cluster.Gap, order);

    /// <summary>Prepares the derivatives of the mean of the cluster that holds <c>μ_k</c>.</summary>
    /// <remarks>Builds one reduced resolvent per member, O(g n) beyond the eigendecomposition.</remarks>
    /// <param name="eig">The eigendecomposition of T.</param>
    /// <param name="index">1-based k (ascending order), any member.</param>
    /// <param name="clusterTolerance">Relative tolerance (times <c>max|μ|</c>); null for exact repeats up to rounding.</param>
    /// <exception cref="Errors.SpectralIndexOutOfRangeException">k outside 1..n.</exception>
    public static EigenvalueClusterMeanDerivatives At(SymmetricEigendecomposition eig, int index, double? clusterTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(eig);
        MatrixGuard.RequireIndex(index, eig.Size, "eigenvalue");
        return new EigenvalueClusterMeanDerivatives(eig, eig.Cluster(index, clusterTolerance));
    }

    /// <summary>Returns <c>∇ μ̄ = (1/g) Q_c Q_cᵀ</c> (n × n, symmetric).</summary>
    /// <remarks>Cost O(g n²).</remarks>
    public Matrix<double> Gradient()
    {
        var q = _eig.Vectors.SubMatrix(0, _eig.Size, Cluster.First - 1, Cluster.Count);
        return q.TransposeAndMultiply(q) / Cluster.Count;                                   // (1/g) Q_c Q_cᵀ
    }

    /// <summary>Returns <c>Hess μ̄[E] = −(1/g) Σ_c (x_c q_cᵀ + q_c x_cᵀ)</c>, <c>x_c = S_c E q_c</c>: the n × n matrix whose vec is
    /// <c>Hess μ̄ · vec(E)</c>.</summary>
    /// <remarks>Formula: see the class remarks. Cost O(g n²).</remarks>
    /// <param name="direction">E, n × n, finite and symmetric.</param>
    /// <exception cref="Errors.ResultOutOfRangeException">An entry is beyond the double range.</exception>
    public Matrix<double> HessianVectorProduct(Matrix<double> direction)
    {
        var n = _eig.Size;
        MatrixGuard.RequireShape(direction, "direction E", n, n, "T");
        MatrixGuard.RequireFinite(direction, "direction E");
        MatrixGuard.RequireSymmetric(direction, "direction E", SymmetricEigendecomposition.SymmetryTolerance);
        var e = ColumnKernels.Storage(direction);
        var result = new double[n * n];
        var f = new double[n];
        var x = new double[n];
        for (var c = 0; c < Cluster.Count; c++)
        {
            var q = _eig.Vectors.Column(Cluster.First - 1 + c).ToArray();
            ColumnKernels.MultiplyColumns(e, n, q, f);                                      // E q_c
            var largest = f.Max(Math.Abs);
            if (largest == 0)
            {
                continue;
            }

            var exponent = Math.ILogB(largest);
            ReducedResolvent.ScaleAndCheck(f, -exponent, "direction E");                       // exact: E q_c / 2^p of order one
            var resolvent = _resolvents[c];
            resolvent.ApplyScaled(f, x);                                                       // σ S_c f
            ReducedResolvent.ScaleAndCheck(x, exponent - resolvent.ScaleExponent, "the Hessian-vector product of the cluster mean");
            for (var j = 0; j < n; j++)
            {
                for (var i = 0; i < n; i++)
                {
                    result[i + j * n] -= (x[i] * q[j] + q[i] * x[j]) / Cluster.Count;          // −(x_c q_cᵀ + q_c x_cᵀ)/g
                }
            }
        }

        return new DenseMatrix(n, n, result);
    }

    /// <summary>Returns the dense n² × n² Hessian of <c>T ↦ μ̄(sym T)</c> with respect to <c>vec(T)</c>.</summary>
    /// <remarks>
    /// <para>With <c>Cᶜ = −S_c</c> (one GEMM per member), column (p, q) is <c>vec(x qᵀ + q xᵀ)</c> summed over the members with
    /// <c>x = (q_c[q] Cᶜ[:,p] + q_c[p] Cᶜ[:,q]) / (2g)</c>: the entry for rows (i, j) is
    /// <c>(1/2g) Σ_c (q_c[j] q_c[q] Cᶜ[i,p] + q_c[j] q_c[p] Cᶜ[i,q] + q_c[i] q_c[q] Cᶜ[j,p] + q_c[i] q_c[p] Cᶜ[j,q])</c>.</para>
    /// <para>Cost: O(g n³) for the GEMMs plus O(g n⁴) for the fill; memory 8 n⁴ bytes.</para>
    /// </remarks>
    /// <param name="options">Memory budget; null for <see cref="HessianOptions.Default"/> (2 GiB).</param>
    /// <exception cref="HessianMemoryBudgetExceededException">The n² × n² matrix exceeds the budget.</exception>
    /// <exception cref="Errors.ResultOutOfRangeException">An entry is beyond the double range.</exception>
    public Matrix<double> Hessian(HessianOptions? options = null)
    {
        var n = _eig.Size;
        HessianBudget.Require(n, n, options);
        var size = n * n;
        var storage = GC.AllocateUninitializedArray<double>(size * size);
        var blocks = _resolvents.Select(Negated).ToArray();
        var vectors = Enumerable.Range(Cluster.First - 1, Cluster.Count).Select(i => _eig.Vectors.Column(i).ToArray()).ToArray();
        var x = new double[n];
        for (var q = 0; q < n; q++)
        {
            for (var p = 0; p < n; p++)
            {
                var column = storage.AsSpan((p + q * n) * size, size);
                column.Clear();
                for (var c = 0; c < blocks.Length; c++)
                {
                    var v = vectors[c];
                    ColumnKernels.Combine(v[q], blocks[c].AsSpan(p * n, n), v[p], blocks[c].AsSpan(q * n, n), x);   // x = C (E q_c) with E = sym(e_p e_qᵀ), times 2g
                    for (var j = 0; j < n; j++)
                    {
                        var block = column.Slice(j * n, n);
                        ColumnKernels.Axpy(v[j], x, block);                                                        // + x q_cᵀ
                        ColumnKernels.Axpy(x[j], v, block);                                                        // + q_c xᵀ
                    }
                }
            }
        }

        return new DenseMatrix(size, size, storage);
    }

    /// <summary><c>−S_c/(2g)</c> column-major: the resolvent's scaled dense form times <c>−1/(2g σ)</c>; beyond the double range refused.</summary>
    private double[] Negated(SymmetricReducedResolvent resolvent)
    {
        var values = resolvent.ScaledDense().ToColumnMajorArray();
        ReducedResolvent.ScaleAndCheck(values, -resolvent.ScaleExponent, "the Hessian");
        var weight = -0.5 / Cluster.Count;                                                      // −1/(2g)
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= weight;
        }

        return values;
    }
}
