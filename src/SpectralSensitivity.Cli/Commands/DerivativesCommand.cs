using System.CommandLine;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral derivatives</c>: <c>d^j/dt^j s_k(A + tE)</c> at t = 0 for j = 1..N.</summary>
internal static class DerivativesCommand
{
    public static Command Create(CliContext context)
    {
        var matrix = CommonOptions.Matrix();
        var direction = CommonOptions.Direction(required: true);
        var index = CommonOptions.Index(required: true);
        var order = CommonOptions.Order(required: true);
        var method = CommonOptions.Method();
        var json = CommonOptions.Json();
        var command = new Command("derivatives", "Derivatives D_1..D_N of the singular value s_k(A + tE) at t = 0, and its Taylor coefficients.")
        {
            matrix, direction, index, order, method, json,
        };
        command.SetAction(parse =>
        {
            var a = MatrixInput.Load(parse.GetRequiredValue(matrix), "--matrix");
            var e = MatrixInput.Load(parse.GetRequiredValue(direction), "--direction");
            var algorithm = parse.GetRequiredValue(method);
            var svd = ThinSingularValueDecomposition.Compute(a);
            var expansion = Expansions.OfSingularValue(svd, e, parse.GetValue(index), parse.GetValue(order), algorithm);
            if (parse.GetValue(json))
            {
                context.WriteJson(Expansions.ToJson(expansion, algorithm, singular: true, a.RowCount, a.ColumnCount));
            }
            else
            {
                Expansions.Render(context.Console, $"s_{expansion.Index}", expansion, algorithm);
            }

            return ExitCodes.Success;
        });
        return context.Examples.Add(
            command,
            "spectral derivatives --matrix A.npy --direction E.npy --index 1 --order 6",
            "spectral derivatives -A A.csv -E E.csv -k 2 -N 8 --json",
            "spectral derivatives -A A.mtx -E E.mtx -k 1 -N 10 --method closed-form");
    }
}
