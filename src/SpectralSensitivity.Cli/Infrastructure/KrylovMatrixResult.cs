using System.CommandLine;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.IO;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>A gradient or Hessian-vector product computed matrix-free: the factors <c>L Rᵀ</c> and named scalars (camelCase JSON names).</summary>
/// <param name="Factors">The result as <c>L Rᵀ</c> (L m × r, R n × r).</param>
/// <param name="Scalars">E.g. the quadratic form of <c>hvp</c>.</param>
internal sealed record KrylovMatrixResult(FactoredMatrix Factors, params (string Name, double Value)[] Scalars)
{
    /// <summary>With <c>--cluster-mean</c>: the cluster whose mean the result is of, and the relative tolerance used; null otherwise.</summary>
    public (SpectralCluster Cluster, double Tolerance)? Mean { get; init; }

    public const string Factored = "factored";
    public const string Dense = "dense";

    /// <summary>The <c>--form factored|dense</c> option.</summary>
    public static Option<string?> FormOption(string resultName)
    {
        var option = new Option<string?>("--form")
        {
            Description = $"How the {resultName} is written: factored (krylov's default: L (m x r) and R (n x r) with the result L R^T; "
                + "8 (m + n) r bytes, .npz output with arrays left and right) or dense (the m x n matrix, 8 m n bytes; the dense decomposition's only form)",
        };
        option.AcceptOnlyFromAmong(Factored, Dense);
        return option;
    }

    /// <summary>The form to write: as asked, or factored for krylov and dense otherwise.</summary>
    /// <exception cref="UsageException">factored with the dense decomposition, or factored output to a single-array file.</exception>
    public static string ResolveForm(string? asked, DecompositionKind decomposition, string? outputPath)
    {
        if (decomposition == DecompositionKind.Dense)
        {
            return asked == Factored ? throw new UsageException("--form factored needs --decomposition krylov (the dense decomposition writes the m x n matrix)") : Dense;
        }

        var form = asked ?? Factored;
        if (form == Factored && outputPath is not null && MatrixFile.FormatFromPath(outputPath) != MatrixFileFormat.Npz)
        {
            throw new UsageException($"--output {Path.GetFileName(outputPath)}: the factored result is two arrays (left, right); write it to a .npz file, or ask for --form dense");
        }

        return form;
    }

    /// <summary>Computes every selected k from one set of triplets and returns its JSON object and table view (files written).</summary>
    public static IndexedResult[] Run(CliContext context, string resultName, ILinearOperator a, ILinearOperator? direction, IndexSelection selection, string form, string? outputPath,
        Func<PartialSingularValueDecomposition, int, ILinearOperator?, KrylovMatrixResult> compute)
    {
        var indices = selection.Resolve(Math.Min(a.RowCount, a.ColumnCount), "singular value");
        var svd = PartialSingularValueDecomposition.ComputeThrough(a, indices.Max());
        var computed = indices.Select(k => (Index: k, Result: compute(svd, k, direction))).ToArray();         // every k before any file
        return [.. computed.Select(c => c.Result.Single(context, resultName, svd, c.Index, form, IndexedOutput.PathFor(outputPath, selection, c.Index)))];
    }

    /// <summary>With <c>--cluster-mean</c>: for every selected k, the triplets through its whole cluster and one value below, then the
    /// mean's result, with the cluster and the tolerance in the JSON (<c>cluster</c>, <c>clusterTolerance</c>).</summary>
    public static IndexedResult[] RunMean(CliContext context, string resultName, ILinearOperator a, ILinearOperator? direction, IndexSelection selection, string form, string? outputPath,
        double? tolerance, Func<PartialSingularValueDecomposition, int, ILinearOperator?, double?, KrylovMatrixResult> compute)
    {
        var indices = selection.Resolve(Math.Min(a.RowCount, a.ColumnCount), "singular value");
        var relative = tolerance ?? KrylovOptions.Default.Tolerance;
        var computed = indices.Select(k =>
        {
            var svd = PartialSingularValueDecomposition.ComputeCluster(a, k, null, tolerance);
            var cluster = KrylovSingularValueDerivatives.Cluster(svd, k, tolerance);
            return (Index: k, Svd: svd, Result: compute(svd, k, direction, tolerance) with { Mean = (cluster, relative) });
        }).ToArray();                                                                                                       // every k before any file
        return [.. computed.Select(c => c.Result.Single(context, resultName, c.Svd, c.Index, form, IndexedOutput.PathFor(outputPath, selection, c.Index)))];
    }

    private IndexedResult Single(CliContext context, string resultName, PartialSingularValueDecomposition svd, int k, string form, string? outputPath)
    {
        var dense = form == Dense ? Factors.ToDense() : null;
        var written = dense is not null
            ? MatrixOutput.Save(outputPath, resultName, dense)
            : MatrixOutput.Save(outputPath, [OutputArray.Of("left", Factors.Left), OutputArray.Of("right", Factors.Right)]);
        var body = new Dictionary<string, object?>
        {
            ["index"] = k,
            ["singularValue"] = Mean?.Cluster.Mean ?? svd.SingularValues[k - 1],
            ["decomposition"] = DecompositionOption.Krylov,
            ["form"] = form,
            ["rows"] = svd.RowCount,
            ["columns"] = svd.ColumnCount,
            ["rank"] = Factors.Rank,
            ["leftResidual"] = svd.LeftResiduals[k - 1],
            ["rightResidual"] = svd.RightResiduals[k - 1],
            ["errorEstimate"] = Factors.ErrorEstimate,
        };
        if (Mean is { } mean)
        {
            body["cluster"] = mean.Cluster.Members;
            body["clusterTolerance"] = mean.Tolerance;
        }

        foreach (var (name, value) in Scalars)
        {
            body[name] = value;
        }

        if (dense is not null)
        {
            body[resultName] = CliJson.Rows(dense);
        }
        else
        {
            body["factors"] = new Dictionary<string, object?> { ["left"] = CliJson.Rows(Factors.Left), ["right"] = CliJson.Rows(Factors.Right) };
        }

        if (written is not null)
        {
            body["output"] = written;
        }

        return new IndexedResult(body, () =>
        {
            var summary = new Grid().AddColumn().AddColumn();
            summary.AddRow(Mean is { } m ? $"mean of s_{string.Join(",", m.Cluster.Members)}" : $"s_{k}", Number.Format(Mean?.Cluster.Mean ?? svd.SingularValues[k - 1]));
            summary.AddRow("decomposition", $"krylov (triplet residuals {Number.Short(svd.LeftResiduals[k - 1])}, {Number.Short(svd.RightResiduals[k - 1])})");
            summary.AddRow("error estimate (Frobenius)", Number.Short(Factors.ErrorEstimate));
            foreach (var (name, value) in Scalars)
            {
                summary.AddRow(Markup.Escape(name), Number.Format(value));
            }

            context.Console.Write(summary);
            if (dense is not null)
            {
                MatrixOutput.Render(context.Console, resultName, dense);
            }
            else
            {
                MatrixOutput.Render(context.Console, $"{resultName} = L R^T: L", Factors.Left);
                MatrixOutput.Render(context.Console, $"{resultName} = L R^T: R", Factors.Right);
            }

            if (written is not null)
            {
                context.WriteLine($"wrote {written}");
            }
        });
    }
}
