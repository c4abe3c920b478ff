using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Results;
using SpectralSensitivity.Spectrum;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Runs the chosen algorithm and renders an expansion as a table; shared by <c>derivatives</c> and <c>eig-derivatives</c>.</summary>
internal static class Expansions
{
    /// <summary>Expands every selected <c>s_k(A + tE)</c> with the recursion or the closed form, in the order asked.</summary>
    /// <remarks>A set (not a single index) with the recursion expands every value at once in singular coordinates
    /// (<see cref="SpectrumDerivatives"/>): the same numbers as one expansion per index, to rounding.</remarks>
    public static IReadOnlyList<SpectralExpansion> OfSingularValues(ThinSingularValueDecomposition svd, Matrix<double> direction, IndexSelection selection, int order, string method)
    {
        var indices = selection.Resolve(svd.Size, "singular value");
        return selection.IsSingle || method == DerivativeMethod.ClosedForm
            ? indices.Select(k => OfSingularValue(svd, direction, k, order, method)).ToArray()
            : SpectrumDerivatives.OfSingularValues(svd, PerturbationPath.Linear(direction), order, new SpectrumExpansionOptions(indices)).Expansions;
    }

    /// <summary>Expands every selected <c>μ_k(T + tT₁)</c> with the recursion or the closed form, in the order asked.</summary>
    /// <remarks>A set with the recursion expands every value at once in eigen coordinates (<see cref="SpectrumDerivatives"/>).</remarks>
    public static IReadOnlyList<SpectralExpansion> OfEigenvalues(SymmetricEigendecomposition eig, Matrix<double> direction, IndexSelection selection, int order, string method)
    {
        var indices = selection.Resolve(eig.Size, "eigenvalue");
        return selection.IsSingle || method == DerivativeMethod.ClosedForm
            ? indices.Select(k => OfEigenvalue(eig, direction, k, order, method)).ToArray()
            : SpectrumDerivatives.OfEigenvalues(eig, PerturbationPath.Linear(direction), order, new SpectrumExpansionOptions(indices)).Expansions;
    }

