using System.CommandLine;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.Spectrum;
using SpectralSensitivity.Results;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>The shape both <c>derivatives</c> and <c>eig-derivatives</c> share: load two matrices, expand the values asked for, print JSON or tables.</summary>
internal static class ExpansionCommand
{
    /// <summary>What differs between the two commands.</summary>
    /// <param name="Name">The command name.</param>
    /// <param name="Description">Its help text.</param>
    /// <param name="Matrix">The --matrix option.</param>
    /// <param name="Direction">The --direction option.</param>
    /// <param name="Index">The --index option (one index or a set, <see cref="IndexSelection"/>).</param>
    /// <param name="Singular">True for singular values (JSON "singularValue"), false for eigenvalues ("eigenvalue").</param>
    /// <param name="Decompose">Decomposes the matrix (refined as --refinement asks) once for everything asked of it.</param>
    /// <param name="Krylov">With <c>--decomposition krylov</c>: the selected expansions (or cluster means) from the matrix and direction as operators.</param>
    internal sealed record Spec(
        string Name,
        string Description,
        Option<string> Matrix,
        Option<string> Direction,
        Option<string> Index,
        bool Singular,
        Func<Matrix<double>, DecompositionRefinement, DecomposedMatrix> Decompose,
        Func<ILinearOperator, ILinearOperator, IndexSelection, int, ClusterRequest, double?, VectorCoefficients, IReadOnlyList<KrylovExpansions.Result>> Krylov);

