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
        var decomposition = DecompositionOption.Create();
        var count = new Option<int?>("--count")
        {
            Description = $"The number K of largest singular values (and vectors) to report; krylov computes only these (default {KrylovSvd.DefaultCount}), dense reports the K largest of all",
        };
        var command = new Command("svd", "Thin SVD of A: singular values (descending), the gap of each in the Jordan-Wielandt spectrum, numerical rank; or the K largest triplets by Krylov with their residuals.")
        {
            matrix, vectors, refinement, decomposition, count, output, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(matrix);
            var refinementName = parse.GetRequiredValue(refinement);
            var wanted = parse.GetValue(count);
            if (wanted is < 1)
            {
                throw new UsageException($"--count {wanted}: must be at least 1");
            }

            var unsupported = refinementName != RefinementOption.None ? "--refinement extended-precision refines a full decomposition" : null;
            if (DecompositionOption.Resolve(parse.GetRequiredValue(decomposition), context.Inputs, path, unsupported) == DecompositionKind.Krylov)
            {
                return KrylovSvd.Run(context, context.Inputs.LoadOperator(path, "--matrix"), wanted, parse.GetValue(vectors), parse.GetValue(output), parse.GetValue(json));
            }

            var a = context.Inputs.Load(path, "--matrix");
            var svd = ThinSingularValueDecomposition.Compute(a, RefinementOption.Parse(refinementName));
            var withVectors = parse.GetValue(vectors);
            var shown = Math.Min(svd.Size, wanted ?? svd.Size);
            var gaps = Enumerable.Range(1, shown).Select(svd.Gap).ToArray();
            var values = svd.SingularValues.SubVector(0, shown);
            var (left, right) = (svd.LeftVectors.SubMatrix(0, svd.RowCount, 0, shown), svd.RightVectors.SubMatrix(0, svd.ColumnCount, 0, shown));
            var written = MatrixOutput.Save(parse.GetValue(output), [
                OutputArray.Of("singularValues", values),
                OutputArray.Of("gaps", Vector<double>.Build.DenseOfArray(gaps)),
                OutputArray.Of("leftVectors", left),
                OutputArray.Of("rightVectors", right)]);
            if (parse.GetValue(json))
            {
                context.WriteJson(new SvdJson(
                    DecompositionOption.Dense,
                    refinementName,
                    svd.RowCount,
                    svd.ColumnCount,
                    svd.Rank,
                    svd.ZeroTolerance,
                    svd.ClusterTolerance,
                    values.ToArray(),
                    gaps,
                    withVectors ? CliJson.Rows(left) : null,
                    withVectors ? CliJson.Rows(right) : null,
                    written));
                return ExitCodes.Success;
            }

            var console = context.Console;
            console.WriteLine($"A is {svd.RowCount} x {svd.ColumnCount}, numerical rank {svd.Rank} (zero tolerance {Number.Short(svd.ZeroTolerance)}, cluster tolerance {Number.Short(svd.ClusterTolerance)})");
            var table = new Table().AddColumn(new TableColumn("k").RightAligned()).AddColumn(new TableColumn("s_k").RightAligned()).AddColumn(new TableColumn("gap d_k").RightAligned());
            for (var k = 1; k <= shown; k++)
            {
                table.AddRow(Number.Format(k), Number.Format(svd.SingularValues[k - 1]), Number.Short(gaps[k - 1]));
            }

            console.Write(table);
            if (withVectors)
            {
                MatrixOutput.Render(console, "U (left singular vectors, one column per k)", left);
                MatrixOutput.Render(console, "V (right singular vectors, one column per k)", right);
            }

            if (written is not null)
            {
                context.WriteLine($"wrote {written}");
            }

            return ExitCodes.Success;
        });
        return context.Examples.Add(command, "spectral svd --matrix A.npy", "spectral svd -A A.csv --vectors --json", "spectral svd -A A.npy --refinement extended-precision --json",
            "spectral svd -A big.mtx --decomposition krylov --count 5 --json");
    }

    private sealed record SvdJson(
        string Decomposition,
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
