namespace SpectralSensitivity.Series;

/// <summary>
/// Runs an expansion along a polynomial path <c>T + Σ_{ν=1}^{L} t^ν T_ν</c> in the scaled units of an
/// <see cref="IsolatedEigenproblem"/> and maps the results back: the one body behind the singular-value and the
/// symmetric-eigenvalue entry points.
/// </summary>
internal static class PathExpansion
{
    /// <summary>The recursion to order N: coefficients <c>c₀..c_N</c>, the eigenvector's coefficients normalised block by
    /// block (one block per range of <paramref name="blocks"/>), the gap and the convergence bound, all in true units.</summary>
    /// <remarks>Each block of <c>w(t)</c> is normalised to unit length as a power series (u_k(t) and v_k(t) for a singular
    /// value, the eigenvector itself for a symmetric matrix); normalisation commutes with the power-of-two scaling of t.</remarks>
    public static (double[] Coefficients, double[][][] Vectors, double Gap, ConvergenceBound Convergence) Recursion(
        IsolatedEigenproblem problem, int order, IReadOnlyList<Range> blocks)
    {
        problem.UseBasis(new PowerMonomials(order, problem.PathDegree));
        var (values, vectors) = PerturbationRecursion.Run(problem);
        var normalized = new double[blocks.Count][][];
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            normalized[b] = PowerSeries.Normalize(vectors.Select(v => v[block]).ToArray());
            PerturbationRecursion.RescaleVectors(problem, normalized[b]);
        }

        PerturbationRecursion.Rescale(problem, values);
        return (values, normalized, TrueGap(problem), ConvergenceBound.For(problem));
    }

    /// <summary>Kato's closed-form trace sum to order N, in true units, with the number of trace terms summed.</summary>
    public static (double[] Coefficients, long TermCount, double Gap, ConvergenceBound Convergence) ClosedForm(IsolatedEigenproblem problem, int order)
    {
        problem.UseBasis(new PowerMonomials(order, problem.PathDegree));
        var (values, terms) = KatoClosedForm.Run(problem, order);
        PerturbationRecursion.Rescale(problem, values);
        return (values, terms, TrueGap(problem), ConvergenceBound.For(problem));
    }

    private static double TrueGap(IsolatedEigenproblem problem) => Math.ScaleB(problem.Gap, problem.ValueExponent);
}
