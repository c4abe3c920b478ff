namespace SpectralSensitivity.Series;

/// <summary>
/// Runs an expansion along a polynomial path <c>T + Σ_{ν=1}^{L} t^ν T_ν</c> in the scaled units of an
/// <see cref="IsolatedEigenproblem"/> and maps the results back: the one body behind the singular-value and the
/// symmetric-eigenvalue entry points.
/// </summary>
internal static class PathExpansion
{
    /// <summary>The expansion an entry point returns: order checked for the method, the problem built, the recursion run
    /// (and, for <see cref="ExpansionMethod.ClosedForm"/>, its coefficients replaced by the trace sum's), under the options' threads.</summary>
    public static (ScaledCoefficients Coefficients, double[][][] Vectors, double Gap, ConvergenceBound Convergence) Expand(
        Func<IsolatedEigenproblem> create, int order, IReadOnlyList<Range> blocks, SpectralOptions? options)
    {
        options ??= SpectralOptions.Default;
        var closedForm = options.Method == ExpansionMethod.ClosedForm;
        Validation.MatrixGuard.RequireOrder(order, 1, closedForm ? KatoClosedForm.MaxOrder : MaxOrder, closedForm ? ClosedFormName : RecursionName);
        return options.Run(() =>
        {
            var problem = create();
            var result = Recursion(problem, order, blocks);
            return closedForm ? result with { Coefficients = ClosedForm(problem, order).Coefficients } : result;
        });
    }

    /// <summary>Kato's closed form for an entry point: order checked, problem built, coefficients with their powers of two to true units.</summary>
    public static (ScaledCoefficients Coefficients, long TermCount, double Gap, ConvergenceBound Convergence) ClosedForm(Func<IsolatedEigenproblem> create, int order)
    {
        Validation.MatrixGuard.RequireOrder(order, 1, KatoClosedForm.MaxOrder, ClosedFormName);
        return ClosedForm(create(), order);
    }

    /// <summary>The highest order of the recursion.</summary>
    public const int MaxOrder = 100;

    private const string RecursionName = "the recursion";
    private const string ClosedFormName = "Kato's closed form";

    /// <summary>The recursion to order N: coefficients <c>c₀..c_N</c>, the eigenvector's coefficients normalised block by
    /// block (one block per range of <paramref name="blocks"/>), the gap and the convergence bound in true units, the coefficients with their powers of two to true units.</summary>
    /// <remarks>Each block of <c>w(t)</c> is normalised to unit length as a power series (u_k(t) and v_k(t) for a singular
    /// value, the eigenvector itself for a symmetric matrix); normalisation commutes with the power-of-two scaling of t.</remarks>
    public static (ScaledCoefficients Coefficients, double[][][] Vectors, double Gap, ConvergenceBound Convergence) Recursion(
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

        return (ScaledCoefficients.Of(problem, values), normalized, TrueGap(problem), ConvergenceBound.For(problem));
    }

    /// <summary>Kato's closed-form trace sum to order N (coefficients with their powers of two to true units), with the number of trace terms summed.</summary>
    public static (ScaledCoefficients Coefficients, long TermCount, double Gap, ConvergenceBound Convergence) ClosedForm(IsolatedEigenproblem problem, int order)
    {
        problem.UseBasis(new PowerMonomials(order, problem.PathDegree));
        var (values, terms) = KatoClosedForm.Run(problem, order);
        return (ScaledCoefficients.Of(problem, values), terms, TrueGap(problem), ConvergenceBound.For(problem));
    }

    private static double TrueGap(IsolatedEigenproblem problem) => Math.ScaleB(problem.Gap, problem.ValueExponent);
}
