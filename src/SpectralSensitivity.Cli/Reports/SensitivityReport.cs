using SpectralSensitivity.Cli.Infrastructure;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Results;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>What one report shows.</summary>
/// <param name="Title">Page title.</param>
/// <param name="Source">Where A and E came from, one sentence.</param>
/// <param name="Svd">The thin SVD of A.</param>
/// <param name="Expansion">The expansion of s_k along E.</param>
/// <param name="Scan">Predictions against recomputed values over t.</param>
/// <param name="Hessian">The Hessian section: the closed-form spectrum at any size, the dense matrices for small A only.</param>
internal sealed record ReportData(string Title, string Source, ThinSingularValueDecomposition Svd, SingularValueExpansion Expansion, IReadOnlyList<TaylorPoint> Scan, HessianData Hessian);

/// <summary>The closed-form spectrum of the Hessian of s_k, and (small A only) the analytic Hessian and its finite-difference counterpart.</summary>
internal sealed record HessianData(Matrix<double>? Analytic, Matrix<double>? FiniteDifference, HessianSpectrum Spectrum);

/// <summary>Lays out the HTML report: spectrum, Taylor predictions with the convergence radius, errors, derivative magnitudes.</summary>
internal static class SensitivityReport
{
    /// <summary>The page for a simple s_k.</summary>
    public static string Render(ReportData data)
    {
        var expansion = data.Expansion;
        var k = expansion.Index;
        var radius = expansion.Convergence.Radius;
        var page = new HtmlPage(data.Title)
            .Paragraph(data.Source)
            .Table(
                ["A", "rank", $"k", $"s_{k}", "gap d", "convergence radius r0 >=", "order N"],
                [[$"{data.Svd.RowCount} x {data.Svd.ColumnCount}", Number.Format(data.Svd.Rank), Number.Format(k), Number.Format(expansion.Value), Number.Short(expansion.Gap), Number.Short(radius), Number.Format(expansion.Order)]]);

        page.Heading("Singular value spectrum and derivatives against order")
            .Paragraph($"Left: the singular values of A, s_{k} in red. Right: |D_j| = |d^j s_{k} / dt^j| grows like j! / r^j, while the Taylor coefficients " +
                       "|c_j| = |D_j| / j! decay geometrically inside the radius; the dashed line is Cauchy's bound rho / r0^j with rho = d / 2.")
            .Figures(Spectrum(data.Svd, [k]), Derivatives(expansion));
        page.Heading($"Taylor predictions of s_{k}(A + tE) against recomputed singular values")
            .Paragraph($"Orders 1..{expansion.Order} of the Taylor series at t = 0 against s_{k}(A + tE) from a fresh SVD at each of {data.Scan.Count} values of t. " +
                       "The dashed red lines mark ±r0, the guaranteed convergence radius r0 = d / (2 ||E||_2) (a lower bound: the series may converge further), where they fall inside the window; " +
                       "the grey dashed line is the rigorous error bound of order N, valid inside r0.")
            .Figures(Predictions(data.Scan, expansion, $"s_{k}"), Errors(data.Scan, expansion))
            .Table(["j", "D_j", "c_j"], Enumerable.Range(1, expansion.Order).Select(j => (IReadOnlyList<string>)[Number.Format(j), Number.Format(expansion.Derivatives[j - 1]), Number.Format(expansion.TaylorCoefficients[j])]));
        AddHessian(page, data.Hessian, data.Svd, k);

        return page.Render();
    }

    private static void AddHessian(HtmlPage page, HessianData hessian, ThinSingularValueDecomposition svd, int k)
    {
        var spectrum = hessian.Spectrum;
        var values = spectrum.Eigenpairs.Select(p => p.Value).OrderByDescending(v => v).ToArray();
        var chart = new SvgChart($"Non-zero eigenvalues of the Hessian of s_{k}", "position", "eigenvalue")
            .Add("eigenvalue", values.Select((v, i) => ((double)(i + 1), v)).ToArray(), Palette.Ordered(0, 1), markers: true)
            .Add("zero", [(1.0, 0.0), (Math.Max(2, values.Length), 0.0)], Palette.Bound, dashed: true, strokeWidth: 1);
        var size = (long)svd.RowCount * svd.ColumnCount;
        page.Heading($"Hessian of s_{k} with respect to vec(A)")
            .Paragraph($"The Hessian is {size} x {size} (vec column-major: entry (i, j) of A is coordinate i + j m). Its spectrum is known in closed form at any size: " +
                       $"eigenvalues 1/(s_{k} - s_i), 1/(s_{k} + s_i) and 1/s_{k}, rank m + n - 2 = {spectrum.Rank}, null space of dimension {spectrum.NullSpaceDimension}, " +
                       $"trace {Number.Short(spectrum.Trace)}, spectral norm {Number.Short(spectrum.SpectralNorm)}.")
            .Figures(chart.Render());
        if (hessian.Analytic is not { } analytic || hessian.FiniteDifference is not { } finiteDifference)
        {
            page.Paragraph($"Note: the dense Hessian and its finite-difference check are drawn only for A with at most {Commands.ReportCommand.MaxHessianEntries} entries " +
                           $"(A has {size}); the closed-form spectrum above is exact at every size.");
            return;
        }

        var scale = analytic.Enumerate().Max(Math.Abs);
        var difference = analytic - finiteDifference;
        var largestDifference = difference.Enumerate().Max(Math.Abs);
        page.Paragraph($"Left: the Hessian in closed form (largest entry {Number.Short(scale)}). Right: closed form minus central finite differences of the gradient " +
                       $"u_k v_k^T (relative step {FiniteDifferenceHessian.RelativeStep:G2}), on its own scale: the largest difference is {Number.Short(largestDifference)}, " +
                       "the truncation and rounding error of the finite differences.")
            .Figures(SvgHeatmap.Render("Hessian (closed form)", analytic, scale), SvgHeatmap.Render("Difference: closed form - finite differences", difference, Math.Max(largestDifference, double.Epsilon)));
    }

