using System.CommandLine;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.MatrixFree.Krylov;
using SpectralSensitivity.Results;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>The shape <c>gradient</c>, <c>hessian</c> and <c>hvp</c> share: A (and E), index k, one matrix result, optional --output
/// file; with <c>--cluster-mean [--cluster-tolerance REL]</c> the result of the mean of the cluster that holds <c>s_k</c>.</summary>
internal static class MatrixResultCommand
{
    /// <summary>A matrix and named scalars (camelCase JSON names) computed for <c>s_k</c>.</summary>
    internal sealed record Result(Matrix<double> Matrix, params (string Name, double Value)[] Scalars);

    /// <summary>What differs between the commands.</summary>
    /// <param name="Name">The command name.</param>
    /// <param name="Description">Its help text.</param>
    /// <param name="ResultName">The JSON property and table title of the matrix, e.g. "gradient".</param>
    /// <param name="NeedsDirection">Whether --direction is required.</param>
    /// <param name="DerivativeOrder">1 for the gradient, 2 for the Hessian and its products: the order whose expected error is reported.</param>
    /// <param name="Compute">Computes the result from the SVD of A, k, E (null without --direction) and where the result goes (for memory budgets).</param>
    /// <param name="Krylov">With <c>--decomposition krylov</c>: the result in factored form from the triplets, k and E as an operator (null without --direction); null where krylov does not apply.</param>
    /// <param name="Mean">The same for the mean of a cluster (<c>--cluster-mean</c>), from its <see cref="ClusterMeanDerivatives"/>.</param>
    /// <param name="KrylovMean">With <c>--decomposition krylov --cluster-mean</c>: the mean's result in factored form from triplets holding
    /// the whole cluster, k, E and the relative cluster tolerance (null for the default).</param>
    internal sealed record Spec(
        string Name,
        string Description,
        string ResultName,
        bool NeedsDirection,
        int DerivativeOrder,
        Func<ThinSingularValueDecomposition, int, Matrix<double>?, ResultSinks, Result> Compute,
        Func<ThinSingularValueDecomposition, ClusterMeanDerivatives, Matrix<double>?, ResultSinks, Result> Mean,
        Func<PartialSingularValueDecomposition, int, ILinearOperator?, KrylovMatrixResult>? Krylov = null,
        Func<PartialSingularValueDecomposition, int, ILinearOperator?, double?, KrylovMatrixResult>? KrylovMean = null);

    /// <summary>What one index's result is about: <c>s_k</c> itself, or the mean of its cluster with the relative tolerance used.</summary>
    private sealed record Subject(string Name, double Value, ExpansionCondition Condition, SpectralCluster? Cluster, double ClusterTolerance);

