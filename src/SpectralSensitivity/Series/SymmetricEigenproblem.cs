using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Series;

/// <summary>An eigenvalue <c>λ_k</c> of a symmetric <c>T + Σ t^β T_β</c>: eigenvector <c>q_k</c>, resolvent from the eigendecomposition.</summary>
internal sealed class SymmetricEigenproblem : IsolatedEigenproblem
{
    private readonly SymmetricReducedResolvent _resolvent;
    private readonly double[][] _terms;
    private readonly int _size;

    private SymmetricEigenproblem(SymmetricReducedResolvent resolvent, double[][] terms, double[] bounds, double[] eigenvector, int size)
        : base(eigenvector, bounds, resolvent.ScaleExponent)
    {
        _resolvent = resolvent;
        _terms = terms;
        _size = size;
    }

    /// <inheritdoc/>
    public override double Eigenvalue => Math.ScaleB(_resolvent.Eigenvalue, -ValueExponent);

    /// <inheritdoc/>
    public override double Gap => Math.ScaleB(_resolvent.Gap, -ValueExponent);

    /// <summary>The problem for <c>λ_k</c> along symmetric terms <c>T_β</c> (checked: shapes, finite entries, symmetry).</summary>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>λ_k</c> is repeated.</exception>
    public static SymmetricEigenproblem Create(SymmetricEigendecomposition eig, PerturbationPath path, int index)
    {
        ArgumentNullException.ThrowIfNull(eig);
        ArgumentNullException.ThrowIfNull(path);
        string TermName(int nu) => path.Degree == 1 ? "direction T1" : $"path term T{nu}";
        var (terms, bounds) = path.ValidateAndBound(eig.Size, eig.Size, "T", TermName);
        for (var nu = 1; nu <= path.Degree; nu++)
        {
            MatrixGuard.RequireSymmetric(path.Terms[nu - 1], TermName(nu), SymmetricEigendecomposition.SymmetryTolerance);
        }

        var resolvent = SymmetricReducedResolvent.At(eig, index);
        return new SymmetricEigenproblem(resolvent, terms, bounds, eig.Vectors.Column(index - 1).ToArray(), eig.Size);
    }

    /// <inheritdoc/>
    public override void ApplyResolvent(double[] source, double[] destination) => _resolvent.ApplyScaled(source, destination);

    /// <inheritdoc/>
    protected override void ApplyUnscaledTerm(int term, double[] source, double[] destination) =>
        ColumnKernels.MultiplyColumns(_terms[term - 1], _size, source, destination);                // T_β x
}
