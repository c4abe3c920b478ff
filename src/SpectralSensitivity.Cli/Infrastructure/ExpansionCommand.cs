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
    /// <param name="Singular">True for singular values (JSON "singularValue", and the --svd-refinement option), false for eigenvalues ("eigenvalue").</param>
    /// <param name="Expand">Decomposes the matrix (with the SVD refinement asked for, if singular) and expands value k to order N with the named method.</param>
    internal sealed record Spec(
        string Name,
        string Description,
        Option<string> Matrix,
        Option<string> Direction,
        Option<int> Index,
        bool Singular,
        Func<Matrix<double>, Matrix<double>, int, int, string, SvdRefinement, SpectralExpansion> Expand);

    public static Command Create(CliContext context, Spec spec, params string[] examples)
    {
        var order = CommonOptions.Order(required: true);
        var method = CommonOptions.Method();
        var json = CommonOptions.Json();
        var refinement = SvdRefinementOption.Create();
        var command = new Command(spec.Name, spec.Description) { spec.Matrix, spec.Direction, spec.Index, order, method, json };
        if (spec.Singular)
        {
            command.Options.Add(refinement);
        }

        command.SetAction(parse =>
        {
            var matrix = MatrixInput.Load(parse.GetRequiredValue(spec.Matrix), "--matrix");
            var direction = MatrixInput.Load(parse.GetRequiredValue(spec.Direction), "--direction");
            var algorithm = parse.GetRequiredValue(method);
            var svdRefinement = spec.Singular ? parse.GetRequiredValue(refinement) : null;
            var expansion = spec.Expand(matrix, direction, parse.GetValue(spec.Index), parse.GetValue(order), algorithm, SvdRefinementOption.Parse(svdRefinement ?? SvdRefinementOption.None));
            if (parse.GetValue(json))
            {
                context.WriteJson(Expansions.ToJson(expansion, algorithm, svdRefinement, spec.Singular, matrix.RowCount, matrix.ColumnCount));
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