    public static Command Create(CliContext context, Spec spec, params string[] examples)
    {
        var matrix = CommonOptions.Matrix();
        var directionOption = CommonOptions.Direction(required: true);
        var index = CommonOptions.Index(required: false);
        var output = MatrixOutput.Option("the result matrix");
        var refinement = RefinementOption.Create();
        var json = CommonOptions.Json();
        var cluster = new ClusterOptions();
        var decomposition = DecompositionOption.Create();
        var form = KrylovMatrixResult.FormOption(spec.ResultName);
        var command = new Command(spec.Name, spec.Description) { matrix };
        if (spec.NeedsDirection)
        {
            command.Options.Add(directionOption);
        }

        command.Options.Add(index);
        command.Options.Add(output);
        command.Options.Add(refinement);
        if (spec.Krylov is not null)
        {
            command.Options.Add(decomposition);
            command.Options.Add(form);
        }

        command.Options.Add(json);
        foreach (var option in cluster.MeanOnly)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var (mean, tolerance) = cluster.ParseMean(parse);
            var path = parse.GetRequiredValue(matrix);
            var refinementName = parse.GetRequiredValue(refinement);
            if (spec.Krylov is { } krylov)
            {
                var selected = IndexSelection.Parse(parse.GetRequiredValue(index));
                var unsupported = refinementName != RefinementOption.None ? "--refinement extended-precision refines a full decomposition"
                    : selected.IsAll ? "-k all needs every triplet; give the indices (e.g. -k 1..5)"
                    : mean && spec.KrylovMean is null ? "--cluster-mean on this command runs on the full decomposition" : null;
                var chosen = DecompositionOption.Resolve(parse.GetRequiredValue(decomposition), context.Inputs, path, unsupported);
                var formName = KrylovMatrixResult.ResolveForm(parse.GetValue(form), chosen, parse.GetValue(output));
                if (chosen == DecompositionKind.Krylov)
                {
                    var op = context.Inputs.LoadOperator(path, "--matrix");
                    var direction = spec.NeedsDirection ? context.Inputs.LoadOperator(parse.GetRequiredValue(directionOption), "--direction") : null;
                    var factored = mean
                        ? KrylovMatrixResult.RunMean(context, spec.ResultName, op, direction, selected, formName, parse.GetValue(output), tolerance, spec.KrylovMean!)
                        : KrylovMatrixResult.Run(context, spec.ResultName, op, direction, selected, formName, parse.GetValue(output), krylov);
                    IndexedOutput.Write(context, selected, parse.GetValue(json), factored);
                    return ExitCodes.Success;
                }
            }

            var a = context.Inputs.Load(path, "--matrix");
            var e = spec.NeedsDirection ? context.Inputs.Load(parse.GetRequiredValue(directionOption), "--direction") : null;
            var svd = ThinSingularValueDecomposition.Compute(a, RefinementOption.Parse(refinementName));
            var selection = IndexSelection.Parse(parse.GetRequiredValue(index));
            var outputPath = parse.GetValue(output);
            var indices = selection.Resolve(svd.Size, "singular value");
            var sinks = new ResultSinks(parse.GetValue(json), outputPath, indices.Length);
            var computed = indices.Select(k => mean ? MeanOf(spec, svd, k, tolerance, e, sinks) : (Subject: ValueSubject(spec, svd, k), Result: spec.Compute(svd, k, e, sinks))).ToArray(); // every k before any file
            var results = indices.Select((k, i) => Single(context, spec, k, computed[i].Subject, computed[i].Result, refinementName, IndexedOutput.PathFor(outputPath, selection, k))).ToArray();
            IndexedOutput.Write(context, selection, parse.GetValue(json), results);
            return ExitCodes.Success;
        });
        return context.Examples.Add(command, examples);
    }

    private static Subject ValueSubject(Spec spec, ThinSingularValueDecomposition svd, int k) =>
        new($"s_{k}", svd.SingularValue(k), ExpansionCondition.For(svd, k, spec.DerivativeOrder), null, 0);

    /// <summary>The result for the mean of the cluster that holds <c>s_k</c>; JSON <c>clusterTolerance</c> is the relative
    /// tolerance used (the default one divided by <c>s₁</c> when none is given), as in <c>derivatives --cluster-mean</c>.</summary>
    private static (Subject Subject, Result Result) MeanOf(Spec spec, ThinSingularValueDecomposition svd, int k, double? tolerance, Matrix<double>? e, ResultSinks sinks)
    {
        var derivatives = ClusterMeanDerivatives.At(svd, k, tolerance);
        var top = svd.SingularValue(1);
        var relative = tolerance ?? (top > 0 ? svd.ClusterTolerance / top : 0);
        var cluster = derivatives.Cluster;
        var subject = new Subject($"the mean of s_{string.Join(",", cluster.Members)}", cluster.Mean, derivatives.Condition(spec.DerivativeOrder), cluster, relative);
        return (subject, spec.Mean(svd, derivatives, e, sinks));
    }

    /// <summary>Writes the file of one index's result and returns its JSON object and table view.</summary>
    private static IndexedResult Single(CliContext context, Spec spec, int k, Subject subject, Result result, string refinementName, string? outputPath)
    {
        result.Matrix.MapInplace(x => x == 0 ? 0.0 : x, Zeros.Include); // −0 (e.g. from u_i v_j with one factor −0) is printed and saved as 0
        var written = MatrixOutput.Save(outputPath, spec.ResultName, result.Matrix);
        var condition = subject.Condition;
        var warning = AccuracyWarning.Report(context, condition, subject.Name, $"the {spec.ResultName}");
        var body = new Dictionary<string, object?>
        {
            ["index"] = k,
            ["singularValue"] = subject.Value,
            ["decomposition"] = DecompositionOption.Dense,
            ["refinement"] = refinementName,
            ["rows"] = result.Matrix.RowCount,
            ["columns"] = result.Matrix.ColumnCount,
            ["conditionFigure"] = condition.Figure,
            ["expectedRelativeError"] = condition.ExpectedRelativeError(spec.DerivativeOrder),
        };
        if (subject.Cluster is { } members)
        {
            body["cluster"] = members.Members;
            body["clusterTolerance"] = subject.ClusterTolerance;
        }

        if (warning is not null)
        {
            body["accuracyWarning"] = warning;
        }

        foreach (var (name, value) in result.Scalars)
        {
            body[name] = value;
        }

        body[spec.ResultName] = CliJson.Rows(result.Matrix);
        if (written is not null)
        {
            body["output"] = written;
        }

        return new IndexedResult(body, () =>
        {
            var summary = new Grid().AddColumn().AddColumn();
            summary.AddRow(Markup.Escape(subject.Cluster is null ? subject.Name : $"mean of s_{string.Join(",", subject.Cluster.Members)}"), Number.Format(subject.Value));
            summary.AddRow("condition figure", Number.Short(condition.Figure));
            foreach (var (name, value) in result.Scalars)
            {
                summary.AddRow(Markup.Escape(name), Number.Format(value));
            }

            context.Console.Write(summary);
            MatrixOutput.Render(context.Console, spec.ResultName, result.Matrix);
            if (written is not null)
            {
                context.WriteLine($"wrote {written}");
            }
        });
    }
}
