using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Results;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Runs the block recursion on a matrix-free cluster and maps the mean, the matrices <c>M_j</c> and the error estimates
/// back to the units of the caller's A and E.</summary>
/// <remarks>
/// <para>The block recursion (<see cref="PerturbationRecursion.RunBlock"/>) on the normalised <c>A' = 2^−e A</c>, <c>E' = 2^−f E</c>;
/// coefficient j of the caller's series is <c>2^(e + (f − e) j)</c> times that of <c>A' + tE'</c> (exact).</para>
/// <para>Error estimate: column c of the block recursion, <c>X_j e_c = S_c(−R_j e_c + Σ_i X_{j−i} M_i e_c)</c>, is the single-vector
/// recursion with <c>|λ_i|</c> replaced by <c>‖M_i‖_F</c>; <see cref="SolveErrorEstimate"/> propagates the largest column's
/// norms, the largest solve residual and right-hand side of each order, and the largest member residual. The error of the
/// mean's coefficient is at most that of any diagonal entry of <c>M_j</c>. A first-order estimate, not a bound; cost O(N²).</para>
/// </remarks>
internal static class KrylovClusterRecursion
{
    public static KrylovClusterMeanExpansion Run(KrylovClusterEigenproblem problem, SpectralCluster cluster, int order, int e, int f, double normalizedNorm,
        double largestResidual, Func<double, ExpansionCondition> condition, IReadOnlyList<double> memberResiduals)
    {
        problem.UseBasis(new PowerMonomials(order, 1));
        var (scaled, blocks) = PerturbationRecursion.RunBlock(problem);
        var (mean, matrices) = ClusterSeries.Mean(problem, scaled);                       // coefficients of A' + tE'
        var g = problem.MemberCount;
        var sigma = problem.ValueExponent;
        var sizes = Enumerable.Range(0, order + 1).Select(j => j == 0 ? 0.0 : FrobeniusNorm(scaled[j])).ToArray();
        var widest = blocks.Select(block => block.MaxBy(v => VectorMath.Norm(v))!).ToArray();
        var residuals = Enumerable.Range(0, order).Select(j => problem.SolveResiduals.Skip(j * g).Take(g).Max()).ToArray();
        var rightSides = Enumerable.Range(0, order).Select(j => problem.RightSideNorms.Skip(j * g).Take(g).Max()).ToArray();
        var (errors, vectorErrors) = SolveErrorEstimate.Coefficients(sizes, widest, problem.Gap, Math.ScaleB(problem.ComplementGap, -sigma), problem.ScaledTermNormBounds[0],
            Math.ScaleB(problem.TripletResidual, -sigma), Math.ScaleB(largestResidual, -sigma), residuals, rightSides);
        var factorial = 1.0;
        for (var j = 0; j <= order; j++)
        {
            var exponent = e + ((f - e) * j);                                             // coefficient j of A + tE = 2^(e + (f − e) j) × that of A' + tE'
            mean[j] = Math.ScaleB(mean[j], exponent);
            matrices[j] = matrices[j].Map(x => Math.ScaleB(x, exponent));
            if (j > 0)
            {
                factorial *= j;
                errors[j - 1] = Math.ScaleB(errors[j - 1], problem.Basis.CoefficientExponent(j) + exponent) * factorial;   // error of the derivative j! tr(M_j)/g
            }
        }

        var firstOrder = blocks[1].Select(column =>
        {
            var x = (double[])column.Clone();
            Operators.ReducedResolvent.ScaleAndCheck(x, problem.Basis.CoefficientExponent(1) - sigma, "the first-order block of the cluster");   // X'₁ e_c of A' + tE'
            VectorMath.ScaleByPowerOfTwo(x, f - e);                                       // X₁ e_c of A + tE = 2^(f − e) × that of A' + tE'
            return x;
        }).ToArray();
        var firstOrderError = Math.ScaleB(vectorErrors[1], problem.Basis.CoefficientExponent(1) - sigma + (f - e));
        var gap = Math.ScaleB(problem.UnscaledGap, e);
        var expansion = new ClusterMeanExpansion(cluster, mean, matrices, gap, ConvergenceBound.From(gap, [Math.ScaleB(normalizedNorm, f)]), condition(gap));
        return new KrylovClusterMeanExpansion(expansion, errors, memberResiduals, [.. problem.SolveResiduals], [.. problem.SolveIterations])
        {
            FirstOrderBlock = firstOrder,
            FirstOrderBlockError = firstOrderError,
        };
    }

    private static double FrobeniusNorm(double[,] m)
    {
        var sum = 0.0;
        foreach (var x in m)
        {
            sum += x * x;
        }

        return Math.Sqrt(sum);
    }
}
