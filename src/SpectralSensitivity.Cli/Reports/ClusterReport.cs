using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Results;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>What a report on a repeated, nearly repeated or zero s_k shows.</summary>
/// <param name="Title">Page title.</param>
/// <param name="Source">Where A and E came from and the window of t, one paragraph.</param>
/// <param name="Svd">The thin SVD of A.</param>
/// <param name="Index">The requested k.</param>
/// <param name="RelativeTolerance">The cluster tolerance relative to s_1: as given by --cluster-tolerance, or the default's (exact repeats up to rounding).</param>
/// <param name="ToleranceGiven">Whether --cluster-tolerance gave it.</param>
/// <param name="Mean">The expansion of the cluster mean; null for a zero cluster (the mean of |branch| is not analytic there).</param>
/// <param name="MeanScan">The mean's predictions against the recomputed mean; null with <paramref name="Mean"/>.</param>
/// <param name="Branches">The members' analytic branches.</param>
/// <param name="Steps">The values of t.</param>
/// <param name="Members">The members' singular values of A + tE recomputed at each t, largest first.</param>
internal sealed record ClusterReportData(
    string Title,
    string Source,
    ThinSingularValueDecomposition Svd,
    int Index,
    double RelativeTolerance,
    bool ToleranceGiven,
    ClusterMeanExpansion? Mean,
    IReadOnlyList<TaylorPoint>? MeanScan,
    ClusterBranches Branches,
    IReadOnlyList<double> Steps,
    IReadOnlyList<double[]> Members);

/// <summary>Lays out the report on a cluster: which values form it, its spread and gap, the Taylor predictions of the cluster
/// mean against the recomputed mean, and the members' branches against the recomputed members.</summary>
internal static class ClusterReport
{
    /// <summary>The page for an s_k that belongs to a cluster.</summary>
    public static string Render(ClusterReportData data)
    {
        var cluster = data.Branches.Cluster;
        var members = cluster.Members;
        var name = $"s_{members[0]}..s_{members[^1]}";
        var radius = data.Branches.Convergence.Radius;
        var page = new HtmlPage(data.Title)
            .Paragraph(data.Source)
            .Table(
                ["A", "rank", "k", "cluster", "values", "spread", "gap d", "convergence radius r0 >=", "order N"],
                [[$"{data.Svd.RowCount} x {data.Svd.ColumnCount}", Number.Format(data.Svd.Rank), Number.Format(data.Index), string.Join(", ", members),
                  string.Join(", ", cluster.Values.Select(Number.Format)), Number.Short(cluster.Spread), Number.Short(data.Branches.Gap), Number.Short(radius),
                  Number.Format(data.Branches.Branches.Count > 0 ? data.Branches.Branches[0].Order : 0)]]);
        page.Heading($"s_{data.Index} belongs to the cluster {name}")
            .Paragraph(Describe(data, name));

        var mean = data.Mean;
        page.Heading("Singular value spectrum" + (mean is null ? string.Empty : " and derivatives of the cluster mean against order"));
        if (mean is null)
        {
            page.Figures(SensitivityReport.Spectrum(data.Svd, members));
        }
        else
        {
            page.Figures(SensitivityReport.Spectrum(data.Svd, members), SensitivityReport.Derivatives(mean));
            page.Heading($"Taylor predictions of the cluster mean against the recomputed mean of {name}(A + tE)")
                .Paragraph($"The mean (1/{cluster.Count}) sum of s_c(A + tE) over the cluster is analytic in t even where the members cross; its Taylor series of orders 1..{mean.Order} " +
                           $"(c_j = tr(M_j)/{cluster.Count} from the block recursion) against the mean recomputed from a fresh SVD at each of {data.Steps.Count} values of t. " +
                           "The dashed red lines mark ±r0, r0 = d / (2 ||E||_2) with the cluster's gap d, where they fall inside the window; the grey dashed line is the rigorous error bound of order N.")
                .Figures(SensitivityReport.Predictions(data.MeanScan!, mean, "mean"), SensitivityReport.Errors(data.MeanScan!, mean))
                .Table(["j", "D_j of the mean", "c_j"], Enumerable.Range(1, mean.Order).Select(j => (IReadOnlyList<string>)[Number.Format(j), Number.Format(mean.Derivatives[j - 1]), Number.Format(mean.TaylorCoefficients[j])]));
        }

        AddBranches(page, data, name);
        page.Heading($"Hessian of s_{data.Index}")
            .Paragraph($"s_{data.Index} is not differentiable as a function of A where it is repeated or zero, so it has no Hessian there; the gradient of the cluster mean, " +
                       "(1/g) U_c V_c^T, and its Hessian-vector products exist (in the library: ClusterMeanDerivatives.At).");
        return page.Render();
    }

