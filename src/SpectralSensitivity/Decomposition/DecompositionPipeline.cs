using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Decomposition;

/// <summary>The one path every decomposition of the library takes: check, scale, factor, refine, unscale.</summary>
/// <remarks>
/// <para>1. check: <see cref="ISpectralFactorization.Check"/> (finite, non-empty, symmetric for the EVD), the tolerances and
/// the refinement value; 2. scale: <c>2^−e A</c> with e the exponent of the largest entry
/// (<see cref="PowerOfTwoScaling.ExponentFor"/>; exact, and the same array for A and <c>2^p A</c>, so every step after it is
/// exactly homogeneous whatever the backend), in the one copy (transposed for a wide SVD) the backend needs as it
/// overwrites its input; 3. factor on <see cref="DecompositionBackends.Current"/>; 4. refine in double-double if asked, else at a near tie
/// compute extended-precision classification values (<see cref="NearTieClassification"/>),
/// on the scaled matrix; 5. unscale: the values of A are <c>2^e</c> times those of the scaled matrix, and the factors are
/// the same. The scaled values and e are kept (<see cref="SpectralFactors"/>) so downstream code works on numbers of size
/// about one.</para>
/// <para>Cost: one pass over A for its largest entry, one scaled copy, the factorization (O(m n r)), the refinement if asked.</para>
/// </remarks>
internal static class DecompositionPipeline
{
    /// <summary>Runs the pipeline on <paramref name="a"/>.</summary>
    /// <exception cref="InvalidSpectralInputException">Invalid input, tolerances or refinement value, or values beyond the double range.</exception>
    /// <exception cref="DecompositionFailedException">The backend's factorization did not converge.</exception>
    public static SpectralFactors Run(Matrix<double> a, ISpectralFactorization factorization, DecompositionRefinement refinement, SpectralTolerances? tolerances)
    {
        factorization.Check(a);
        (tolerances ?? SpectralTolerances.Default).Validate();
        RefinementGuard.RequireDefined(refinement);

        var exponent = PowerOfTwoScaling.ExponentFor(a);
        var transpose = factorization.FactorsTranspose(a);
        int rows = transpose ? a.ColumnCount : a.RowCount, columns = transpose ? a.RowCount : a.ColumnCount;
        var scaled = PowerOfTwoScaling.ScaledArray(a, exponent, transpose);           // 2^−e A (or its transpose), exact

        var refine = refinement == DecompositionRefinement.ExtendedPrecision;
        var factors = factorization.Factor(DecompositionBackends.Current, refine ? (double[])scaled.Clone() : scaled, rows, columns);
        if (refine)
        {
            factors = factorization.Refine(scaled, rows, columns, factors);
        }
        else
        {
            factors = NearTieClassification.Classified(a, exponent, transpose, factorization, factors, tolerances ?? SpectralTolerances.Default);
        }

        factors = factors.WithExponent(exponent);                                    // values of A = 2^e · values of 2^−e A
        foreach (var value in factors.Values)
        {
            if (!double.IsFinite(value))
            {
                throw new InvalidSpectralInputException(
                    $"a singular value or eigenvalue of the input exceeds the double range (largest entry about 2^{exponent}); scale the input down");
            }
        }

        return transpose ? factors.Transposed() : factors;
    }
}
