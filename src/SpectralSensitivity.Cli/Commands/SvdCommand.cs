using System.CommandLine;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Decomposition;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral svd</c>: singular values, gaps, numerical rank and (optionally) singular vectors.</summary>
internal static class SvdCommand
{
    public static Command Create(CliContext context)
    {
        var matrix = CommonOptions.Matrix();
        var vectors = new Option<bool>("--vectors") { Description = "Also print the thin factors U (m x r) and V (n x r)" };
        var refinement = RefinementOption.Create();
        var output = MatrixOutput.Option("the singular values (.npz: singularValues, gaps, leftVectors, rightVectors)");
        var json = CommonOptions.Json();
        var command = new Command("svd", "Thin SVD of A: singular values (descending), the gap of each in the Jordan-Wielandt spectrum, numerical rank.")
        {
            matrix, vectors, refinement, output, json,
        };
        command.SetAction(parse =>
        {
            var a = context.Inputs.Load(parse.GetRequiredValue(matrix), "--matrix");
            var refinementName = parse.GetRequiredValue(refinement);
            var svd = ThinSingularValueDecomposition.Compute(a, RefinementOption.Parse(refinementName));
            var withVectors = parse.GetValue(vectors);
            var gaps = Enumerable.Range(1, svd.Size).Select(svd.Gap).ToArray();
            var written = MatrixOutput.Save(parse.GetValue(output), [
                OutputArray.Of("singularValues", svd.SingularValues),
                OutputArray.Of("gaps", Vector<double>.Build.DenseOfArray(gaps)),
                OutputArray.Of("leftVectors", svd.LeftVectors),
                OutputArray.Of("rightVectors", svd.RightVectors)]);
            if (parse.GetValue(json))
            {
                context.WriteJson(new SvdJson(
                    refinementName,
                    svd.RowCount,
                    svd.ColumnCount,
                    svd.Rank,
                    svd.ZeroTolerance,
                    svd.ClusterTolerance,
                    svd.SingularValues.ToArray(),
                    gaps,
                    withVectors ? CliJson.Rows(svd.LeftVectors) : null,
                    withVectors ? CliJson.Rows(svd.RightVectors) : null,
                    written));
                return ExitCodes.Success;
            }

            var console = context.Console;
            console.WriteLine($"A is {svd.RowCount} x {svd.ColumnCount}, numerical rank {svd.Rank} (zero tolerance {Number.Short(svd.ZeroTolerance)}, cluster tolerance {Number.Short(svd.ClusterTolerance)})");
            var table = new Table().AddColumn(new TableColumn("k").RightAligned()).AddColumn(new TableColumn("s_k").RightAligned()).AddColumn(new TableColumn("gap d_k").RightAligned());
            for (var k = 1; k <= svd.Size; k++)
            {
                table.AddRow(Number.Format(k), Number.Format(svd.SingularValues[k - 1]), Number.Short(gaps[k - 1]));
            }

            console.Write(table);
            if (withVectors)
            {
                MatrixOutput.Render(console, "U (left singular vectors, one column per k)", svd.LeftVectors);
                MatrixOutput.Render(console, "V (right singular vectors, one column per k)", svd.RightVectors);
            }

            if (written is not null)
            {
                context.WriteLine($"wrote {written}");
            }

            return ExitCodes.Success;
        });
        return context.Examples.Add(command, "spectral svd --matrix A.npy", "spectral svd -A A.csv --vectors --json", "spectral svd -A A.npy --refinement extended-precision --json");
    }

    private sealed record SvdJson(
        string Refinement,
        int Rows,
        int Columns,
        int Rank,
        double ZeroTolerance,
        double ClusterTolerance,
        double[] SingularValues,
        double[] Gaps,
        JsonMatrix? LeftVectors,
        JsonMatrix? RightVectors,
        string? Output);
}
