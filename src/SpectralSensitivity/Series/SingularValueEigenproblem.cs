using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Series;

/// <summary>
/// The singular value <c>s_k</c> of <c>A + Σ t^β E_β</c> as the eigenvalue of <c>H(A) + Σ t^β H(E_β)</c>:
/// eigenvector <c>w₀ = (u_k; v_k)/√2</c>, path terms <c>H(E_β)(x; y) = (E_β y; E_βᵀ x)</c>, resolvent from the thin SVD.
/// For a cluster of singular values the eigenvectors are <c>(u_i; v_i)/√2</c> of every member i and column c uses the
/// <see cref="ReducedResolvent"/> with the whole cluster removed, at the member's own value.
/// </summary>
internal sealed class SingularValueEigenproblem : IsolatedEigenproblem
{
    private readonly ReducedResolvent[] _resolvents;
    private readonly ResolventWorkspace _workspace;
    private readonly double[][] _terms;
    private readonly int _rows;
    private readonly int _columns;

    private SingularValueEigenproblem(ReducedResolvent[] resolvents, double[][] terms, double[] bounds, double[][] eigenvectors)
        : base(eigenvectors, bounds, resolvents[0].ScaleExponent)
    {
        _resolvents = resolvents;
        _workspace = resolvents[0].CreateWorkspace();
        _terms = terms;
        _rows = resolvents[0].Decomposition.RowCount;
        _columns = resolvents[0].Decomposition.ColumnCount;
    }

    /// <inheritdoc/>
    public override double MemberEigenvalue(int member) => Math.ScaleB(Resolvent(member).Eigenvalue, -ValueExponent);

    /// <inheritdoc/>
    /// <remarks>For a group: the smallest distance from a member's value to an eigenvalue of <c>H(A)</c> outside the group.</remarks>
    public override double Gap => _resolvents.Min(r => r.ScaledGap);

    /// <summary>The problem for <c>s_k</c> along the terms <c>E_β</c> (checked: shapes, finite entries; ‖H(E)‖₂ = ‖E‖₂).</summary>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="path">The terms <c>E_β</c>: the path terms, or the directions of a multilinear form.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="termName">Names term β in messages; null for the path's own names.</param>
    public static SingularValueEigenproblem Create(ThinSingularValueDecomposition svd, PerturbationPath path, int index, Func<int, string>? termName = null)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(path);
        var (terms, bounds) = path.ValidateAndBound(svd.RowCount, svd.ColumnCount, "A", termName);
        return new SingularValueEigenproblem([ReducedResolvent.At(svd, index)], terms, bounds, [UnitEigenvector(svd, index)]);
    }

    /// <summary>The problem for a cluster of non-zero singular values <c>s_first … s_{first+g−1}</c>.</summary>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="path">The path terms.</param>
    /// <param name="cluster">The cluster (its members consecutive, none zero).</param>
    public static SingularValueEigenproblem ForCluster(ThinSingularValueDecomposition svd, PerturbationPath path, SpectralCluster cluster)
    {
        var (terms, bounds) = path.ValidateAndBound(svd.RowCount, svd.ColumnCount, "A");
        var resolvents = PerMember(cluster.Count, c => svd.Factors.Values[cluster.First - 1 + c], shift => ReducedResolvent.ForCluster(svd, cluster.First, cluster.Count, shift));
        var eigenvectors = Enumerable.Range(cluster.First, cluster.Count).Select(index => UnitEigenvector(svd, index)).ToArray();
        return new SingularValueEigenproblem(resolvents, terms, bounds, eigenvectors);
    }

    /// <summary>The problem for the eigenvalue 0 of <c>H(A)</c>: the given orthonormal basis of its kernel, S the pseudo-inverse.</summary>
    /// <param name="svd">The thin SVD of A, whose zero singular values are <c>s_first … s_r</c>.</param>
    /// <param name="terms">Column-major path terms (already validated) and their norm bounds.</param>
    /// <param name="bounds">Upper bounds on ‖E_β‖₂.</param>
    /// <param name="kernel">An orthonormal basis of the kernel of <c>H(A)</c>, vectors of length m + n.</param>
    /// <param name="first">The first zero singular value (1-based); r + 1 when A has full rank.</param>
    internal static SingularValueEigenproblem AtZero(ThinSingularValueDecomposition svd, double[][] terms, double[] bounds, double[][] kernel, int first) =>
        new([ReducedResolvent.ForCluster(svd, first, svd.Size - first + 1, 0.0)], terms, bounds, kernel);

    /// <summary><c>w₀ = (u_k; v_k)/√2</c>.</summary>
    internal static double[] UnitEigenvector(ThinSingularValueDecomposition svd, int index)
    {
        int m = svd.RowCount, n = svd.ColumnCount;
        var w0 = new double[m + n];
        var scale = 1.0 / Math.Sqrt(2.0);
        for (var i = 0; i < m; i++)
        {
            w0[i] = scale * svd.LeftFactor[i, index - 1];
        }

        for (var j = 0; j < n; j++)
        {
            w0[m + j] = scale * svd.RightFactor[j, index - 1];
        }

        return w0;
    }

    /// <inheritdoc/>
    public override void ApplyResolvent(int member, double[] source, double[] destination) =>
        Resolvent(member).ApplyScaled(source, destination, _workspace);

    /// <summary>Member c's resolvent; the zero cluster shares one (every member's shift is 0).</summary>
    private ReducedResolvent Resolvent(int member) => _resolvents[Math.Min(member, _resolvents.Length - 1)];

    /// <inheritdoc/>
    protected override void ApplyUnscaledTerm(int term, double[] source, double[] destination) =>
        ColumnKernels.ApplyEmbedded(_terms[term - 1], _rows, _columns, source, destination);       // (E y; Eᵀ x)
}
