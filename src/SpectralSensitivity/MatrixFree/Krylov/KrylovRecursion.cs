using SpectralSensitivity.Series;
using SpectralSensitivity.Spectrum;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Runs the recursion on a matrix-free eigenproblem and maps everything back to the units of the caller's A and E.</summary>
/// <remarks>
/// The recursion runs in its own scaled units (<see cref="IsolatedEigenproblem"/>) on the normalised <c>A' = 2^−e A</c>,
/// <c>E' = 2^−f E</c>; the coefficient j of the caller's series is <c>2^(e + (f − e) j)</c> times that of
/// <c>A' + tE'</c> and the vector coefficients <c>2^((f − e) j)</c> times (exact). Error estimates from
/// <see cref="SolveErrorEstimate"/> are mapped the same way. With <see cref="VectorCoefficients.None"/> the recursion stops at
/// the vectors of order ⌊N/2⌋ and <see cref="WignerRule"/> gives the values above it: ⌊N/2⌋ solves instead of N. For an even N = 2n
/// the last vector <c>w_n</c> enters only <c>λ_{2n}</c>, linearly, through <c>cᵀ w_n</c> with c minus its own right-hand side b
/// (<c>λ_{2n} = w_{n−1}ᵀ T₁ w_n − Σ_{l&lt;n} λ_{n−l} w_nᵀ w_l + …</c>, <c>b = −T₁ w_{n−1} + Σ_{l&lt;n} λ_{n−l} w_l</c>), so
/// <c>cᵀ w_n = −bᵀ S b</c> is a quadratic form: its solve stops at the square root of the solver tolerance and the
/// stationary term of <see cref="DeflatedResolvent.StationaryTerms"/> corrects <c>λ_{2n}</c> to within <c>‖ρ_n‖² / d_c</c>
/// (<see cref="DeflatedResolvent.StationarySolve"/>), which replaces that solve's first-order share of the error estimate. The
/// vector <c>w_n</c> itself is then not accurate to the solver tolerance, and is not returned: the vector coefficients stop at order
/// <c>⌊(N − 1)/2⌋</c>, each as accurate as with <see cref="VectorCoefficients.Include"/>.
/// </remarks>
internal static class KrylovRecursion
{
    internal sealed record Result(ScaledCoefficients Values, double[][][] Blocks, double[] DerivativeErrors, double[] VectorErrors, double Gap, ConvergenceBound Convergence,
        double[] SolverResiduals, int[] SolverIterations);

    public static Result Run(KrylovEigenproblem problem, int order, IReadOnlyList<Range> blocks, int e, int f, double normalizedNorm, double largestResidual,
        VectorCoefficients content = VectorCoefficients.Include)
    {
        var vectorOrder = content == VectorCoefficients.Include ? order : order / 2;     // w₀ … w_⌊N/2⌋ give λ up to 2⌊N/2⌋ + 1 ≥ N
        var stationary = vectorOrder < order && order == 2 * vectorOrder;                 // w_n enters only λ_2n, as the quadratic form −bᵀ S b
        problem.UseBasis(new PowerMonomials(order, 1));
        var resolvent = problem.Resolvent;
        resolvent.StationarySolve = stationary ? vectorOrder : null;
        var (values, vectors) = PerturbationRecursion.Run(problem, vectorOrder + 1);    // scaled units
        resolvent.StationarySolve = null;
        var sigma = problem.ValueExponent;
        var directionNorm = problem.ScaledTermNormBounds[0];
        var complementGap = Math.ScaleB(resolvent.ComplementGap, -sigma);
        var residuals = resolvent.Residuals.ToArray();
        if (stationary)
        {
            residuals[vectorOrder - 1] = 0;                                               // its share of the error of λ_2n is second order, added below
        }

        var (errors, vectorErrors) = SolveErrorEstimate.Coefficients(values, vectors, problem.Gap, complementGap, directionNorm,
            Math.ScaleB(problem.TripletResidual, -sigma), Math.ScaleB(largestResidual, -sigma), residuals, problem.RightSideNorms);
        if (vectorOrder < order)
        {
            values = WignerRule.Extend(problem, values, vectors, order);
            errors = SolveErrorEstimate.WignerValues(values, vectors, errors, vectorErrors, directionNorm);
        }

        if (stationary)
        {
            var last = resolvent.Residuals[vectorOrder - 1];
            values[order] -= Math.ScaleB(resolvent.StationaryTerms[vectorOrder - 1], sigma);   // cᵀ w̃_n − z̃ᵀρ (scaled: z = 2^v z̃), within ρᵀ M⁻¹ ρ of −bᵀ S b
            errors[order - 1] += last * (last / complementGap);                          // |ρᵀ M⁻¹ ρ| ≤ ‖ρ‖² / d_c
        }

        var returned = stationary ? vectorOrder : vectorOrder + 1;                        // w_n of an even order is only good for λ_2n: not returned
        (vectors, vectorErrors) = (vectors[..returned], vectorErrors[..returned]);
        var normalized = blocks.Select(block => PowerSeries.Normalize(vectors.Select(w => w[block]).ToArray())).ToArray();
        foreach (var block in normalized)
        {
            PerturbationRecursion.RescaleVectors(problem, block);
        }

        var coefficients = ScaledCoefficients.Of(problem, values).Shifted(j => CallerExponent(e, f, j));
        for (var j = 0; j <= order; j++)
        {
            if (j < returned)
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
