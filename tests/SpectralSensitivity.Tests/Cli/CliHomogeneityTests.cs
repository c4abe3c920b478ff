using System.Text.Json;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Cli;

/// <summary>The same homogeneity check as the library's entry points, through the `spectral` commands and their JSON.</summary>
public sealed class CliHomogeneityTests
{
    public static TheoryData<string> Commands() => [.. EntryPoints.Select(e => e.Name.Split(' ')[0])];

    private static readonly EntryPoint[] EntryPoints =
    [
        Command("derivatives", ["-k", "2", "-N", "8"], json =>
            json.Doubles("derivatives").Select((d, j) => new Quantity($"D{j + 1}", d, -j, j + 1))
                .Append(new Quantity("singularValue", json.Double("singularValue"), 1, 0))
                .Append(new Quantity("gap", json.Double("gap"), 1, 0))),
        Command("eig-derivatives", ["-k", "8", "-N", "8"], json =>
            json.Doubles("derivatives").Select((d, j) => new Quantity($"D{j + 1}", d, -j, j + 1))
                .Append(new Quantity("eigenvalue", json.Double("eigenvalue"), 1, 0)), symmetric: true),
        Command("gradient", ["-k", "2"], json => Rows(json, "gradient", 0, 0), takesDirection: false),
        Command("hvp", ["-k", "2"], json => Rows(json, "hessianVectorProduct", -1, 1).Append(new Quantity("quadraticForm", json.Double("quadraticForm"), -1, 2))),
        Command("hessian", ["-k", "2"], json => Rows(json, "hessian", -1, 0).Append(new Quantity("trace", json.Double("trace"), -1, 0)), takesDirection: false),
        Command("hessian-spectrum", ["-k", "2"], json =>
            json.GetProperty("eigenvalues").EnumerateArray().Select((p, i) => new Quantity($"eigenvalue {i}", p.Double("value"), -1, 0))
                .Append(new Quantity("trace", json.Double("trace"), -1, 0)), takesDirection: false),
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Json_outputs_scale_exactly_or_the_command_exits_3_naming_the_range(string command)
    {
        var entryPoint = EntryPoints.Single(e => e.Name.Split(' ')[0] == command);
        EntryPointHarness.CheckHomogeneity(entryPoint, TestMatrices.Random(5, 4, 1), TestMatrices.Random(5, 4, 2)).Should().BeEmpty();
    }

    [Fact]
    public void Derivatives_of_order_20_in_the_json_scale_bit_exactly_where_their_coefficients_are_subnormal()
    {
        // The JSON's D_j are the library's: 2^s times the unscaled ones bit for bit where normal (c_j = D_j / j! subnormal or 0), correctly
        // rounded where subnormal, at 2^±1000 and where each D_j is just above the smallest normal number.
        var entryPoint = Command("derivatives", ["-k", "2", "-N", "20"], json =>
            json.Doubles("derivatives").Select((d, j) => new Quantity($"D{j + 1}", d, -j, j + 1, CorrectlyRounded: true)));
        var (a, e) = (TestMatrices.Random(5, 4, 1), TestMatrices.Random(5, 4, 2).Map(x => Math.ScaleB(x, -4)));
        EntryPointHarness.CheckHomogeneity(entryPoint, a, e, tolerance: 0, [.. EntryPointHarness.Separately, .. EntryPointHarness.NearUnderflow(entryPoint, a, e)])
            .Should().BeEmpty();
    }

    private static IEnumerable<Quantity> Rows(JsonElement json, string property, int aExponent, int eExponent) =>
        json.GetProperty(property).EnumerateArray().SelectMany((row, i) => row.Doubles().Select((x, j) => new Quantity($"{property}[{i},{j}]", x, aExponent, eExponent)));

    /// <summary>Runs `spectral COMMAND -A A.npy [-E E.npy] ARGS --json` (or another file format); for a symmetric command the files hold H(A) and H(E).</summary>
    internal static EntryPoint Command(string name, string[] arguments, Func<JsonElement, IEnumerable<Quantity>> read, bool symmetric = false, bool takesDirection = true,
        MatrixFormat format = MatrixFormat.NpyFloat64C) =>
        new($"{name} {string.Join(' ', arguments)}", (a, e, _) =>
        {
            using var files = new MatrixFiles();
            var (matrix, direction) = symmetric ? (JordanWielandt.Dense(a), JordanWielandt.Dense(e)) : (a, e);
            string[] directionArguments = takesDirection ? ["-E", files.Write("E", direction, format)] : [];
            var result = CliRunner.Run([name, "-A", files.Write("A", matrix, format), .. directionArguments, .. arguments, "--json"]);
            if (result.ExitCode == 3 && result.Stderr.Contains("beyond the double range", StringComparison.Ordinal))
            {
                throw new ResultOutOfRangeException(result.Stderr.Trim());
            }

            result.ExitCode.Should().Be(0, result.ToString());
            return read(result.Json).ToArray();
        });
}
