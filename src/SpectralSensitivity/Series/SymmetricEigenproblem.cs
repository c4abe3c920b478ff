using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Series;

/// <summary>The eigenvalue <c>μ_k</c> of a symmetric <c>T + Σ t^ν T_ν</c> (each <c>T_ν</c> symmetric).</summary>
internal sealed class SymmetricEigenproblem : IIsolatedEigenproblem
{
    private readonly PerturbationPath _path;
    private readonly SymmetricReducedResolvent _resolvent;

    public SymmetricEigenproblem(SymmetricEigendecomposition eig, PerturbationPath path, int index)
    {
        ArgumentNullException.ThrowIfNull(eig);
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        string TermName(int nu) => path.Degree == 1 ? "direction T1" : $"path term T{nu}";
        (_, PathTermNormBounds) = path.ValidateAndBound(eig.Size, eig.Size, "T", TermName);
        for (var nu = 1; nu <= path.Degree; nu++)
        {
            MatrixGuard.RequireSymmetric(path.Terms[nu - 1], TermName(nu), SymmetricEigendecomposition.SymmetryTolerance);
        }

        _resolvent = SymmetricReducedResolvent.At(eig, index);
        Eigenvector = eig.Eigenvectors.Column(index - 1).ToArray();
    }

    public int Dimension => Eigenvector.Length;

    public double Eigenvalue => _resolvent.Eigenvalue;

    public double[] Eigenvector { get; }

    public double Gap => _resolvent.Gap;

    public int PathDegree => _path.Degree;

    public double[] PathTermNormBounds { get; }

    public void ApplyResolvent(double[] source, double[] destination) =>
        _resolvent.Apply(new DenseVector(source)).CopyTo(new DenseVector(destination));

    public void ApplyPathTerm(int degree, double[] source, double[] destination) =>
        _path.Terms[degree - 1].Multiply(new DenseVector(source), new DenseVector(destination));
}
