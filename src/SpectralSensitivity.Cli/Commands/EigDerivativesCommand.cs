using System.CommandLine;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral eig-derivatives</c>: <c>d^j/dt^j μ_k(T + tT₁)</c> at t = 0 for a symmetric T.</summary>
internal static class EigDerivativesCommand
{
    public static Command Create(CliContext context)
    {
        var matrix = CommonOptions.Matrix("The symmetric matrix T");
        var direction = CommonOptions.Direction(required: true, "The symmetric direction T1, same size as T");
        var index = new Option<int>("--index", "-k")
        {
            Description = "1-based index k of the eigenvalue in ascending order (mu_1 is the smallest)",
            Required = true,
        };
        var order = CommonOptions.Order(required: true);
        var method = CommonOptions.Method();
        var json = CommonOptions.Json();
        var command = new Command("eig-derivatives", "Derivatives D_1..D_N of the eigenvalue mu_k(T + tT1) of a symmetric matrix at t = 0, and its Taylor coefficients.")
        {
            matrix, direction, index, order, method, json,
        };
        command.SetAction(parse =>
        {
            var t = MatrixInput.Load(parse.GetRequiredValue(matrix), "--matrix");
            var t1 = MatrixInput.Load(parse.GetRequiredValue(direction), "--direction");
            var algorithm = parse.GetRequiredValue(method);
            var eig = SymmetricEigendecomposition.Compute(t);
            var expansion = Expansions.OfEigenvalue(eig, t1, parse.GetValue(index), parse.GetValue(order), algorithm);
            if (parse.GetValue(json))
            {
                context.WriteJson(Expansions.ToJson(expansion, algorithm, singular: false, t.RowCount, t.ColumnCount));
            }
            else
            {
                Expansions.Render(context.Console, $"mu_{expansion.Index}", expansion, algorithm);
            }

            return ExitCodes.Success;
        });
        return context.Examples.Add(
            command,
            "spectral eig-derivatives --matrix T.npy --direction T1.npy --index 1 --order 6",
            "spectral eig-derivatives -A T.csv -E T1.csv -k 3 -N 4 --json --method closed-form");
    }
}
