using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace SpectralSensitivity.Tests.Cli.Commands;

/// <summary><c>-k all</c>, <c>-k 1,2,5</c>, <c>-k 1..5</c> on every command that takes -k: one object whose "results" are the single-index objects.</summary>
public sealed class SeveralIndicesTests
{
    public static TheoryData<string, string> Commands => new()
    {
        { "derivatives", "1..3" },
        { "derivatives", "all" },
        { "eig-derivatives", "all" },
        { "eig-derivatives", "4,1" },
        { "gradient", "2,3" },
        { "hessian", "1..2" },
        { "hvp", "all" },
        { "hessian-spectrum", "3,1" },
        { "taylor", "1..2" },
        { "report", "2,3" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Results_are_the_single_index_objects_exactly_in_the_order_asked(string command, string indices)
    {
        using var files = new MatrixFiles();
        var (args, count) = Arguments(files, command);
        var several = CliRunner.Run([command, .. args, "-k", indices, "--json"]);

        several.ExitCode.Should().Be(0, several.ToString());
        several.Json.EnumerateObject().Select(p => p.Name).Should().Equal("results");
        var results = several.Json.GetProperty("results").EnumerateArray().ToArray();
        var expectedIndices = indices == "all" ? Enumerable.Range(1, count).ToArray() : Expand(indices);
        results.Select(r => r.GetProperty("index").GetInt32()).Should().Equal(expectedIndices);
        foreach (var result in results)
        {
            var k = result.GetProperty("index").GetInt32();
            var single = CliRunner.Run([command, .. args, "-k", k.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json"]);
            single.ExitCode.Should().Be(0, single.ToString());
            if (command.EndsWith("derivatives", StringComparison.Ordinal))
            {
                // A set is expanded in singular (eigen) coordinates all at once: the same fields, the numbers to rounding.
                foreach (var series in new[] { "derivatives", "taylorCoefficients" })
                {
                    var expected = single.Json.Doubles(series);
                    result.Doubles(series).Should().Equal(expected, (x, y) => Math.Abs(x - y) <= 1e-12 * (1 + expected.Max(Math.Abs)), $"{series} of k = {k}");
                }

                result.Double("convergenceRadius").Should().BeApproximately(single.Json.Double("convergenceRadius"), 1e-14 * single.Json.Double("convergenceRadius"));
            }

            Canonical(result).Should().Be(Canonical(single.Json), $"the entry for k = {k} is what '{command} -k {k}' prints");
        }
    }

    [Fact]
    public void Derivatives_of_a_set_come_from_the_all_values_expansion_bit_for_bit()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(6, 4, 25);
        var e = TestMatrices.Random(6, 4, 26);
        var result = CliRunner.Run("derivatives", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "-E", files.Write("E", e, MatrixFormat.NpyFloat64C), "-k", "4,2", "-N", "6", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = SpectralSensitivity.Spectrum.SpectrumDerivatives.OfSingularValues(
            SpectralSensitivity.Decomposition.ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), 6, new SpectralSensitivity.Spectrum.SpectrumExpansionOptions([4, 2]));
        var results = result.Json.GetProperty("results").EnumerateArray().ToArray();
        for (var i = 0; i < 2; i++)
        {
            results[i].Doubles("taylorCoefficients").Should().Equal(expected.Expansions[i].TaylorCoefficients);
            results[i].Double("gap").Should().Be(expected.Expansions[i].Gap);
        }
    }

    [Fact]
    public void Table_view_prints_every_index_in_turn()
    {
        using var files = new MatrixFiles();
        var (args, _) = Arguments(files, "derivatives");
        var result = CliRunner.Run(["derivatives", .. args, "-k", "3,1"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.IndexOf("s_3", StringComparison.Ordinal).Should().BeGreaterThan(-1).And.BeLessThan(result.Stdout.IndexOf("s_1", StringComparison.Ordinal));
    }

    [Fact]
    public void Output_files_of_several_indices_carry_the_index_and_hold_each_single_result()
    {
        using var files = new MatrixFiles();
        var (args, _) = Arguments(files, "gradient");
        var output = Path.Combine(files.Directory, "G.npy");
        var several = CliRunner.Run(["gradient", .. args, "-k", "1,3", "-o", output, "--json"]);

        several.ExitCode.Should().Be(0, several.ToString());
        File.Exists(output).Should().BeFalse("several indices never write the plain name");
        foreach (var k in new[] { 1, 3 })
        {
            var path = Path.Combine(files.Directory, $"G.k{k}.npy");
            several.Json.GetProperty("results")[k == 1 ? 0 : 1].GetProperty("output").GetString().Should().Be(path);
            var single = Path.Combine(files.Directory, $"single{k}.npy");
            CliRunner.Run(["gradient", .. args, "-k", $"{k}", "-o", single]).ExitCode.Should().Be(0);
            File.ReadAllBytes(path).Should().Equal(File.ReadAllBytes(single));
        }
    }

    [Fact]
    public void An_input_named_like_one_of_the_indexed_outputs_is_never_overwritten()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(4, 3, 23);
        var input = files.Write("G.k2", a, MatrixFormat.NpyFloat64C);
        var before = File.ReadAllBytes(input);
        var result = CliRunner.Run("gradient", "-A", input, "-k", "1..3", "-o", Path.Combine(files.Directory, "G.npy"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().StartWith("error:").And.Contain("input");
        File.ReadAllBytes(input).Should().Equal(before);
        CliRunner.Run("gradient", "-A", input, "-k", "1", "-o", Path.Combine(files.Directory, "G.npy")).ExitCode.Should().Be(0, "a single index writes G.npy itself");
    }

    [Theory]
    [InlineData("1..9", 2, "out of range")]
    [InlineData("two", 2, "--index")]
    [InlineData("1,1", 2, "twice")]
    public void Bad_selections_are_usage_errors_with_empty_stdout(string indices, int code, string message)
    {
        using var files = new MatrixFiles();
        var (args, _) = Arguments(files, "derivatives");
        var result = CliRunner.Run(["derivatives", .. args, "-k", indices, "--json"]);

        result.ExitCode.Should().Be(code, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error:").And.Contain(message);
    }

    [Fact]
    public void A_zero_singular_value_in_the_set_is_refused_naming_it()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(5, 2, 3) * TestMatrices.Random(2, 4, 4); // rank 2 of 4
        var result = CliRunner.Run("derivatives", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "-E", files.Write("E", TestMatrices.Random(5, 4, 5), MatrixFormat.NpyFloat64C), "-k", "all", "-N", "3", "--json");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: singular value 3 is zero");
    }

    private static (string[] Args, int Count) Arguments(MatrixFiles files, string command)
    {
        if (command == "eig-derivatives")
        {
            return (["-A", files.Write("T", TestMatrices.Symmetric(5, 21), MatrixFormat.NpyFloat64C), "-E", files.Write("T1", TestMatrices.Symmetric(5, 22), MatrixFormat.NpyFloat64C), "-N", "4"], 5);
        }

        var a = files.Write("A", TestMatrices.Random(4, 3, 23), MatrixFormat.NpyFloat64C);
        var e = files.Write("E", TestMatrices.Random(4, 3, 24), MatrixFormat.NpyFloat64C);
        string[] args = command switch
        {
            "derivatives" => ["-A", a, "-E", e, "-N", "4"],
            "hvp" => ["-A", a, "-E", e],
            "taylor" => ["-A", a, "-E", e, "-N", "3", "--points", "3"],
            "report" => ["-A", a, "-E", e, "-N", "3", "--points", "3", "-o", Path.Combine(files.Directory, "r.html")],
            _ => ["-A", a],
        };
        return (args, 3);
    }

    private static int[] Expand(string indices) => indices.Split(',').SelectMany(item =>
    {
        var parts = item.Split("..");
        var first = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var last = int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(first, last - first + 1);
    }).ToArray();

    /// <summary>Compact JSON text without the file path (which names the index for several indices).</summary>
    private static string Canonical(JsonElement element)
    {
        var node = JsonNode.Parse(element.GetRawText())!.AsObject();
        node.Remove("output");
        if (node.ContainsKey("derivatives"))
        {
            node.Remove("derivatives");
            node.Remove("taylorCoefficients");
            node.Remove("convergenceRadius");
        }

        return node.ToJsonString();
    }
}
