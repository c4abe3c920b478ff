using SpectralSensitivity.Series;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>First-order propagation of the errors of a cluster's coefficient matrices <c>M₀ … M_N</c> into the coefficients of
/// each branch that Kato's reduction process finds from them.</summary>
/// <remarks>
/// <para>The branch coefficients <c>c_{b,j}</c> are a function <c>F</c> of the entries of <c>M₀ … M_N</c>, computed by
/// <see cref="BranchReduction.Reduce"/>. With <c>ε_ν</c> an estimate of the error of every entry of <c>M_ν</c>, the first-order
/// error of a coefficient is at most <c>Σ_ν ε_ν Σ_{r,c} |∂c_{b,j}/∂(M_ν)_{rc}|</c> (the worst case over errors of size ε_ν in
/// each entry). The partial derivatives are forward differences of the reduction itself with the step
/// <c>h_ν = 2⁻⁴⁰ max(1, max|M_ν|)</c>: far below the tie tolerance of the reduction (2⁻³⁴), so a perturbed tie stays a tie and
/// the derivative is that of the computation the result came from, and far above rounding (the difference quotient keeps
/// about three digits, plenty for an error estimate).</para>
/// <para>An estimate, not a bound, like the estimate of the matrices it starts from. Cost: <c>(N + 1) g²</c> reductions of the
/// g × g problem, O(N² g⁶) at worst, negligible beside the shifted solves for the g and N used in practice.</para>
/// </remarks>
internal static class BranchErrorEstimate
{
    private const double Step = 9.094947017729282e-13;                                  // 2⁻⁴⁰

    /// <summary>The error estimate of every coefficient of every branch, in the units of the matrices.</summary>
    /// <param name="matrices">M₀ … M_N (g × g), in the units the reduction ran in.</param>
    /// <param name="branches">The branches <see cref="BranchReduction.Reduce"/> found from them, largest first (<see cref="BranchReduction.LargestFirst"/>).</param>
    /// <param name="entryErrors">ε₀ … ε_N: the estimated error of each entry of M_ν, same units.</param>
    /// <returns>For each branch (same order), the estimate for <c>c₀ … c_N</c>.</returns>
    public static double[][] Of(double[][,] matrices, double[][] branches, IReadOnlyList<double> entryErrors)
    {
        var order = matrices.Length - 1;
        var g = matrices[0].GetLength(0);
        var errors = branches.Select(_ => new double[order + 1]).ToArray();
        for (var nu = 0; nu <= order; nu++)
        {
            if (entryErrors[nu] == 0)
            {
                continue;
            }

            var largest = 0.0;
            foreach (var x in matrices[nu])
            {
                largest = Math.Max(largest, Math.Abs(x));
            }

            var step = Step * Math.Max(1.0, largest);
            for (var r = 0; r < g; r++)
            {
                for (var c = 0; c < g; c++)
                {
                    var perturbed = (double[][,])matrices.Clone();
                    perturbed[nu] = (double[,])matrices[nu].Clone();
                    perturbed[nu][r, c] += step;                                        // M_ν + h e_r e_cᵀ
                    var moved = BranchReduction.LargestFirst(BranchReduction.Reduce(perturbed));
                    for (var b = 0; b < branches.Length; b++)
                    {
                        for (var j = 0; j <= order; j++)
                        {
                            errors[b][j] += entryErrors[nu] * Math.Abs(moved[b][j] - branches[b][j]) / step;   // ε_ν |∂c_{b,j}/∂(M_ν)_{rc}|
                        }
                    }
                }
            }
        }

        return errors;
    }
}
