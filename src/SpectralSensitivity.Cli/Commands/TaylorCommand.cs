using System.CommandLine;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral taylor</c>: the order-N Taylor prediction of <c>s_k(A + tE)</c> against recomputed values over a range of t.</summary>
internal static class TaylorCommand
{
    /// <summary>The most points one run evaluates (each costs a full SVD).</summary>
    internal const int MaxPoints = 100_000;

    public static Command Create(CliContext context)
    {
        var matrix = CommonOptions.Matrix();
        var direction = CommonOptions.Direction(required: true);
        var index = CommonOptions.Index(required: false);
        var order = CommonOptions.Order(required: false);
        var tMax = new Option<double?>("--t-max") { Description = "Largest t [default: 0.9 times the convergence radius bound r0, or 1 if r0 is infinite]" };
        var tMin = new Option<double?>("--t-min") { Description = "Smallest t [default: -t-max]" };
        var points = new Option<int>("--points", "-p") { Description = $"Number of equally spaced values of t, 1..{MaxPoints}", DefaultValueFactory = _ => 21 };
        var output = MatrixOutput.Option("the scan: points, one row per t with columns t, recomputed, predicted, error, errorBound (.npz: also predictionsByOrder, taylorCoefficients)");
        var json = CommonOptions.Json();
        var command = new Command("taylor", "Taylor predictions of s_k(A + tE) of order N against singular values recomputed by a full SVD at each t, with the rigorous error bound.")
        {
            matrix, direction, index, order, tMin, tMax, points, output, json,
        };
        command.SetAction(parse =>
        {
            var a = context.Inputs.Load(parse.GetRequiredValue(matrix), "--matrix");
            var e = context.Inputs.Load(parse.GetRequiredValue(direction), "--direction");
            var count = parse.GetValue(points);
            if (count is < 1 or > MaxPoints)
            {
                throw new UsageException($"--points {count} is out of range: it must lie in 1..{MaxPoints}");
            }

            var svd = ThinSingularValueDecomposition.Compute(a);
            var selection = IndexSelection.Parse(parse.GetRequiredValue(index));
            var range = (Low: parse.GetValue(tMin), High: parse.GetValue(tMax));
            var results = selection.Resolve(svd.Size, "singular value")
                .Select(k => Single(context, a, e, SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(e), k, parse.GetValue(order)), range, count, IndexedOutput.PathFor(parse.GetValue(output), selection, k)))
                .ToArray();
            IndexedOutput.Write(context, selection, parse.GetValue(json), results);
            return ExitCodes.Success;
        });
        return context.Examples.Add(
            command,
            "spectral taylor --matrix A.npy --direction E.npy --index 1 --order 6",
            "spectral taylor -A A.csv -E E.csv -k 2 -N 4 --t-min 0 --t-max 0.05 --points 200 --json",
            "spectral taylor -A A.csv -E E.csv -k 1,3 -N 4 --points 11 --json");
    }

    /// <summary>Scans one expansion over its range of t: its JSON object and table view.</summary>
    private static IndexedResult Single(CliContext context, Matrix<double> a, Matrix<double> e, Results.SingularValueExpansion expansion, (double? Low, double? High) range, int count, string? outputPath)
    {
        var radius = expansion.Convergence.Radius;
        var high = range.High ?? (double.IsFinite(radius) ? 0.9 * radius : 1.0);
        var low = range.Low ?? -high;
        if (!double.IsFinite(low) || !double.IsFinite(high) || low > high)
        {
            throw new UsageException($"the range of t [{low}, {high}] is not a finite interval with --t-min <= --t-max");
        }

        var steps = TaylorScan.Linspace(low, high, count);
        var scan = context.WithProgress($"s_{expansion.Index}(A + tE) at {count} points", count, tick => TaylorScan.Run(a, e, expansion, steps, tick));
        var warning = AccuracyWarning.Report(context, expansion.Condition, $"s_{expansion.Index}", $"D_{expansion.Order}");
        var written = MatrixOutput.Save(outputPath, [
            OutputArray.Of("points", Matrix<double>.Build.DenseOfRowArrays(scan.Select(p => new[] { p.T, p.Recomputed, p.Predicted, p.Error, p.ErrorBound }))),
            OutputArray.Of("predictionsByOrder", Matrix<double>.Build.DenseOfRowArrays(scan.Select(p => p.PredictionsByOrder))),
            OutputArray.Of("taylorCoefficients", Vector<double>.Build.DenseOfEnumerable(expansion.TaylorCoefficients))]);
        var json = new
        {
            expansion.Index,
            expansion.Order,
            SingularValue = expansion.Value,
            expansion.Gap,
            ConvergenceRadius = radius,
            ConditionFigure = expansion.Condition.Figure,
            expansion.Condition.ExpectedRelativeErrors,
            AccuracyWarning = warning,
            expansion.TaylorCoefficients,
            Points = scan,
            Output = written,
        };
        return new IndexedResult(json, () =>
        {
            context.Console.WriteLine($"s_{expansion.Index} = {Number.Format(expansion.Value)}, order {expansion.Order}, convergence radius r0 >= {Number.Short(radius)}");
            var table = new Table();
            foreach (var title in new[] { "t", "t / r0", "predicted", "recomputed", "|error|", "error bound" })
            {
                table.AddColumn(new TableColumn(title).RightAligned());
            }

            foreach (var p in scan)
            {
                table.AddRow(Number.Short(p.T), Number.Short(p.T / radius), Number.Format(p.Predicted), Number.Format(p.Recomputed), Number.Short(p.Error), Number.Short(p.ErrorBound));
            }

            context.Console.Write(table);
            if (written is not null)
            {
                context.WriteLine($"wrote {written}");
            }
        });
    }
}
