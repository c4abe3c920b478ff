using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition.Refinement;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Decomposition;

/// <summary>The eigendecomposition <c>T = Q diag(μ) Qᵀ</c> of a real symmetric n × n matrix, eigenvalues ascending.</summary>
/// <remarks>
/// <para>Index k is 1-based with <c>μ₁ ≤ … ≤ μ_n</c> (the order of LAPACK's <c>dsyev</c>, NumPy's <c>eigh</c>).
/// Computed through MathNet.Numerics (<c>Evd(Symmetricity.Symmetric)</c>), so a native provider speeds it up.</para>
/// <para>Cost: O(n³) flops, O(n²) memory.</para>
/// </remarks>
public sealed class SymmetricEigendecomposition
{
    /// <summary>Relative asymmetry <c>|T_ij − T_ji| / ‖T‖_∞</c> above which the input is rejected.</summary>
    public const double SymmetryTolerance = 1e-12;

    private SymmetricEigendecomposition(Vector<double> eigenvalues, Matrix<double> eigenvectors, SpectralTolerances tolerances)
    {
        Eigenvalues = eigenvalues;
        Eigenvectors = eigenvectors;
        var scale = eigenvalues.AbsoluteMaximum();
        ClusterTolerance = tolerances.ClusterTolerance ?? SpectralTolerances.DefaultThreshold(Size, Size, scale);
    }

    /// <summary>The dimension n.</summary>
    public int Size => Eigenvalues.Count;

    /// <summary>Eigenvalues <c>μ₁ ≤ … ≤ μ_n</c> (<c>Eigenvalues[k-1] = μ_k</c>).</summary>
    public Vector<double> Eigenvalues { get; }

    /// <summary>Orthonormal eigenvectors <c>Q</c>, column k−1 belongs to <c>μ_k</c>.</summary>
    public Matrix<double> Eigenvectors { get; }

    /// <summary>Distance at or below which two eigenvalues count as repeated.</summary>
    public double ClusterTolerance { get; }

    /// <summary>Computes the eigendecomposition of the symmetric matrix <paramref name="t"/> in double precision.</summary>
    /// <param name="t">A finite, square, symmetric matrix (to <see cref="SymmetryTolerance"/>).</param>
    /// <param name="tolerances">The cluster tolerance; null for the default (<see cref="SpectralTolerances"/>).</param>
    /// <exception cref="InvalidSpectralInputException">Empty, non-finite, non-square or non-symmetric input.</exception>
    public static SymmetricEigendecomposition Compute(Matrix<double> t, SpectralTolerances? tolerances = null) =>
        Compute(t, DecompositionRefinement.None, tolerances);

    /// <summary>Computes the eigendecomposition of the symmetric matrix <paramref name="t"/>, refined to the exact eigenpairs
    /// rounded to double if asked.</summary>
    /// <remarks>
    /// <see cref="DecompositionRefinement.ExtendedPrecision"/> runs cyclic Jacobi sweeps in double-double arithmetic on
    /// <c>Q₀ᵀ ((T + Tᵀ)/2) Q₀</c> after the double eigendecomposition <c>(μ₀, Q₀)</c> (docs/theory.md §7). Cost O(n³)
    /// double-double operations per sweep, two sweeps.
    /// </remarks>
    /// <param name="t">A finite, square, symmetric matrix (to <see cref="SymmetryTolerance"/>).</param>
    /// <param name="refinement">Whether to refine the double-precision eigenpairs.</param>
    /// <param name="tolerances">The cluster tolerance; null for the default (<see cref="SpectralTolerances"/>).</param>
    /// <exception cref="InvalidSpectralInputException">Empty, non-finite, non-square or non-symmetric input, or an undefined refinement value.</exception>
    public static SymmetricEigendecomposition Compute(Matrix<double> t, DecompositionRefinement refinement, SpectralTolerances? tolerances = null)
    {
        MatrixGuard.RequireSymmetric(t, "T", SymmetryTolerance);
        tolerances ??= SpectralTolerances.Default;
        tolerances.Validate();
        RefinementGuard.RequireDefined(refinement);
        var exponent = PowerOfTwoScaling.ExponentFor(t);                         // exact scaling near the range's ends
        var scaled = exponent == 0 ? t : PowerOfTwoScaling.ScaledCopy(t, exponent);
        var evd = scaled.Evd(Symmetricity.Symmetric);
        var values = Vector<double>.Build.Dense(t.RowCount, i => evd.EigenValues[i].Real);
        var vectors = evd.EigenVectors;
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        if (order.Where((original, position) => original != position).Any())
        {
            values = Vector<double>.Build.Dense(values.Count, i => values[order[i]]);
            vectors = Matrix<double>.Build.Dense(vectors.RowCount, vectors.ColumnCount, (i, j) => evd.EigenVectors[i, order[j]]);
        }

        if (refinement == DecompositionRefinement.ExtendedPrecision)
        {
            var n = t.RowCount;
            var (refinedValues, refinedVectors, _) = SymmetricJacobiRefinement.Refine(ColumnKernels.Storage(scaled), n, ColumnKernels.Storage(vectors));
            values = Vector<double>.Build.Dense(refinedValues);
            vectors = Matrix<double>.Build.Dense(n, n, refinedVectors);
        }

        values.MapInplace(x => Math.ScaleB(x, exponent));
        return new SymmetricEigendecomposition(values, vectors, tolerances);
    }

    /// <summary>Returns <c>μ_k</c> for a 1-based index k (ascending order).</summary>
    public double Eigenvalue(int index)
    {
        MatrixGuard.RequireIndex(index, Size, "eigenvalue");
        return Eigenvalues[index - 1];
    }

    /// <summary>Distance <c>d = min_{i ≠ k} |μ_k − μ_i|</c> to the rest of the spectrum (+∞ for n = 1).</summary>
    public double Gap(int index)
    {
        var mu = Eigenvalue(index);
        var d = double.PositiveInfinity;
        for (var i = 0; i < Size; i++)
        {
            if (i != index - 1)
            {
                d = Math.Min(d, Math.Abs(mu - Eigenvalues[i]));
            }
        }

        return d;
    }

    /// <summary>One line: size and the eigenvalues (six significant digits, invariant culture, more than eight shortened).</summary>
    /// <returns>E.g. <c>SymmetricEigendecomposition { Size = 5, Eigenvalues = [...] }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(SymmetricEigendecomposition),
        $"Size = {Size}",
        $"Eigenvalues = {Results.ResultText.List(Eigenvalues.ToArray())}");

    /// <summary>Throws <see cref="DegenerateSpectrumException"/> unless <c>μ_k</c> is simple within tolerance.</summary>
    public void RequireIsolated(int index)
    {
        _ = Eigenvalue(index);
        SpectrumIsolation.RequireSimple(Eigenvalues, index, ClusterTolerance, "eigenvalue");
    }
}
