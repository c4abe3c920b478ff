using System.Globalization;
using FluentAssertions;

namespace SpectralSensitivity.Tests.Cli.Hostile;

/// <summary>The CLI's numbers do not depend on the culture of the process: options are read, and results and messages written, the same everywhere.</summary>
[Collection(CultureCollection.Name)]
public sealed class LocaleTests : IDisposable
{
    private readonly MatrixFiles _files = new();
    private readonly string _a;
    private readonly string _e;
    private readonly string _cluster;

    public LocaleTests()
    {
        _a = _files.Write("A", TestMatrices.Random(5, 4, 1), MatrixFormat.NpyFloat64C);
        _e = _files.Write("E", TestMatrices.Random(5, 4, 2), MatrixFormat.NpyFloat64C);
        _cluster = _files.Write("C", TestSupport.TestMatrices.WithSingularValues(5, 4, [4, 2, 1.75, 1], seed: 3), MatrixFormat.MatrixMarketCoordinate);   // s₂, s₃ within 0.0625 s₁
    }

    /// <summary>The matrix-free commands, each with a decimal option (<c>--cluster-tolerance 0.0625</c>: 625 or 0 if misread) where it takes one.</summary>
    private string[][] KrylovRuns =>
    [
        ["svd", "-A", _a, "--count", "3", "--decomposition", "krylov", "--json"],
        ["svd", "-A", _a, "--count", "3", "--decomposition", "krylov"],
        ["derivatives", "-A", _a, "-E", _e, "-k", "2", "-N", "3", "--decomposition", "krylov", "--json"],
        ["derivatives", "-A", _a, "-E", _e, "-k", "2", "-N", "3", "--decomposition", "krylov"],
        ["derivatives", "-A", _cluster, "-E", _e, "-k", "2", "-N", "3", "--cluster-mean", "--cluster-tolerance", "0.0625", "--decomposition", "krylov", "--json"],
        ["derivatives", "-A", _cluster, "-E", _e, "-k", "2", "-N", "3", "--branches", "--cluster-tolerance", "0.0625", "--decomposition", "krylov"],
        ["eig-derivatives", "-A", _files.Write("T", TestMatrices.Symmetric(6, 4), MatrixFormat.NpyFloat64C), "-E", _files.Write("F", TestMatrices.Symmetric(6, 5), MatrixFormat.NpyFloat64C),
            "-k", "5", "-N", "2", "--decomposition", "krylov", "--json"],
        ["gradient", "-A", _a, "-k", "2", "--decomposition", "krylov"],
        ["hvp", "-A", _a, "-E", _e, "-k", "2", "--decomposition", "krylov", "--json"],
        ["gradient", "-A", _cluster, "-k", "3", "--cluster-mean", "--cluster-tolerance", "0.0625", "--decomposition", "krylov", "--json"],
        ["gradient", "-A", _cluster, "-k", "3", "--cluster-mean", "--cluster-tolerance", "0.0625", "--decomposition", "krylov"],
        ["hvp", "-A", _cluster, "-E", _e, "-k", "3", "--cluster-mean", "--cluster-tolerance", "0.0625", "--decomposition", "krylov", "--json"],
        ["hvp", "-A", _cluster, "-E", _e, "-k", "3", "--cluster-mean", "--cluster-tolerance", "0.0625", "--decomposition", "krylov"],
    ];