    /// <summary>The singular values of A with <paramref name="marked"/> (1-based) in red.</summary>
    internal static string Spectrum(ThinSingularValueDecomposition svd, IReadOnlyList<int> marked)
    {
        var values = svd.SingularValues;
        var logY = values.All(s => s > 0) && values[0] / values[^1] > 20;
        var label = marked.Count == 1 ? $"s_{marked[0]}" : $"s_{marked[0]}..s_{marked[^1]}";
        return new SvgChart("Singular values s_i of A", "i", "s_i") { LogY = logY }
            .Add("s_i", Enumerable.Range(1, svd.Size).Select(i => ((double)i, values[i - 1])).ToArray(), Palette.Ordered(0, 1), markers: true)
            .Add(label, marked.Select(i => ((double)i, values[i - 1])).ToArray(), Palette.Radius, markers: true)
            .Render();
    }

    /// <summary>The predictions of orders 1..N of <paramref name="symbol"/>(A + tE) against the recomputed values, with ±r0 marked.</summary>
    internal static string Predictions(IReadOnlyList<TaylorPoint> scan, SpectralExpansion expansion, string symbol)
    {
        var recomputed = scan.Select(p => p.Recomputed).ToArray();
        var (low, high) = (recomputed.Min(), recomputed.Max());
        var pad = Math.Max(high - low, 1e-3 * Math.Max(Math.Abs(high), 1e-300)) * 0.4;
        var chart = new SvgChart($"{symbol}(A + tE): Taylor orders 1..{expansion.Order}", "t", symbol) { YRange = (low - pad, high + pad) };
        for (var n = 1; n <= expansion.Order; n++)
        {
            chart.Add($"order {n}", scan.Select(p => (p.T, p.PredictionsByOrder[n - 1])).ToArray(), Palette.Ordered(n - 1, expansion.Order), strokeWidth: 1.3);
        }

        chart.Add("recomputed", scan.Select(p => (p.T, p.Recomputed)).ToArray(), Palette.Reference, dashed: true, strokeWidth: 2.2);
        return MarkRadius(chart, expansion.Convergence.Radius, scan.Select(p => p.T).ToArray()).Render();
    }

    /// <summary>|prediction − recomputed| of orders 1..N on a log scale, with the rigorous bound of order N.</summary>
    internal static string Errors(IReadOnlyList<TaylorPoint> scan, SpectralExpansion expansion)
    {
        var chart = new SvgChart("|prediction - recomputed|", "t", "absolute error") { LogY = true };
        for (var n = 1; n <= expansion.Order; n++)
        {
            chart.Add($"order {n}", scan.Select(p => (p.T, Math.Abs(p.PredictionsByOrder[n - 1] - p.Recomputed))).ToArray(), Palette.Ordered(n - 1, expansion.Order), strokeWidth: 1.3);
        }

        chart.Add($"bound, order {expansion.Order}", scan.Select(p => (p.T, p.ErrorBound)).ToArray(), Palette.Bound, dashed: true);
        return MarkRadius(chart, expansion.Convergence.Radius, scan.Select(p => p.T).ToArray()).Render();
    }

    /// <summary>|D_j| and |c_j| against j with Cauchy's bound rho / r0^j.</summary>
    internal static string Derivatives(SpectralExpansion expansion)
    {
        var orders = Enumerable.Range(1, expansion.Order).ToArray();
        var convergence = expansion.Convergence;
        return new SvgChart("Magnitude of derivatives and Taylor coefficients", "order j", "magnitude") { LogY = true }
            .Add("|D_j|", orders.Select(j => ((double)j, Math.Abs(expansion.Derivatives[j - 1]))).ToArray(), Palette.Ordered(0, 2), markers: true)
            .Add("|c_j|", orders.Select(j => ((double)j, Math.Abs(expansion.TaylorCoefficients[j]))).ToArray(), Palette.Ordered(1, 2), markers: true)
            .Add("rho / r0^j", orders.Select(j => ((double)j, convergence.Bound / Math.Pow(convergence.Radius, j))).ToArray(), Palette.Bound, dashed: true)
            .Render();
    }

    /// <summary>Marks <c>-r0</c> and <c>r0</c> where they fall inside the window of <paramref name="steps"/> (outside it they would only
    /// stretch the axis; the page's window sentence gives T in units of r0).</summary>
    internal static SvgChart MarkRadius(SvgChart chart, double radius, IReadOnlyList<double> steps)
    {
        var (low, high) = (steps.Min(), steps.Max());
        foreach (var (x, label) in new[] { (-radius, "-r0"), (radius, "r0") })
        {
            if (double.IsFinite(x) && x >= low && x <= high)
            {
                chart.AddVertical(x, label, Palette.Radius);
            }
        }

        return chart;
    }
}
