using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Decomposition.Refinement;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Decomposition;

/// <summary>The thin-SVD steps of <see cref="DecompositionPipeline"/>: the backend's thin SVD of a tall or square
/// matrix, refined by one-sided Jacobi (<see cref="OneSidedJacobiRefinement"/>).</summary>
internal sealed class SingularValueFactorization : ISpectralFactorization
{
    /// <summary>The single instance.</summary>
    public static readonly SingularValueFactorization Instance = new();

    public void Check(Matrix<double> a) => MatrixGuard.RequireFinite(a, "A");

    public bool FactorsTranspose(Matrix<double> a) => a.RowCount < a.ColumnCount;

    public SpectralFactors Factor(IDecompositionBackend backend, double[] work, int rows, int columns)
    {
        var r = columns;                                                          // rows ≥ columns here
        double[] s = new double[r], u = new double[rows * r], v = new double[columns * r];
        backend.ThinSingularValueDecomposition(work, rows, columns, s, u, v);
        return new SpectralFactors(s, Matrix<double>.Build.Dense(rows, r, u), Matrix<double>.Build.Dense(columns, r, v));
    }

    public SpectralFactors Refine(double[] scaled, int rows, int columns, SpectralFactors factors)
    {
        var (u, s, v, _) = OneSidedJacobiRefinement.Refine(scaled, rows, columns, factors.FirstStorage, factors.SecondStorage);
        return new SpectralFactors(s, Matrix<double>.Build.Dense(rows, columns, u), Matrix<double>.Build.Dense(columns, columns, v));
    }

    public double[]? RefineWindow(double[] scaled, int rows, int columns, SpectralFactors factors, int first, int count, double uncertainty) =>
        SingularSubspaceRitz.Values(scaled, rows, columns, factors.SecondStorage, factors.ScaledValues.ToArray(), first, count, uncertainty);
}
