using System.CommandLine;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
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
    /// <param name="Expand">Decomposes the matrix (refined as --refinement asks) and expands the selected values to order N with the named method, in the order asked.</param>
    internal sealed record Spec(
        string Name,
        string Description,
        Option<string> Matrix,
        Option<string> Direction,
        Option<string> Index,
        bool Singular,
        Func<Matrix<double>, Matrix<double>, IndexSelection, int, string, DecompositionRefinement, IReadOnlyList<SpectralExpansion>> Expand);

    public static Command Create(CliContext context, Spec spec, params string[] examples)
    {
        var order = CommonOptions.Order(required: false);
        var method = CommonOptions.Method();
        var json = CommonOptions.Json();
        var refinementOption = RefinementOption.Create();
        var output = MatrixOutput.Option("the derivatives (.npz: derivatives, taylorCoefficients and the vectors' Taylor coefficients)");
        var command = new Command(spec.Name, spec.Description) { spec.Matrix, spec.Direction, spec.Index, order, method, refinementOption, output, json };

        command.SetAction(parse =>
        {
            var matrix = context.Inputs.Load(parse.GetRequiredValue(spec.Matrix), "--matrix");
            var direction = context.Inputs.Load(parse.GetRequiredValue(spec.Direction), "--direction");
            var algorithm = parse.GetRequiredValue(method);
            var refinement = parse.GetRequiredValue(refinementOption);
            var selection = IndexSelection.Parse(parse.GetRequiredValue(spec.Index));
            var expansions = spec.Expand(matrix, direction, selection, parse.GetValue(order), algorithm, RefinementOption.Parse(refinement));
            foreach (var expansion in expansions)
            {
                AccuracyWarning.Report(context, expansion.Condition, $"{(spec.Singular ? "s" : "mu")}_{expansion.Index}", $"D_{expansion.Order}");
            }

            var outputPath = parse.GetValue(output);
            var results = expansions.Select(expansion =>
            {
                var written = MatrixOutput.Save(IndexedOutput.PathFor(outputPath, selection, expansion.Index), Expansions.Arrays(expansion));
                return new IndexedResult(
                    Expansions.ToJson(expansion, algorithm, refinement, spec.Singular, matrix.RowCount, matrix.ColumnCount, written),
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
}
