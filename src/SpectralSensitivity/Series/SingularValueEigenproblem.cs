using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Series;

/// <summary>
/// The singular value <c>s_k</c> of <c>A + Σ t^β E_β</c> as the eigenvalue of <c>H(A) + Σ t^β H(E_β)</c>:
/// eigenvector <c>w₀ = (u_k; v_k)/√2</c>, path terms <c>H(E_β)(x; y) = (E_β y; E_βᵀ x)</c>, resolvent from the thin SVD.
/// </summary>
internal sealed class SingularValueEigenproblem : IsolatedEigenproblem
{
    private readonly ReducedResolvent _resolvent;
    private readonly ResolventWorkspace _workspace;
    private readonly double[][] _terms;
    private readonly int _rows;
    private readonly int _columns;

    private SingularValueEigenproblem(ReducedResolvent resolvent, double[][] terms, double[] bounds, double[] eigenvector)
        : base(eigenvector, bounds, resolvent.ScaleExponent)
    {
        _resolvent = resolvent;
        _workspace = resolvent.CreateWorkspace();
        _terms = terms;
        _rows = resolvent.Decomposition.RowCount;
        _columns = resolvent.Decomposition.ColumnCount;
    }

    /// <inheritdoc/>
    public override double Eigenvalue => Math.ScaleB(_resolvent.Eigenvalue, -ValueExponent);

    /// <inheritdoc/>
    public override double Gap => _resolvent.ScaledGap;

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
        return new SingularValueEigenproblem(ReducedResolvent.At(svd, index), terms, bounds, UnitEigenvector(svd, index));
    }

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
    public override void ApplyResolvent(double[] source, double[] destination) => _resolvent.ApplyScaled(source, destination, _workspace);

    /// <inheritdoc/>
    protected override void ApplyUnscaledTerm(int term, double[] source, double[] destination) =>
        ColumnKernels.ApplyEmbedded(_terms[term - 1], _rows, _columns, source, destination);       // (E y; Eᵀ x)
}
