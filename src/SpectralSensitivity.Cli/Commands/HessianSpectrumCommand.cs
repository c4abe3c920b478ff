using System.CommandLine;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.Results;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral hessian-spectrum</c>: the closed-form eigenvalues of the Hessian of <c>s_k</c>.</summary>
internal static class HessianSpectrumCommand
{
    public static Command Create(CliContext context)
    {
        var matrix = CommonOptions.Matrix();
        var index = CommonOptions.Index(required: false);
        var top = new Option<int?>("--top") { Description = "Only the T most positive and T most negative eigenvalues [default: all m + n - 2]" };
        var refinement = RefinementOption.Create();
        var output = MatrixOutput.Option("the eigenvalues listed (.npz: eigenvalues, partners, and eigenvectors, one m x n matrix each)");
        var json = CommonOptions.Json();
        var command = new Command("hessian-spectrum", "Closed-form eigenvalues of the Hessian of s_k with respect to vec(A): 1/(s_k - s_i), 1/(s_k + s_i) and 1/s_k, rank m + n - 2, with trace and norms.")
        {
            matrix, index, top, refinement, output, json,
        };
        command.SetAction(parse =>
        {
            var a = context.Inputs.Load(parse.GetRequiredValue(matrix), "--matrix");
            var refinementName = parse.GetRequiredValue(refinement);
            var svd = ThinSingularValueDecomposition.Compute(a, RefinementOption.Parse(refinementName));
            var count = parse.GetValue(top);
            if (count is < 1)
            {
                throw new UsageException($"--top {count} must be at least 1");
            }

            var selection = IndexSelection.Parse(parse.GetRequiredValue(index));
            var outputPath = parse.GetValue(output);
            var results = selection.Resolve(svd.Size, "singular value")
                .Select(k => Single(context, svd, k, count, refinementName, IndexedOutput.PathFor(outputPath, selection, k))).ToArray();
            IndexedOutput.Write(context, selection, parse.GetValue(json), results);
            return ExitCodes.Success;
        });
        return context.Examples.Add(command, "spectral hessian-spectrum --matrix A.npy --index 1", "spectral hessian-spectrum -A A.csv -k 2 --top 5 --json", "spectral hessian-spectrum -A A.csv -k 1..3 --top 2 --json");
    }

    /// <summary>The spectrum of the Hessian of one <c>s_k</c>: its JSON object and table view.</summary>
    private static IndexedResult Single(CliContext context, ThinSingularValueDecomposition svd, int k, int? count, string refinementName, string? outputPath)
    {
        var spectrum = HessianSpectrum.At(svd, k);
        var pairs = count is { } t ? spectrum.MostPositive(t).Concat(spectrum.MostNegative(t)).ToArray() : spectrum.Eigenpairs.ToArray();
        var condition = ExpansionCondition.For(svd, k, 2);
        var warning = AccuracyWarning.Report(context, condition, $"s_{k}", "the Hessian spectrum");
        var written = MatrixOutput.Save(outputPath, [
            OutputArray.Of("eigenvalues", Vector<double>.Build.DenseOfEnumerable(pairs.Select(p => p.Value))),
            OutputArray.Of("partners", Vector<double>.Build.DenseOfEnumerable(pairs.Select(p => (double)p.Partner))),
            OutputArray.Of("eigenvectors", () => pairs.Select(spectrum.Eigenvector).ToArray())]);
        var json = new
        {
            Index = k,
            SingularValue = svd.SingularValue(k),
            Refinement = refinementName,
            spectrum.Rank,
            spectrum.NullSpaceDimension,
            spectrum.Trace,
            spectrum.FrobeniusNorm,
            spectrum.SpectralNorm,
            ConditionFigure = condition.Figure,
            ExpectedRelativeError = condition.ExpectedRelativeError(2),
            AccuracyWarning = warning,
            Eigenvalues = pairs.Select(p => new { p.Value, Kind = p.Kind.ToString(), p.Partner }),
            Output = written,
        };
        return new IndexedResult(json, () =>
        {
            var summary = new Grid().AddColumn().AddColumn();
            summary.AddRow($"s_{k}", Number.Format(svd.SingularValue(k)));
            summary.AddRow("rank (m + n - 2)", Number.Format(spectrum.Rank));
            summary.AddRow("null space dimension", spectrum.NullSpaceDimension.ToString(System.Globalization.CultureInfo.InvariantCulture));
            summary.AddRow("trace", Number.Format(spectrum.Trace));
            summary.AddRow("Frobenius norm", Number.Format(spectrum.FrobeniusNorm));
            summary.AddRow("spectral norm", Number.Format(spectrum.SpectralNorm));
            summary.AddRow("condition figure", Number.Short(condition.Figure));
            context.Console.Write(summary);
            var table = new Table().AddColumn(new TableColumn("eigenvalue").RightAligned()).AddColumn("eigenvector").AddColumn(new TableColumn("partner i").RightAligned());
            foreach (var pair in pairs)
            {
                table.AddRow(Number.Format(pair.Value), pair.Kind.ToString(), Number.Format(pair.Partner));
            }

            context.Console.Write(table);
            if (written is not null)
            {
                context.WriteLine($"wrote {written}");
            }
        });
    }
}
