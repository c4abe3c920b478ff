using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Tests.Decomposition;

/// <summary>A factorization that delegates to a real one and records which refinements the near-tie classification asks for; it can
/// refuse every window (as an uncertifiable bound does) or fail the whole refinement (as a non-converging one does).</summary>
internal sealed class RecordingFactorization(ISpectralFactorization inner, bool refuseWindows = false, bool failWholeRefinement = false) : ISpectralFactorization
{
    /// <summary>The windows asked for: first index (0-based), count, the uncertainty β passed, rows and columns of the matrix refined.</summary>
    public List<(int First, int Count, double Uncertainty, int Rows, int Columns)> Windows { get; } = [];

    /// <summary>How often the whole decomposition was refined.</summary>
    public int WholeRefinements { get; private set; }

    public void Check(Matrix<double> a) => inner.Check(a);

    public bool FactorsTranspose(Matrix<double> a) => inner.FactorsTranspose(a);

    public SpectralFactors Factor(IDecompositionBackend backend, double[] work, int rows, int columns) => inner.Factor(backend, work, rows, columns);

    public SpectralFactors Refine(double[] scaled, int rows, int columns, SpectralFactors factors)
    {
        WholeRefinements++;
        return failWholeRefinement ? throw new RefinementFailedException("refused by the test") : inner.Refine(scaled, rows, columns, factors);
    }

    public double[]? RefineWindow(double[] scaled, int rows, int columns, SpectralFactors factors, int first, int count, double uncertainty)
    {
        Windows.Add((first, count, uncertainty, rows, columns));
        return refuseWindows ? null : inner.RefineWindow(scaled, rows, columns, factors, first, count, uncertainty);
    }
}
