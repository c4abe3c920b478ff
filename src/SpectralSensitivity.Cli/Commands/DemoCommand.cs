using System.CommandLine;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral demo</c>: both algorithms side by side and Taylor predictions on a reproducible random matrix.</summary>
internal static class DemoCommand
{
    /// <summary>Steps, as fractions of the convergence radius r0, at which predictions are checked.</summary>
    internal static readonly double[] StepFractions = [0.01, 0.1, 0.25, 0.5];

    public static Command Create(CliContext context)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the random A and E", DefaultValueFactory = _ => 20250603 };
        var rows = new Option<int>("--rows", "-m") { Description = "Rows m of A", DefaultValueFactory = _ => 8 };
        var columns = new Option<int>("--columns", "-n") { Description = "Columns n of A", DefaultValueFactory = _ => 6 };
        var order = CommonOptions.Order(required: false);
        var json = CommonOptions.Json();
        var command = new Command("demo", "Derivatives of s_k(A + tE) on a reproducible random A and E: recursion vs closed form, Taylor predictions vs recomputed singular values.")
        {
            seed, rows, columns, order, json,
        };
        command.SetAction(parse =>
        {
            var demo = Run(parse.GetValue(seed), parse.GetValue(rows), parse.GetValue(columns), parse.GetValue(order));
            if (parse.GetValue(json))
            {
                context.WriteJson(demo);
            }
            else
            {
                Render(context.Console, demo);
            }

            return ExitCodes.Success;
        });
        return context.Examples.Add(command, "spectral demo", "spectral demo --json", "spectral demo --seed 7 --rows 12 --columns 5 --order 8");
    }

    /// <summary>A and E with standard normal entries from a Mersenne Twister seeded with <paramref name="seed"/>.</summary>
    internal static (Matrix<double> A, Matrix<double> E) RandomPair(int seed, int rows, int columns)
    {
        if (rows < 1 || columns < 1 || (long)rows * columns > 1_000_000)
        {
            throw new UsageException($"demo matrix size {rows} x {columns} is out of range: both at least 1, at most 10^6 entries");
        }

        var normal = new Normal(0, 1, new MersenneTwister(seed));
        var a = Matrix<double>.Build.Random(rows, columns, normal);
        var e = Matrix<double>.Build.Random(rows, columns, normal);
        return (a, e);
    }

    internal static DemoResult Run(int seed, int rows, int columns, int order)
    {
        var (a, e) = RandomPair(seed, rows, columns);
        var svd = ThinSingularValueDecomposition.Compute(a);
        var path = PerturbationPath.Linear(e);
        var closedOrder = Math.Min(order, SingularValueDerivatives.MaxClosedFormOrder);
        var indices = new[] { 1, (svd.Size + 1) / 2, svd.Size }.Distinct();
        var values = indices.Select(k =>
        {
            var recursion = SingularValueDerivatives.Expand(svd, path, k, order);
            var closed = SingularValueDerivatives.ClosedForm(svd, path, k, closedOrder);
            var derivatives = Enumerable.Range(1, order).Select(j => new DemoDerivative(
                j,
                recursion.Derivatives[j - 1],
                j <= closedOrder ? closed.Derivatives[j - 1] : null,
                j <= closedOrder ? Math.Abs(recursion.Derivatives[j - 1] - closed.Derivatives[j - 1]) : null)).ToArray();
            var radius = recursion.Convergence.Radius;
            var steps = StepFractions.Select(f => f * radius).ToArray();
            var predictions = TaylorScan.Run(a, e, recursion, steps, () => { });
            return new DemoValue(k, recursion.Value, recursion.Gap, radius, derivatives, predictions);
        }).ToArray();
        return new DemoResult(seed, rows, columns, order, svd.SingularValues.ToArray(), values);
    }

    private static void Render(IAnsiConsole console, DemoResult demo)
    {
        console.MarkupLine($"[bold]A[/] and [bold]E[/]: {demo.Rows} x {demo.Columns}, entries N(0, 1) from seed {demo.Seed}; derivatives of s_k(A + tE) at t = 0.");
        console.WriteLine("singular values: " + string.Join("  ", demo.SingularValues.Select(Number.Format)));
        foreach (var value in demo.Values)
        {
            console.WriteLine();
            console.Write(new Rule($"s_{value.Index} = {Number.Format(value.SingularValue)}   gap {Number.Short(value.Gap)}   r0 >= {Number.Short(value.ConvergenceRadius)}").LeftJustified());
            var derivatives = new Table().AddColumn(new TableColumn("j").RightAligned())
                .AddColumn(new TableColumn("D_j recursion").RightAligned())
                .AddColumn(new TableColumn("D_j closed form").RightAligned())
                .AddColumn(new TableColumn("|difference|").RightAligned());
            foreach (var d in value.Derivatives)
            {
                derivatives.AddRow(Number.Format(d.Order), Number.Format(d.Recursion), d.ClosedForm is { } c ? Number.Format(c) : "-", d.Difference is { } x ? Number.Short(x) : "-");
            }

            console.Write(derivatives);
            var predictions = new Table().AddColumn(new TableColumn("t").RightAligned())
                .AddColumn(new TableColumn($"Taylor order {demo.Order}").RightAligned())
                .AddColumn(new TableColumn("s_k(A + tE) recomputed").RightAligned())
                .AddColumn(new TableColumn("|error|").RightAligned())
                .AddColumn(new TableColumn("error bound").RightAligned());
            foreach (var p in value.Predictions)
            {
                predictions.AddRow(Number.Short(p.T), Number.Format(p.Predicted), Number.Format(p.Recomputed), Number.Short(p.Error), Number.Short(p.ErrorBound));
            }

            console.Write(predictions);
        }
    }

    internal sealed record DemoResult(int Seed, int Rows, int Columns, int Order, double[] SingularValues, DemoValue[] Values);

    internal sealed record DemoValue(int Index, double SingularValue, double Gap, double ConvergenceRadius, DemoDerivative[] Derivatives, TaylorPoint[] Predictions);

    internal sealed record DemoDerivative(int Order, double Recursion, double? ClosedForm, double? Difference);
}
