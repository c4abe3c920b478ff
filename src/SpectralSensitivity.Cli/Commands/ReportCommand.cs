using System.CommandLine;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Cli.Reports;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.IO;
using SpectralSensitivity.Results;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral report</c>: a self-contained HTML page with inline SVG plots and PNG heatmaps of one singular value's sensitivity, or of its cluster when it is repeated or zero.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var matrix = CommonOptions.Matrix();
        var direction = CommonOptions.Direction(required: false, "The direction E [default: a random direction of unit Frobenius norm, see --seed]");
        var index = CommonOptions.Index(required: false);
        var order = CommonOptions.Order(required: false);
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write (atomically; never one of the inputs)", Required = true };
        var points = new Option<int>("--points", "-p") { Description = $"Values of t in the window, 2..{TaylorCommand.MaxPoints}", DefaultValueFactory = _ => 81 };
        var tMax = new Option<double?>("--t-max") { Description = "Largest t [default: T, where the largest Taylor term of order 2..N reaches 1e-3 |s_k|: T = min_j (1e-3 |s_k| / |c_j|)^(1/j)]" };
        var tMin = new Option<double?>("--t-min") { Description = "Smallest t [default: -t-max]" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random direction when --direction is not given", DefaultValueFactory = _ => 1 };
        var clusterTolerance = new ClusterOptions().Tolerance;
        var json = CommonOptions.Json();
        var command = new Command("report", "Write a self-contained HTML report (inline SVG and PNG, no network): spectrum, Taylor predictions of s_k(A + tE) against recomputed values with the convergence radius, errors, derivative magnitudes; the closed-form Hessian spectrum; for A with at most 144 entries also the Hessian heatmap and its difference from finite differences. When s_k is repeated, nearly repeated (--cluster-tolerance) or zero: its cluster, the cluster mean's Taylor predictions and the members' branches.")
        {
            matrix, direction, index, order, output, points, tMin, tMax, clusterTolerance, seed, json,
        };
        command.SetAction(parse =>
        {
            var matrixPath = parse.GetRequiredValue(matrix);
            var a = context.Inputs.Load(matrixPath, "--matrix");
            var directionPath = parse.GetValue(direction);
            var e = directionPath is null ? RandomDirection(a.RowCount, a.ColumnCount, parse.GetValue(seed)) : context.Inputs.Load(directionPath, "--direction");
            var count = parse.GetValue(points);
            if (count is < 2 or > TaylorCommand.MaxPoints)
            {
                throw new UsageException($"--points {count} is out of range: it must lie in 2..{TaylorCommand.MaxPoints}");
            }

            var outputPath = Path.GetFullPath(parse.GetRequiredValue(output));
            if (Path.GetDirectoryName(outputPath) is { } folder && !Directory.Exists(folder))
            {
                throw new UsageException($"--output: folder '{folder}' does not exist");
            }

            var svd = ThinSingularValueDecomposition.Compute(a);
            var selection = IndexSelection.Parse(parse.GetRequiredValue(index));
            var source = $"A from {context.Inputs.Describe(matrixPath)}; " +
                         (directionPath is null ? $"E a random direction with N(0, 1) entries (seed {parse.GetValue(seed)}) scaled to unit Frobenius norm." : $"E from {context.Inputs.Describe(directionPath)}.");
            var tolerance = parse.GetValue(clusterTolerance);
            var relativeTolerance = tolerance ?? (svd.SingularValue(1) > 0 ? svd.ClusterTolerance / svd.SingularValue(1) : 0);
            var range = (parse.GetValue(tMin), parse.GetValue(tMax));
            var pages = selection.Resolve(svd.Size, "singular value")
                .Select(k => svd.Cluster(k, tolerance) is { IsSimple: false } cluster
                    ? ClusterPage(context, a, e, svd, k, cluster, (tolerance, relativeTolerance), parse.GetValue(order), count, range, source)
                    : Page(context, a, e, svd, SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(e), k, parse.GetValue(order)), count, range, source))
                .ToArray(); // every page before any file
            var results = pages.Select(page =>
            {
                var path = IndexedOutput.PathFor(outputPath, selection, page.Index)!;
                AtomicFile.Write(path, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(page.Html)));
                var expansion = page.Expansion;
                var warning = AccuracyWarning.Report(context, expansion.Condition, $"s_{page.Index}", $"D_{expansion.Order}");
                var json = new
                {
                    Output = path, Bytes = new FileInfo(path).Length, page.Index, expansion.Order, SingularValue = svd.SingularValue(page.Index), ConvergenceRadius = expansion.Convergence.Radius,
                    ConditionFigure = expansion.Condition.Figure, AccuracyWarning = warning, Points = count, TMin = page.Low, TMax = page.High,
                    Cluster = page.Cluster?.Members, ClusterTolerance = page.Cluster is null ? (double?)null : relativeTolerance,
                };
                return new IndexedResult(json, () => context.WriteLine($"wrote {path}"));
            }).ToArray();
            IndexedOutput.Write(context, selection, parse.GetValue(json), results);
            return ExitCodes.Success;
        });
        return context.Examples.Add(
            command,
            "spectral report --matrix A.npy --output report.html",
            "spectral report -A A.npy -E E.npy -k 2 -N 8 -o report.html --points 201",
            "spectral report -A A.npy -k 1..3 -o report.html",
            "spectral report -A A.npy -k 2 --cluster-tolerance 1e-6 -o report.html");
    }

    /// <summary>One page: the index, the HTML, the window of t, the expansion whose figures the JSON reports (the cluster mean's, or a
    /// zero cluster's first branch) and the cluster (null for a simple value).</summary>
    private sealed record ReportPage(int Index, string Html, double Low, double High, SpectralExpansion Expansion, SpectralCluster? Cluster);

    /// <summary>The HTML report on one expansion.</summary>
    private static ReportPage Page(
        CliContext context, Matrix<double> a, Matrix<double> e, ThinSingularValueDecomposition svd, SingularValueExpansion expansion, int count, (double? Low, double? High) range, string source)
    {
        var (low, high, window) = Window(expansion, range);
        var steps = TaylorScan.Linspace(low, high, count);
        var withHessian = (long)a.RowCount * a.ColumnCount <= MaxHessianEntries;
        var work = count + (withHessian ? 2 * a.RowCount * a.ColumnCount : 0);
        var (scan, hessian) = context.WithProgress($"report on s_{expansion.Index}", work, tick =>
            (TaylorScan.Run(a, e, expansion, steps, tick), HessianSection(a, svd, expansion.Index, withHessian, tick)));
        var html = SensitivityReport.Render(new ReportData($"Sensitivity of s_{expansion.Index}", $"{source} {window}", svd, expansion, scan, hessian));
        return new ReportPage(expansion.Index, html, low, high, expansion, null);
    }

    /// <summary>The HTML report on an s_k in a cluster: the cluster mean (non-zero clusters) and the members' branches.</summary>
    private static ReportPage ClusterPage(
        CliContext context, Matrix<double> a, Matrix<double> e, ThinSingularValueDecomposition svd, int k, SpectralCluster cluster, (double? Given, double Relative) tolerance, int order, int count,
        (double? Low, double? High) range, string source)
    {
        var path = PerturbationPath.Linear(e);
        var mean = cluster.IsZero ? null : SingularValueDerivatives.ClusterMean(svd, path, k, order, tolerance.Given);
        var branches = SingularValueDerivatives.Branches(svd, path, k, order, tolerance.Given);
        SpectralExpansion figures = mean is null ? branches.Branches[0] : mean;
        var (low, high, window) = Window(figures, range);
        var steps = TaylorScan.Linspace(low, high, count);
        var values = context.WithProgress($"report on the cluster of s_{k}", count, tick => TaylorScan.SingularValues(a, e, steps, tick));
        var members = values.Select(v => v[(cluster.First - 1)..(cluster.First - 1 + cluster.Count)]).ToArray();
        var scan = mean is null ? null : TaylorScan.Compare(mean, steps, members.Select(m => m.Average()).ToArray());
        var html = ClusterReport.Render(new ClusterReportData(
            $"Sensitivity of s_{k}: the cluster s_{cluster.First}..s_{cluster.First + cluster.Count - 1}", $"{source} {window}", svd, k, tolerance.Relative, tolerance.Given is not null, mean, scan, branches, steps, members));
        return new ReportPage(k, html, low, high, figures, cluster);
    }

    /// <summary>The window of t (given, or from <see cref="ReportWindow"/>) and the sentence that describes it.</summary>
    private static (double Low, double High, string Sentence) Window(SpectralExpansion expansion, (double? Low, double? High) range)
    {
        var high = range.High ?? ReportWindow.HalfWidth(expansion);
        var low = range.Low ?? -high;
        if (!double.IsFinite(low) || !double.IsFinite(high) || low >= high)
        {
            throw new UsageException($"the range of t [{low}, {high}] is not a finite interval with --t-min < --t-max");
        }

        var sentence = range.High is null && range.Low is null
            ? $"t runs over [-T, T] with T = {Number.Short(high)} = {Number.Short(high / expansion.Convergence.Radius)} r0, where the largest Taylor term of order 2..{expansion.Order} reaches 1e-3 of the value (T = min_j (1e-3 |c_0| / |c_j|)^(1/j), or 1.5 r0 when no term applies; --t-min/--t-max override)."
            : $"t runs over [{Number.Short(low)}, {Number.Short(high)}] as given by --t-min/--t-max.";
        return (low, high, sentence);
    }

    /// <summary>The dense Hessian heatmaps (closed form, and its difference from finite differences) for a matrix with at most this many entries.</summary>
    internal const int MaxHessianEntries = 144;

    /// <summary>The closed-form spectrum always; the dense Hessian and its finite-difference check only when <paramref name="dense"/>.</summary>
    private static HessianData HessianSection(Matrix<double> a, ThinSingularValueDecomposition svd, int index, bool dense, Action tick) =>
        dense
            ? new(SingularValueHessian.Compute(svd, index), FiniteDifferenceHessian.Compute(a, index, tick), HessianSpectrum.At(svd, index))
            : new(null, null, HessianSpectrum.At(svd, index));

    /// <summary>A direction with N(0, 1) entries from a Mersenne Twister, scaled to unit Frobenius norm.</summary>
    internal static Matrix<double> RandomDirection(int rows, int columns, int seed)
    {
        var e = Matrix<double>.Build.Random(rows, columns, new Normal(0, 1, new MersenneTwister(seed)));
        return e / new SpectralSensitivity.MatrixFree.DenseMatrixOperator(e).FrobeniusNorm();   // one O(mn) pass (MathNet's FrobeniusNorm forms E Eᵀ)
    }
}