    /// <summary>Expands <c>s_k(A + tE)</c> with the recursion or the closed form.</summary>
    public static SpectralExpansion OfSingularValue(ThinSingularValueDecomposition svd, Matrix<double> direction, int index, int order, string method) =>
        method == DerivativeMethod.ClosedForm
            ? SingularValueDerivatives.ClosedForm(svd, PerturbationPath.Linear(direction), index, order)
            : SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(direction), index, order);

    /// <summary>Expands <c>μ_k(T + tT₁)</c> with the recursion or the closed form.</summary>
    public static SpectralExpansion OfEigenvalue(SymmetricEigendecomposition eig, Matrix<double> direction, int index, int order, string method) =>
        method == DerivativeMethod.ClosedForm
            ? EigenvalueDerivatives.ClosedForm(eig, PerturbationPath.Linear(direction), index, order)
            : EigenvalueDerivatives.Expand(eig, PerturbationPath.Linear(direction), index, order);

    /// <summary>The closed form's trace-term count, or null for the recursion.</summary>
    public static long? TermCount(SpectralExpansion expansion) => (expansion as ClosedFormExpansion)?.TermCount;

    /// <summary>The JSON object of <c>derivatives</c> and <c>eig-derivatives</c>.</summary>
    public static ExpansionJson ToJson(SpectralExpansion expansion, string method, string refinement, bool singular, int rows, int columns, string? output = null) => new(
        expansion.Index,
        expansion.Order,
        method,
        refinement,
        singular ? expansion.Value : null,
        singular ? null : expansion.Value,
        expansion.Derivatives,
        expansion.TaylorCoefficients,
        expansion.Gap,
        expansion.Convergence.Radius,
        TermCount(expansion),
        rows,
        columns,
        expansion.Condition.Figure,
        expansion.Condition.ExpectedRelativeErrors,
        AccuracyWarning.For(expansion.Condition, $"{(singular ? "s" : "mu")}_{expansion.Index}", $"D_{expansion.Order}"),
        output);

    /// <summary>
    /// The arrays <c>--output</c> writes: <c>derivatives</c> (first), <c>taylorCoefficients</c>, and the Taylor coefficients of
    /// the vectors where the expansion has them (row j the coefficient of t^j): <c>leftVectorCoefficients</c> ((N+1) x m) and
    /// <c>rightVectorCoefficients</c> ((N+1) x n) for a singular value, <c>eigenvectorCoefficients</c> ((N+1) x n) for an eigenvalue.
    /// </summary>
    public static IReadOnlyList<OutputArray> Arrays(SpectralExpansion expansion)
    {
        var arrays = new List<OutputArray>
        {
            OutputArray.Of("derivatives", Vector<double>.Build.DenseOfEnumerable(expansion.Derivatives)),
            OutputArray.Of("taylorCoefficients", Vector<double>.Build.DenseOfEnumerable(expansion.TaylorCoefficients)),
        };
        switch (expansion)
        {
            case SingularValueExpansion singular:
                arrays.Add(OutputArray.OfRows("leftVectorCoefficients", singular.LeftVectorCoefficients));
                arrays.Add(OutputArray.OfRows("rightVectorCoefficients", singular.RightVectorCoefficients));
                break;
            case KrylovSingularValueExpansion singular:
                arrays.Add(OutputArray.OfRows("leftVectorCoefficients", singular.LeftVectorCoefficients));
                arrays.Add(OutputArray.OfRows("rightVectorCoefficients", singular.RightVectorCoefficients));
                break;
            case EigenvalueExpansion eigen:
                arrays.Add(OutputArray.OfRows("eigenvectorCoefficients", eigen.EigenvectorCoefficients));
                break;
            case KrylovEigenvalueExpansion eigen:
                arrays.Add(OutputArray.OfRows("eigenvectorCoefficients", eigen.EigenvectorCoefficients));
                break;
        }

        return arrays;
    }

    /// <summary>Prints a summary grid and the table j, D_j, c_j.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="valueName">"s_k" or "mu_k" with the index, e.g. "s_2".</param>
    /// <param name="expansion">The expansion.</param>
    /// <param name="method">The algorithm used.</param>
    public static void Render(IAnsiConsole console, string valueName, SpectralExpansion expansion, string method)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow(Markup.Escape(valueName), Number.Format(expansion.Value));
        summary.AddRow("gap d", Number.Format(expansion.Gap));
        summary.AddRow("convergence radius r0 >=", Number.Format(expansion.Convergence.Radius));
        summary.AddRow("condition figure", $"{Number.Short(expansion.Condition.Figure)} (D_{expansion.Order} expected within a relative {Number.Short(expansion.Condition.ExpectedRelativeError(expansion.Order))})");
        summary.AddRow("method", TermCount(expansion) is { } terms ? $"{method} ({terms} trace terms)" : method);
        console.Write(summary);
        console.WriteLine();

        var table = new Table().AddColumn(new TableColumn("j").RightAligned())
            .AddColumn(new TableColumn("D_j = d^j/dt^j").RightAligned())
            .AddColumn(new TableColumn("c_j = D_j / j!").RightAligned());
        for (var j = 1; j <= expansion.Order; j++)
        {
            table.AddRow(j.ToString(System.Globalization.CultureInfo.InvariantCulture), Number.Format(expansion.Derivatives[j - 1]), Number.Format(expansion.TaylorCoefficients[j]));
        }

        console.Write(table);
    }

    /// <summary>Prints the cluster and one row per branch: its index, value and D_1..D_N (and the left-sided ones for zeros).</summary>
    /// <param name="console">Where to print.</param>
    /// <param name="symbol">"s" or "mu".</param>
    /// <param name="result">The branches.</param>
    /// <param name="number">The printed index of a member (the result's own index when null; eigenvalues counted from an end map to ascending).</param>
    public static void RenderBranches(IAnsiConsole console, string symbol, ClusterBranches result, Func<int, int>? number = null)
    {
        number ??= index => index;
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("cluster", $"{symbol}_{string.Join(", ", result.Cluster.Members.Select(number).Order())} (spread {Number.Short(result.Cluster.Spread)})");
        summary.AddRow("gap d", Number.Format(result.Gap));
        summary.AddRow("convergence radius r0 >=", Number.Format(result.Convergence.Radius));
        if (result.TiedGroups.Count > 0)
        {
            summary.AddRow("tied after the last order", string.Join("; ", result.TiedGroups.Select(g => string.Join(", ", g.Select(i => $"{symbol}_{number(result.Branches[i].Index)}")))));
        }

        console.Write(summary);
        console.WriteLine();
        var table = new Table().AddColumn("branch").AddColumn(new TableColumn("value").RightAligned());
        var order = result.Branches[0].Order;
        for (var j = 1; j <= order; j++)
        {
            table.AddColumn(new TableColumn($"D_{j}").RightAligned());
        }

        foreach (var branch in result.Branches)
        {
            table.AddRow([$"{symbol}_{number(branch.Index)}", Number.Format(branch.Value), .. branch.Derivatives.Select(Number.Format)]);
            if (result.Cluster.IsZero)
            {
                table.AddRow(["  t -> 0-", "", .. branch.LeftDerivatives.Select(Number.Format)]);
            }
        }

        console.Write(table);
    }
}

