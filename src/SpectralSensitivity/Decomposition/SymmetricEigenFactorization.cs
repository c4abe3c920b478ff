using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Decomposition.Refinement;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Decomposition;

/// <summary>The symmetric-eigendecomposition steps of <see cref="DecompositionPipeline"/>: the backend's symmetric
/// eigensolver (lower triangle), refined by cyclic Jacobi (<see cref="SymmetricJacobiRefinement"/>).</summary>
internal sealed class SymmetricEigenFactorization : ISpectralFactorization
{
    /// <summary>The single instance.</summary>
    public static readonly SymmetricEigenFactorization Instance = new();

    public void Check(Matrix<double> a) => MatrixGuard.RequireSymmetric(a, "T", SymmetricEigendecomposition.SymmetryTolerance);

    public bool FactorsTranspose(Matrix<double> a) => false;

    public SpectralFactors Factor(IDecompositionBackend backend, double[] work, int rows, int columns)
    {
        var values = new double[rows];
        backend.SymmetricEigendecomposition(work, rows, values);                  // work becomes Q
        return new SpectralFactors(values, Matrix<double>.Build.Dense(rows, rows, work), null);
    }

    public SpectralFactors Refine(double[] scaled, int rows, int columns, SpectralFactors factors)
    {
        var (values, vectors, _) = SymmetricJacobiRefinement.Refine(scaled, rows, factors.FirstStorage);
        return new SpectralFactors(values, Matrix<double>.Build.Dense(rows, rows, vectors), null);
    }

    public double[]? RefineWindow(double[] scaled, int rows, int columns, SpectralFactors factors, int first, int count, double uncertainty) =>
        SymmetricSubspaceRitz.Values(scaled, rows, factors.FirstStorage, factors.ScaledValues.ToArray(), first, count, uncertainty);
}