    public static TheoryData<string> Cultures => new() { "de-DE", "fr-FR", "tr-TR", "ar", "ar-SA", "en-US" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Decimal_options_mean_the_same_in_every_culture(string culture)
    {
        var result = CultureScope.Run(culture, () => CliRunner.Run("taylor", "-A", _a, "-E", _e, "--t-min", "-0.01", "--t-max", "0.05", "-p", "2", "--json"));

        result.ExitCode.Should().Be(0, result.ToString());
        var t = result.Json.GetProperty("points").EnumerateArray().Select(p => p.Double("t")).ToArray();
        t.Should().Equal(-0.01, 0.05);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Output_is_byte_identical_to_the_invariant_culture(string culture)
    {
        string[][] runs =
        [
            ["derivatives", "-A", _a, "-E", _e, "-k", "2", "-N", "4", "--json"],
            ["derivatives", "-A", _a, "-E", _e, "-k", "2", "-N", "4"],
            ["svd", "-A", _a],
            ["hessian-spectrum", "-A", _a, "--top", "2"],
            ["derivatives", "-A", _files.Text("I.csv", "1,0\n0,1\n"), "-E", _files.Text("F.csv", "1,2\n3,4\n"), "-k", "1", "-N", "2"],
        ];
        foreach (var args in runs)
        {
            var expected = CultureScope.Run(CultureInfo.InvariantCulture.Name, () => CliRunner.Run(args));
            var actual = CultureScope.Run(culture, () => CliRunner.Run(args));
            actual.Should().Be(expected, $"'{string.Join(' ', args[..1])}' under {culture}");
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Matrix_free_output_is_byte_identical_to_the_invariant_culture(string culture)
    {
        foreach (var args in KrylovRuns)
        {
            var expected = CultureScope.Run(CultureInfo.InvariantCulture.Name, () => CliRunner.Run(args));
            expected.ExitCode.Should().Be(0, expected.ToString());
            var actual = CultureScope.Run(culture, () => CliRunner.Run(args));
            actual.Should().Be(expected, $"'{string.Join(' ', args)}' under {culture}");
        }

        var mean = CultureScope.Run(culture, () => CliRunner.Run(KrylovRuns[^2])).Json;
        mean.Double("clusterTolerance").Should().Be(0.0625);
        mean.GetProperty("cluster").EnumerateArray().Select(x => x.GetInt32()).Should().Equal([2, 3], "0.0625 s₁ = 0.25 joins s₂ = 2 and s₃ = 1.75, not s₄ = 1");
    }

    [Theory]
    [InlineData("0,0625")]
    [InlineData("6,25e-2")]
    [InlineData("1.000,5")]
    public void Matrix_free_commands_refuse_a_comma_decimal_in_every_culture(string value)
    {
        foreach (var culture in new[] { "", "de-DE", "fr-FR" })
        {
            foreach (var command in new[] { "gradient", "hvp", "derivatives" })
            {
                string[] direction = command == "gradient" ? [] : ["-E", _e];
                var result = CultureScope.Run(culture, () => CliRunner.Run([command, "-A", _cluster, .. direction, "-k", "3", "--cluster-mean", "--cluster-tolerance", value, "--decomposition", "krylov"]));
                result.ExitCode.Should().Be(2, $"{command} --cluster-tolerance '{value}' under '{culture}': {result}");
                result.Stdout.Should().BeEmpty();
                result.Stderr.Should().StartWith("error: --cluster-tolerance").And.Contain("not a finite number").And.EndWith("\n");
                result.Stderr.Count(c => c == '\n').Should().Be(1, "one error line");
            }
        }
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.000,5")]
    [InlineData("1,000.5")]
    [InlineData("0,05")]
    [InlineData("1 000")]
    [InlineData("1_000")]
    [InlineData("\u0661")]
    [InlineData("0x10")]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("1e999")]
    public void Thousands_separators_and_other_spellings_are_errors(string value)
    {
        foreach (var culture in new[] { "", "de-DE", "fr-FR", "en-US" })
        {
            var result = CultureScope.Run(culture, () => CliRunner.Run("taylor", "-A", _a, "-E", _e, "--t-max", value, "-p", "2"));

            result.ExitCode.Should().Be(2, $"--t-max '{value}' under '{culture}': {result}");
            result.Stdout.Should().BeEmpty();
            result.Stderr.Should().StartWith("error: --t-max").And.Contain("not a finite number").And.NotContain("System.");
        }
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData("1.000")]
    [InlineData("2.0")]
    [InlineData("\u0662")]
    [InlineData("99999999999")]
    public void Integer_options_take_plain_digits_only(string value)
    {
        var result = CultureScope.Run("de-DE", () => CliRunner.Run("derivatives", "-A", _a, "-E", _e, "-k", "1", "-N", value));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().StartWith("error: --order").And.Contain("is not an integer");
    }

    [Fact]
    public void Parse_errors_never_show_dotnet_type_names()
    {
        var result = CliRunner.Run("taylor", "-A", _a, "-E", _e, "--t-max", "abc");

        result.Stderr.Should().NotContain("System.").And.NotContain("`1");
    }

    [Fact]
    public void The_callers_culture_is_restored_after_a_run()
    {
        CultureScope.Run("de-DE", () =>
        {
            CliRunner.Run("svd", "-A", _a);
            return CultureInfo.CurrentCulture.Name;
        }).Should().Be("de-DE");
    }

    [Theory]
    [InlineData("de_DE.UTF-8")]
    [InlineData("tr_TR.UTF-8")]
    public void A_real_process_with_LANG_set_reads_decimal_points(string lang)
    {
        if (!SpectralProcess.Available)
        {
            return;
        }

        var result = SpectralProcess.Run(new Dictionary<string, string?> { ["LANG"] = lang, ["LC_ALL"] = lang }, "", "taylor", "-A", _a, "-E", _e, "--t-min", "0", "--t-max", "0.05", "-p", "2", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.GetProperty("points").EnumerateArray().Select(p => p.Double("t")).Should().Equal(0, 0.05);
    }

    [Theory]
    [InlineData("de_DE.UTF-8")]
    [InlineData("tr_TR.UTF-8")]
    public void A_real_process_with_LANG_set_writes_the_matrix_free_cluster_mean_as_the_invariant_culture_does(string lang)
    {
        if (!SpectralProcess.Available)
        {
            return;
        }

        var environment = new Dictionary<string, string?> { ["LANG"] = lang, ["LC_ALL"] = lang };
        foreach (var args in new[] { KrylovRuns[^4], KrylovRuns[^2], KrylovRuns[^1] })
        {
            var expected = CultureScope.Run(CultureInfo.InvariantCulture.Name, () => CliRunner.Run(args));
            SpectralProcess.Run(environment, "", args).Should().Be(expected, $"'{string.Join(' ', args)}' with LANG={lang}");
        }

        var refused = SpectralProcess.Run(environment, "", "hvp", "-A", _cluster, "-E", _e, "-k", "3", "--cluster-mean", "--cluster-tolerance", "0,0625", "--decomposition", "krylov");
        refused.ExitCode.Should().Be(2, refused.ToString());
        refused.Stderr.Should().StartWith("error: --cluster-tolerance").And.Contain("not a finite number");
        refused.Stderr.Trim().Should().NotContain("\n", "one error line");
    }

    public void Dispose() => _files.Dispose();
}

/// <summary>Tests that change the current culture run one at a time (xunit runs classes of other collections in parallel, on other threads).</summary>
[CollectionDefinition(Name)]
public sealed class CultureCollection
{
    public const string Name = "current culture";
}