/// <summary>One expansion as JSON; exactly one of <paramref name="SingularValue"/> and <paramref name="Eigenvalue"/> is set.</summary>
/// <remarks><paramref name="ConditionFigure"/> is κ = max(m, n) ε ‖A‖₂ / gap, <paramref name="ExpectedRelativeErrors"/> are (j + 1) κ for D_1..D_N,
/// <paramref name="AccuracyWarning"/> is the stderr warning (null, left out, when the expected error of D_N is under 1e-6).</remarks>
internal sealed record ExpansionJson(
    int Index,
    int Order,
    string Method,
    string Refinement,
    double? SingularValue,
    double? Eigenvalue,
    IReadOnlyList<double> Derivatives,
    IReadOnlyList<double> TaylorCoefficients,
    double Gap,
    double ConvergenceRadius,
    long? ClosedFormTermCount,
    int Rows,
    int Columns,
    double ConditionFigure,
    IReadOnlyList<double> ExpectedRelativeErrors,
    string? AccuracyWarning,
    string? Output)
{
    /// <summary>With <c>--cluster-mean</c>: the 1-based members of the cluster whose mean <see cref="Derivatives"/> are.</summary>
    public IReadOnlyList<int>? Cluster { get; init; }

    /// <summary>With <c>--cluster-mean</c>: the relative cluster tolerance used.</summary>
    public double? ClusterTolerance { get; init; }

    /// <summary>The decomposition used: "dense" or "krylov".</summary>
    public string? Decomposition { get; init; }

    /// <summary>Krylov, singular values: <c>‖A v_k − s_k u_k‖</c> of the computed triplet.</summary>
    public double? LeftResidual { get; init; }

    /// <summary>Krylov, singular values: <c>‖Aᵀ u_k − s_k v_k‖</c> of the computed triplet.</summary>
    public double? RightResidual { get; init; }

    /// <summary>Krylov, eigenvalues: <c>‖T q_k − μ_k q_k‖</c> of the computed pair.</summary>
    public double? Residual { get; init; }

    /// <summary>Krylov with <c>--cluster-mean</c>: each member's pair residual (for singular values the larger of the two).</summary>
    public IReadOnlyList<double>? MemberResiduals { get; init; }

    /// <summary>Krylov: the estimated absolute error of D_1..D_N.</summary>
    public IReadOnlyList<double>? DerivativeErrorEstimates { get; init; }

    /// <summary>Krylov: the true residual of each shifted solve (one per order; g per order for a cluster mean).</summary>
    public IReadOnlyList<double>? SolverResiduals { get; init; }

    /// <summary>Krylov: the iterations of each shifted solve.</summary>
    public IReadOnlyList<int>? SolverIterations { get; init; }
}
