using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Results;
using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Runs the block recursion on a matrix-free cluster and maps the mean, the matrices <c>M_j</c>, the branches and the error
/// estimates back to the units of the caller's A and E.</summary>
/// <remarks>
/// <para>The block recursion (<see cref="PerturbationRecursion.RunBlock"/>) on the normalised <c>A' = 2^−e A</c>, <c>E' = 2^−f E</c>;
/// coefficient j of the caller's series is <c>2^(e + (f − e) j)</c> times that of <c>A' + tE'</c> (exact).</para>
/// <para>Error estimate: column c of the block recursion, <c>X_j e_c = S_c(−R_j e_c + Σ_i X_{j−i} M_i e_c)</c>, is the single-vector
/// recursion with <c>|λ_i|</c> replaced by <c>‖M_i‖_F</c>; <see cref="SolveErrorEstimate"/> propagates the largest column's
/// norms, the largest solve residual and right-hand side of each order, and the largest member residual, and gives the error
/// of each column <c>M_j e_c = Qᵀ R_j e_c</c>, hence of each entry of <c>M_j</c>. The error of the mean's coefficient is at most
/// that of any diagonal entry; the branches' errors follow by <see cref="BranchErrorEstimate"/>. First-order estimates, not
/// bounds; cost O(N²) for the matrices, <c>(N + 1) g²</c> small reductions for the branches.</para>
/// </remarks>
internal static class KrylovClusterRecursion
{
    public static KrylovClusterMeanExpansion Run(KrylovClusterEigenproblem problem, SpectralCluster cluster, int order, int e, int f, double normalizedNorm,
        double largestResidual, Func<double, ExpansionCondition> condition, IReadOnlyList<double> memberResiduals)
    {
        var (scaled, blocks, entryErrors, vectorErrors) = Block(problem, order, largestResidual);
        var (scaledMean, matrices) = ClusterSeries.Mean(problem, scaled);                 // coefficients of A' + tE'
        var mean = scaledMean.Shifted(j => KrylovRecursion.CallerExponent(e, f, j));
        var errors = Derivatives(problem, entryErrors, e, f)[1..];
        var sigma = problem.ValueExponent;
        for (var j = 0; j <= order; j++)
        {
            var exponent = KrylovRecursion.CallerExponent(e, f, j);
            matrices[j] = matrices[j].Map(x => Math.ScaleB(x, exponent));
        }

        var firstOrder = blocks[1].Select(column =>
        {
            var x = (double[])column.Clone();
            Operators.ReducedResolvent.ScaleAndCheck(x, problem.Basis.CoefficientExponent(1) - sigma + (f - e), "the first-order block of the cluster", 1);   // X₁ e_c of A + tE = 2^(f − e) × X'₁ e_c of A' + tE'
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

    /// <summary>The branches of every member by Kato's reduction process on the matrix-free <c>M₀ … M_N</c>, the dense path's
    /// <see cref="BranchReduction"/> unchanged, with an error estimate for every derivative of every branch.</summary>
    /// <remarks>ascendingIndices: whether the members' indices grow as their values fall (eigenvalues counted from the smallest end).</remarks>
    public static KrylovClusterBranches Branches(KrylovClusterEigenproblem problem, SpectralCluster cluster, int order, int e, int f, double normalizedNorm,
        double largestResidual, Func<double, ExpansionCondition> condition, IReadOnlyList<double> memberResiduals, bool ascendingIndices)
    {
        var (scaled, _, entryErrors, _) = Block(problem, order, largestResidual);
        var branches = BranchReduction.LargestFirst(BranchReduction.Reduce(scaled));
        var errors = BranchErrorEstimate.Of(scaled, branches, [Math.ScaleB(problem.TripletResidual, -problem.ValueExponent), .. entryErrors]);
        var gap = Math.ScaleB(problem.UnscaledGap, e);
        var result = ClusterBranches.From(cluster, branch => ScaledCoefficients.Of(problem, branch).Shifted(j => KrylovRecursion.CallerExponent(e, f, j)), branches, 0, false, ascendingIndices, gap,
            ConvergenceBound.From(gap, [Math.ScaleB(normalizedNorm, f)]), condition(gap));
        var derivativeErrors = errors.Select(error => (IReadOnlyList<double>)Derivatives(problem, error[1..], e, f)[1..]).ToArray();
        return new KrylovClusterBranches(result, derivativeErrors, memberResiduals, [.. problem.SolveResiduals], [.. problem.SolveIterations]);
    }

    /// <summary>The scaled <c>M′₀ … M′_N</c> and blocks <c>X′₀ … X′_N</c>, the estimated error of every entry of <c>M′₁ … M′_N</c> (index j − 1)
    /// and of every column of <c>X′₀ … X′_N</c> (index j).</summary>
    private static (double[][,] Scaled, double[][][] Blocks, double[] EntryErrors, double[] VectorErrors) Block(KrylovClusterEigenproblem problem, int order, double largestResidual)
    {
        problem.UseBasis(new PowerMonomials(order, 1));
        var (scaled, blocks) = PerturbationRecursion.RunBlock(problem);
        var g = problem.MemberCount;
        var sigma = problem.ValueExponent;
        var sizes = Enumerable.Range(0, order + 1).Select(j => j == 0 ? 0.0 : FrobeniusNorm(scaled[j])).ToArray();
        var widest = blocks.Select(block => block.MaxBy(v => VectorMath.Norm(v))!).ToArray();
        var residuals = Enumerable.Range(0, order).Select(j => problem.SolveResiduals.Skip(j * g).Take(g).Max()).ToArray();
        var rightSides = Enumerable.Range(0, order).Select(j => problem.RightSideNorms.Skip(j * g).Take(g).Max()).ToArray();
        var (errors, vectorErrors) = SolveErrorEstimate.Coefficients(sizes, widest, problem.Gap, Math.ScaleB(problem.ComplementGap, -sigma), problem.ScaledTermNormBounds[0],
            Math.ScaleB(problem.TripletResidual, -sigma), Math.ScaleB(largestResidual, -sigma), residuals, rightSides);
        return (scaled, blocks, errors, vectorErrors);
    }

    /// <summary>Errors of scaled coefficients 1..N (index j − 1) as errors of the caller's derivatives <c>j! c_j</c>, index j (entry 0 unused).</summary>
    private static double[] Derivatives(KrylovClusterEigenproblem problem, IReadOnlyList<double> scaledErrors, int e, int f)
    {
        var result = new double[scaledErrors.Count + 1];
        for (var j = 1; j < result.Length; j++)
        {
            result[j] = ScaledCoefficients.Derivative(scaledErrors[j - 1], problem.Basis.CoefficientExponent(j) + KrylovRecursion.CallerExponent(e, f, j), j);   // error of j! c_j
        }

        return result;
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
