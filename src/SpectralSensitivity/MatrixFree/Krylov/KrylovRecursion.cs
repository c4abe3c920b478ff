using SpectralSensitivity.Series;
using SpectralSensitivity.Spectrum;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Runs the recursion on a matrix-free eigenproblem and maps everything back to the units of the caller's A and E.</summary>
/// <remarks>
/// The recursion runs in its own scaled units (<see cref="IsolatedEigenproblem"/>) on the normalised <c>A' = 2^−e A</c>,
/// <c>E' = 2^−f E</c>; the coefficient j of the caller's series is <c>2^(e + (f − e) j)</c> times that of
/// <c>A' + tE'</c> and the vector coefficients <c>2^((f − e) j)</c> times (exact). Error estimates from
/// <see cref="SolveErrorEstimate"/> are mapped the same way. With <see cref="VectorCoefficients.None"/> the recursion stops at
/// the vectors of order ⌊N/2⌋ and <see cref="WignerRule"/> gives the values above it: ⌊N/2⌋ solves instead of N.
/// </remarks>
internal static class KrylovRecursion
{
    internal sealed record Result(ScaledCoefficients Values, double[][][] Blocks, double[] DerivativeErrors, double[] VectorErrors, double Gap, ConvergenceBound Convergence,
        double[] SolverResiduals, int[] SolverIterations);

    public static Result Run(KrylovEigenproblem problem, int order, IReadOnlyList<Range> blocks, int e, int f, double normalizedNorm, double largestResidual,
        VectorCoefficients content = VectorCoefficients.Include)
    {
        var vectorOrder = content == VectorCoefficients.Include ? order : order / 2;     // w₀ … w_⌊N/2⌋ give λ up to 2⌊N/2⌋ + 1 ≥ N
        problem.UseBasis(new PowerMonomials(order, 1));
        var (values, vectors) = PerturbationRecursion.Run(problem, vectorOrder + 1);    // scaled units
        var resolvent = problem.Resolvent;
        var sigma = problem.ValueExponent;
        var directionNorm = problem.ScaledTermNormBounds[0];
        var (errors, vectorErrors) = SolveErrorEstimate.Coefficients(values, vectors, problem.Gap, Math.ScaleB(resolvent.ComplementGap, -sigma), directionNorm,
            Math.ScaleB(problem.TripletResidual, -sigma), Math.ScaleB(largestResidual, -sigma), resolvent.Residuals, problem.RightSideNorms);
        if (vectorOrder < order)
        {
            values = WignerRule.Extend(problem, values, vectors, order);
            errors = SolveErrorEstimate.WignerValues(values, vectors, errors, vectorErrors, directionNorm);
        }

        var normalized = blocks.Select(block => PowerSeries.Normalize(vectors.Select(w => w[block]).ToArray())).ToArray();
        foreach (var block in normalized)
        {
            PerturbationRecursion.RescaleVectors(problem, block);
        }

        var coefficients = ScaledCoefficients.Of(problem, values).Shifted(j => CallerExponent(e, f, j));
        for (var j = 0; j <= order; j++)
        {
            if (j <= vectorOrder)
            {
                foreach (var block in normalized)
                {
                    Operators.ReducedResolvent.ScaleAndCheck(block[j], (f - e) * j, $"the eigenvector coefficient of order {j}", j);   // w_j of A + tE = 2^((f − e) j) × that of A' + tE'
                }

                vectorErrors[j] = Math.ScaleB(vectorErrors[j], problem.Basis.CoefficientExponent(j) - sigma + ((f - e) * j));
            }

            if (j > 0)
            {
                errors[j - 1] = ScaledCoefficients.Derivative(errors[j - 1], problem.Basis.CoefficientExponent(j) + CallerExponent(e, f, j), j);   // error of the derivative j! λ_j (j! applied in scaled units)
            }
        }

        var gap = Math.ScaleB(problem.UnscaledGap, e);
        return new Result(coefficients, normalized, errors, vectorErrors, gap, ConvergenceBound.From(gap, [Math.ScaleB(normalizedNorm, f)]), [.. resolvent.Residuals], [.. resolvent.Iterations]);
    }

    /// <summary>Coefficient j of <c>A + tE</c> is <c>2^(e + (f − e) j)</c> times that of <c>A' + tE'</c>.</summary>
    public static int CallerExponent(int e, int f, int j) => e + ((f - e) * j);
}
