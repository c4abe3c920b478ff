using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Series;

/// <summary>
/// The singular value <c>s_k</c> of <c>A + Σ t^ν E_ν</c> as the eigenvalue of <c>H(A) + Σ t^ν H(E_ν)</c>:
/// eigenvector <c>w₀ = (u_k; v_k)/√2</c>, path terms <c>H(E_ν)(x; y) = (E_ν y; E_νᵀ x)</c>.
/// </summary>
internal sealed class SingularValueEigenproblem : IIsolatedEigenproblem
{
    private readonly ThinSingularValueDecomposition _svd;
    private readonly ReducedResolvent _resolvent;
    private readonly ResolventWorkspace _workspace;
    private readonly double[][] _terms;

    public SingularValueEigenproblem(ThinSingularValueDecomposition svd, PerturbationPath path, int index)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(path);
        _svd = svd;
        (_terms, PathTermNormBounds) = path.ValidateAndBound(svd.RowCount, svd.ColumnCount, "A"); // ‖H(E)‖₂ = ‖E‖₂
        _resolvent = ReducedResolvent.At(svd, index);
        _workspace = _resolvent.CreateWorkspace();
        int m = svd.RowCount, n = svd.ColumnCount;
        Eigenvector = new double[m + n];
        var scale = 1.0 / Math.Sqrt(2.0);
        for (var i = 0; i < m; i++)
        {
            Eigenvector[i] = scale * svd.LeftVectors[i, index - 1];
        }

        for (var j = 0; j < n; j++)
        {
            Eigenvector[m + j] = scale * svd.RightVectors[j, index - 1];
        }
    }

    public int Dimension => Eigenvector.Length;

    public double Eigenvalue => _resolvent.Eigenvalue;

    public double[] Eigenvector { get; }

    public double Gap => _resolvent.Gap;

    public int PathDegree => _terms.Length;

    public double[] PathTermNormBounds { get; }

    public void ApplyResolvent(double[] source, double[] destination) => _resolvent.Apply(source, destination, _workspace);

    public void ApplyPathTerm(int degree, double[] source, double[] destination) =>
        ColumnKernels.ApplyEmbedded(_terms[degree - 1], _svd.RowCount, _svd.ColumnCount, source, destination); // (E y; Eᵀ x)
}