    private static string Describe(ClusterReportData data, string name)
    {
        var cluster = data.Branches.Cluster;
        var formed = cluster.IsZero
            ? $"it is zero (at most the zero tolerance {Number.Short(cluster.Tolerance)}), like every value of the cluster"
            : data.ToleranceGiven
                ? $"neighbouring values differ by at most the cluster tolerance {Number.Short(data.RelativeTolerance)} x s_1 = {Number.Short(cluster.Tolerance)} (--cluster-tolerance)"
                : $"its value is repeated up to rounding (neighbours within the default tolerance {Number.Short(cluster.Tolerance)})";
        var instead = cluster.IsZero
            ? "Shown instead: the signed analytic branch of each zero singular value (Rellich); s_c(A + tE) = |branch_c(t)|, so the right-sided derivatives are the branch's, the left-sided ones flip sign at odd leading order."
            : "Shown instead: the mean of the cluster, analytic in t (Kato's total projection onto the cluster), and the analytic branches of the members (Rellich), found by Kato's reduction process.";
        return $"s_{data.Index} belongs to the cluster {name} of {cluster.Count} values: {formed}. Spread (largest minus smallest member) {Number.Short(cluster.Spread)}, " +
               $"gap to the rest of the spectrum d = {Number.Short(data.Branches.Gap)}. Along A + tE the members may cross or split, so s_{data.Index} itself has no Taylor series at t = 0. {instead} " +
               "A wider --cluster-tolerance groups nearly repeated values.";
    }

    private static void AddBranches(HtmlPage page, ClusterReportData data, string name)
    {
        var result = data.Branches;
        var branches = result.Branches;
        var zero = result.Cluster.IsZero;
        var recomputed = data.Members.SelectMany(m => m).ToArray();
        var (low, high) = (recomputed.Min(), recomputed.Max());
        var pad = Math.Max(high - low, 1e-3 * Math.Max(Math.Abs(high), 1e-300)) * 0.4;
        var chart = new SvgChart($"Branches of {name}: order {(branches.Count > 0 ? branches[0].Order : 0)} against recomputed values", "t", "s_c") { YRange = (low - pad, high + pad) };
        for (var b = 0; b < branches.Count; b++)
        {
            var branch = branches[b];
            chart.Add($"branch {b + 1}", data.Steps.Select(t => (t, zero ? Math.Abs(branch.Predict(t)) : branch.Predict(t))).ToArray(), Palette.Ordered(b, branches.Count), strokeWidth: 1.6); // s_c = |signed branch| at zero
        }

        for (var c = 0; c < result.Cluster.Count; c++)
        {
            chart.Add($"s_{result.Cluster.First + c} recomputed", data.Steps.Select((t, i) => (t, data.Members[i][c])).ToArray(), Palette.Reference, dashed: true, strokeWidth: 1.2);
        }

        var tied = result.TiedGroups.Count == 0
            ? string.Empty
            : $" Branches {string.Join("; ", result.TiedGroups.Select(g => string.Join(" = ", g.Select(i => i + 1))))} agree to the last order computed: they are tied there.";
        var structural = zero && result.StructuralZeroCount > 0
            ? $" The {result.StructuralZeroCount} structural zero eigenvalues of H(A + tE) of a rectangular A stay 0 and are not singular values; they are left out."
            : string.Empty;
        var spreadOut = result.Cluster.Spread > 0 && data.ToleranceGiven
            ? " In a nearly repeated group the branches are the members' own series, which converge only for |t| of about the spread / ||E||_2: they leave the plot soon, while the mean above stays accurate."
            : string.Empty;
        page.Heading($"Analytic branches of {name}")
            .Paragraph($"Each member follows one analytic branch (largest first for small t > 0); the branches may cross, while the recomputed values (dashed) are sorted at every t.{tied}{structural}{spreadOut}")
            .Figures(SensitivityReport.MarkRadius(chart, result.Convergence.Radius, data.Steps).Render())
            .Table(
                ["branch", .. Enumerable.Range(1, branches.Count > 0 ? branches[0].Order : 0).Select(j => $"D_{j}" + (zero ? " (t -> 0+)" : string.Empty))],
                branches.Select((branch, b) => (IReadOnlyList<string>)[Number.Format(b + 1), .. branch.Derivatives.Select(Number.Format)]));
    }
}
