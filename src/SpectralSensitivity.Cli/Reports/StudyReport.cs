using System.Globalization;
using SpectralSensitivity.Studies.Results;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>The HTML report of a study: box plots of the singular value and each derivative per k and ensemble, box plots of
/// each validation's errors (log scale), and a table of error quantiles.</summary>
internal static class StudyReport
{
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    public static string Render(StudyManifest manifest, StudySummary summary)
    {
        var page = new HtmlPage("Study of singular-value derivatives");
        page.Paragraph($"{manifest.Trials} trials of {manifest.Rows} x {manifest.Columns} ({manifest.Source}); k = {manifest.Indices}; " +
                       $"derivatives of orders 1..{manifest.Order} along each trial's direction E (unit Frobenius norm)" +
                       (manifest.Validations.Length > 0 ? $"; validated against: {manifest.Validations}." : "."));
        page.Paragraph($"Boxes: 25 % to 75 % with the median; whiskers: 5 % to 95 %; dots: min and max (when inside the axis range). Errors of exactly 0 are drawn at {SvgBoxPlot.LogFloor:0E+0}. Errors are |x - x_ref| / max(|x_ref|, j! |E|^j / gap^(j-1)) " +
                       "for the derivative of order j, and relative Frobenius or 2-norm errors for Hessians.");
        var groups = summary.Groups.Where(g => g.Ensemble != "all").ToArray();
        var ensembles = groups.Select(g => g.Ensemble).Distinct().ToArray();
        var indices = groups.Select(g => g.Index).Distinct().Order().ToArray();
        var categories = indices.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
        var errorColumns = summary.NumericColumns.Where(c => c.Contains("error", StringComparison.Ordinal)).ToArray();
        var valueColumns = summary.NumericColumns.Except(errorColumns).ToArray();

        page.Heading("Distributions per k");
        page.Figures(valueColumns.Select(c => Plot(c == "singular_value" ? "s_k" : $"{c} = d^{c[1..]} s_k / dt^{c[1..]}", c, logY: false, groups, ensembles, indices, categories)).ToArray());
        if (errorColumns.Length > 0)
        {
            page.Heading("Errors against the references (log scale)");
            page.Figures(errorColumns.Select(c => Plot(c, c, logY: true, groups, ensembles, indices, categories)).ToArray());
            page.Heading("Error quantiles");
            page.Table(
                ["ensemble", "k", "column", "count", "median", "95 %", "max"],
                summary.Groups.SelectMany(g => errorColumns.Where(g.Columns.ContainsKey).Select(c => (IReadOnlyList<string>)
                [
                    g.Ensemble, g.Index.ToString(CultureInfo.InvariantCulture), c, g.Columns[c].Count.ToString(CultureInfo.InvariantCulture),
                    E(g.Columns[c].Median), E(g.Columns[c].Q95), E(g.Columns[c].Max),
                ])));
        }

        return page.Render();
    }

    private static string Plot(string title, string column, bool logY, SummaryGroup[] groups, string[] ensembles, int[] indices, string[] categories)
    {
        var plot = new SvgBoxPlot(title, "k", column) { Categories = categories, LogY = logY };
        for (var e = 0; e < ensembles.Length; e++)
        {
            var boxes = indices.Select(k => groups.FirstOrDefault(g => g.Ensemble == ensembles[e] && g.Index == k)?.Columns.GetValueOrDefault(column)).ToArray();
            plot.Add(ensembles[e], Colors[e % Colors.Length], boxes);
        }

        return plot.Render();
    }

    private static string E(double value) => value.ToString("0.00E+00", CultureInfo.InvariantCulture);
}