    public static Command Create(CliContext context, Spec spec, params string[] examples)
    {
        var order = CommonOptions.Order(required: false);
        var method = CommonOptions.Method();
        var json = CommonOptions.Json();
        var refinementOption = RefinementOption.Create();
        var decompositionOption = DecompositionOption.Create();
        var output = MatrixOutput.Option("the derivatives (.npz: derivatives, taylorCoefficients and the vectors' Taylor coefficients)");
        var cluster = new ClusterOptions();
        var command = new Command(spec.Name, spec.Description) { spec.Matrix, spec.Direction, spec.Index, order, method, refinementOption, decompositionOption, output, json };
        foreach (var option in cluster.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var matrixPath = parse.GetRequiredValue(spec.Matrix);
            var algorithm = parse.GetRequiredValue(method);
            var refinement = parse.GetRequiredValue(refinementOption);
            var selection = IndexSelection.Parse(parse.GetRequiredValue(spec.Index));
            var (request, tolerance) = cluster.Parse(parse, algorithm);
            var unsupported = KrylovExpansions.Unsupported(algorithm, refinement, selection, request);
            if (DecompositionOption.Resolve(parse.GetRequiredValue(decompositionOption), context.Inputs, matrixPath, unsupported) == DecompositionKind.Krylov)
            {
                var a = context.Inputs.LoadOperator(matrixPath, "--matrix");
                var e = context.Inputs.LoadOperator(parse.GetRequiredValue(spec.Direction), "--direction");
                var vectors = parse.GetValue(output) is null ? VectorCoefficients.None : VectorCoefficients.Include;    // values alone need half the solves; --output writes the vectors' coefficients
                var computed = spec.Krylov(a, e, selection, parse.GetValue(order), request, tolerance, vectors);
                IndexedOutput.Write(context, selection, parse.GetValue(json), [.. computed.Select(r => KrylovResult(context, spec, r, IndexedOutput.PathFor(parse.GetValue(output), selection, r.Index)))]);
                return ExitCodes.Success;
            }

            var matrix = context.Inputs.Load(matrixPath, "--matrix");
            var direction = context.Inputs.Load(parse.GetRequiredValue(spec.Direction), "--direction");
            var decomposed = spec.Decompose(matrix, RefinementOption.Parse(refinement));
            var name = spec.Singular ? "s" : "mu";
            if (request != ClusterRequest.Value)
            {
                var relative = tolerance ?? decomposed.DefaultRelativeTolerance;
                var indices = selection.Resolve(decomposed.Size, spec.Singular ? "singular value" : "eigenvalue");
                var clustered = indices.Select(k => request == ClusterRequest.Mean
                    ? MeanResult(context, decomposed.Mean(direction, k, parse.GetValue(order), tolerance), k, relative, refinement, spec.Singular, matrix)
                    : BranchResult(context, decomposed.Branches(direction, k, parse.GetValue(order), tolerance), k, relative, refinement, spec.Singular, matrix)).ToArray();
                IndexedOutput.Write(context, selection, parse.GetValue(json), clustered);
                return ExitCodes.Success;
            }

            var expansions = decomposed.Expand(direction, selection, parse.GetValue(order), algorithm);
            foreach (var expansion in expansions)
            {
                AccuracyWarning.Report(context, expansion.Condition, $"{(spec.Singular ? "s" : "mu")}_{expansion.Index}", $"D_{expansion.Order}");
            }

            var outputPath = parse.GetValue(output);
            var results = expansions.Select(expansion =>
            {
                var written = MatrixOutput.Save(IndexedOutput.PathFor(outputPath, selection, expansion.Index), Expansions.Arrays(expansion));
                return new IndexedResult(
                    Expansions.ToJson(expansion, algorithm, refinement, spec.Singular, matrix.RowCount, matrix.ColumnCount, written) with { Decomposition = DecompositionOption.Dense },
                    () =>
                    {
                        Expansions.Render(context.Console, $"{(spec.Singular ? "s" : "mu")}_{expansion.Index}", expansion, algorithm);
                        if (written is not null)
                        {
                            context.WriteLine($"wrote {written}");
                        }
                    });
            }).ToArray();
            IndexedOutput.Write(context, selection, parse.GetValue(json), results);
            return ExitCodes.Success;
        });
        return context.Examples.Add(command, examples);
    }

    private static IndexedResult MeanResult(CliContext context, ClusterMeanExpansion mean, int index, double tolerance, string refinement, bool singular, Matrix<double> matrix)
    {
        var name = $"mean of {(singular ? "s" : "mu")}_{string.Join(",", mean.Cluster.Members)}";
        AccuracyWarning.Report(context, mean.Condition, name, $"D_{mean.Order}");
        var json = Expansions.ToJson(mean, DerivativeMethod.Recursion, refinement, singular, matrix.RowCount, matrix.ColumnCount) with
        {
            Index = index,
            Cluster = mean.Cluster.Members,
            ClusterTolerance = tolerance,
            Decomposition = DecompositionOption.Dense,
        };
        return new IndexedResult(json, () => Expansions.Render(context.Console, name, mean, DerivativeMethod.Recursion));
    }

    private static IndexedResult KrylovResult(CliContext context, Spec spec, KrylovExpansions.Result result, string? outputPath) => result switch
    {
        KrylovExpansions.BranchesResult branches => KrylovBranches(context, spec, branches),
        KrylovExpansions.ExpansionResult expansion => KrylovExpansion(context, spec, expansion, outputPath),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    private static IndexedResult KrylovBranches(CliContext context, Spec spec, KrylovExpansions.BranchesResult result)
    {
        var symbol = spec.Singular ? "s" : "mu";
        var branches = result.Branches.Branches;
        return new IndexedResult(result.Json, () =>
        {
            Expansions.RenderBranches(context.Console, symbol, branches, result.Number);
            KrylovExpansions.Render(context.Console, result.Json);
        });
    }

    private static IndexedResult KrylovExpansion(CliContext context, Spec spec, KrylovExpansions.ExpansionResult result, string? outputPath)
    {
        var symbol = spec.Singular ? "s" : "mu";
        var name = result.Json.Cluster is { } members ? $"mean of {symbol}_{string.Join(",", members)}" : $"{symbol}_{result.Index}";
        var json = result.Json;
        AccuracyWarning.Report(context, result.Expansion.Condition, name, $"D_{result.Expansion.Order}");
        var written = MatrixOutput.Save(outputPath, Expansions.Arrays(result.Expansion));
        return new IndexedResult(json with { Output = written }, () =>
        {
            Expansions.Render(context.Console, name, result.Expansion, DerivativeMethod.Recursion);
            KrylovExpansions.Render(context.Console, json);
            if (written is not null)
            {
                context.WriteLine($"wrote {written}");
            }
        });
    }

    private static IndexedResult BranchResult(CliContext context, ClusterBranches branches, int index, double tolerance, string refinement, bool singular, Matrix<double> matrix)
    {
        var value = branches.Branches.First(b => b.Index == index).Value;
        var json = BranchesJson.From(branches, index, value, tolerance, refinement, singular, matrix.RowCount, matrix.ColumnCount) with { Decomposition = DecompositionOption.Dense };
        return new IndexedResult(json, () => Expansions.RenderBranches(context.Console, singular ? "s" : "mu", branches));
    }
}
