using System.CommandLine;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Results;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>The shape both <c>derivatives</c> and <c>eig-derivatives</c> share: load two matrices, expand one value, print JSON or a table.</summary>
internal static class ExpansionCommand
{
    /// <summary>What differs between the two commands.</summary>
    /// <param name="Name">The command name.</param>
    /// <param name="Description">Its help text.</param>
    /// <param name="Matrix">The --matrix option.</param>
    /// <param name="Direction">The --direction option.</param>
    /// <param name="Index">The --index option.</param>
    /// <param name="Singular">True for singular values (JSON "singularValue"), false for eigenvalues ("eigenvalue").</param>
    /// <param name="Expand">Decomposes the matrix (refined as --refinement asks) and expands value k to order N with the named method.</param>
    internal sealed record Spec(
        string Name,
        string Description,
        Option<string> Matrix,
        Option<string> Direction,
        Option<int> Index,
        bool Singular,
        Func<Matrix<double>, Matrix<double>, int, int, string, DecompositionRefinement, SpectralExpansion> Expand);

    public static Command Create(CliContext context, Spec spec, params string[] examples)
    {
        var order = CommonOptions.Order(required: false);
        var method = CommonOptions.Method();
        var json = CommonOptions.Json();
        var refinementOption = RefinementOption.Create();
        var command = new Command(spec.Name, spec.Description) { spec.Matrix, spec.Direction, spec.Index, order, method, refinementOption, json };

        command.SetAction(parse =>
        {
            var matrix = context.Inputs.Load(parse.GetRequiredValue(spec.Matrix), "--matrix");
            var direction = context.Inputs.Load(parse.GetRequiredValue(spec.Direction), "--direction");
            var algorithm = parse.GetRequiredValue(method);
            var refinement = parse.GetRequiredValue(refinementOption);
            var expansion = spec.Expand(matrix, direction, parse.GetValue(spec.Index), parse.GetValue(order), algorithm, RefinementOption.Parse(refinement));
            if (parse.GetValue(json))
            {
                context.WriteJson(Expansions.ToJson(expansion, algorithm, refinement, spec.Singular, matrix.RowCount, matrix.ColumnCount));
            }
            else
            {
                Expansions.Render(context.Console, $"{(spec.Singular ? "s" : "mu")}_{expansion.Index}", expansion, algorithm);
            }

            return ExitCodes.Success;
        });
        return context.Examples.Add(command, examples);
    }
}
