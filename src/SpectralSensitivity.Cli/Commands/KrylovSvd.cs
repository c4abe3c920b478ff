using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral svd --decomposition krylov</c>: the K largest triplets by restarted Golub–Kahan–Lanczos, with their residuals.</summary>
internal static class KrylovSvd
{
    /// <summary>K when <c>--count</c> is not given.</summary>
    public const int DefaultCount = 6;

    public static int Run(CliContext context, ILinearOperator a, int? wanted, bool withVectors, string? outputPath, bool json)
    {
        var count = Math.Min(Math.Min(a.RowCount, a.ColumnCount), wanted ?? DefaultCount);
        var svd = PartialSingularValueDecomposition.Compute(a, count);
        var written = MatrixOutput.Save(outputPath, [
            OutputArray.Of("singularValues", Vector<double>.Build.DenseOfEnumerable(svd.SingularValues)),
            OutputArray.Of("leftResiduals", Vector<double>.Build.DenseOfEnumerable(svd.LeftResiduals)),
            OutputArray.Of("rightResiduals", Vector<double>.Build.DenseOfEnumerable(svd.RightResiduals)),
            OutputArray.Of("leftVectors", svd.LeftVectors),
            OutputArray.Of("rightVectors", svd.RightVectors)]);
        if (json)
        {
            context.WriteJson(new KrylovSvdJson(
                DecompositionOption.Krylov,
                a.RowCount,
                a.ColumnCount,
                count,
                svd.Options.Tolerance,
                svd.ClusterTolerance,
                svd.SingularValues,
                svd.LeftResiduals,
                svd.RightResiduals,
                svd.Restarts,
                svd.ProductCount,
                withVectors ? CliJson.Rows(svd.LeftVectors) : null,
                withVectors ? CliJson.Rows(svd.RightVectors) : null,
                written));
            return ExitCodes.Success;
        }

        var console = context.Console;
        console.WriteLine($"A is {a.RowCount} x {a.ColumnCount}: the {count} largest singular triplets by Krylov ({svd.Restarts} restarts, {svd.ProductCount} products; residual tolerance {Number.Short(svd.Options.Tolerance)} s_1)");
        var table = new Table().AddColumn(new TableColumn("k").RightAligned()).AddColumn(new TableColumn("s_k").RightAligned())
            .AddColumn(new TableColumn("||A v - s u||").RightAligned()).AddColumn(new TableColumn("||A^T u - s v||").RightAligned());
        for (var k = 1; k <= count; k++)
        {
            table.AddRow(Number.Format(k), Number.Format(svd.SingularValues[k - 1]), Number.Short(svd.LeftResiduals[k - 1]), Number.Short(svd.RightResiduals[k - 1]));
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
    }

    private sealed record KrylovSvdJson(
        string Decomposition,
        int Rows,
        int Columns,
        int Count,
        double Tolerance,
        double ClusterTolerance,
        IReadOnlyList<double> SingularValues,
        IReadOnlyList<double> LeftResiduals,
        IReadOnlyList<double> RightResiduals,
        int Restarts,
        int Products,
        JsonMatrix? LeftVectors,
        JsonMatrix? RightVectors,
        string? Output);
}
