using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Backends;

namespace SpectralSensitivity.Decomposition;

/// <summary>The steps of <see cref="DecompositionPipeline"/> that differ between the thin SVD and the symmetric
/// eigendecomposition: what is checked, which backend routine factors, which Jacobi method refines.</summary>
internal interface ISpectralFactorization
{
    /// <summary>Throws the typed input exceptions unless <paramref name="a"/> can be factored (finite, non-empty, and
    /// whatever else the factorization needs).</summary>
    void Check(Matrix<double> a);

    /// <summary>Whether the pipeline factors <c>Aᵀ</c> instead (a wide matrix for the SVD, so refinement sees m ≥ n).</summary>
    bool FactorsTranspose(Matrix<double> a);

    /// <summary>Factors the scaled rows × columns matrix in <paramref name="work"/> (column-major, overwritten) on <paramref name="backend"/>.</summary>
    SpectralFactors Factor(IDecompositionBackend backend, double[] work, int rows, int columns);

    /// <summary>Refines <paramref name="factors"/> of the scaled matrix <paramref name="scaled"/> (not modified) in double-double.</summary>
    SpectralFactors Refine(double[] scaled, int rows, int columns, SpectralFactors factors);

    /// <summary>The values <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 (0-based, in the order of the
    /// factors) of the scaled matrix, refined in double-double on their own subspace and certified to an eighth of an ulp, given that the
    /// double values are within <paramref name="uncertainty"/> of the exact ones; null when they cannot be certified.</summary>
    double[]? RefineWindow(double[] scaled, int rows, int columns, SpectralFactors factors, int first, int count, double uncertainty);
}
