using FluentAssertions;
using SpectralSensitivity.Cli.Infrastructure;

namespace SpectralSensitivity.Tests.Cli.Hostile;

/// <summary>The one <c>error:</c> line is safe and short whatever the input, and the environment cannot crash the CLI.</summary>
public sealed class ErrorLineTests : IDisposable
{
    private readonly MatrixFiles _files = new();

    [Fact]
    public void Control_characters_from_a_file_are_escaped()
    {
        var csv = _files.Text("evil.csv", "1,2\n3,\u001b]0;pwned\u0007\u001b[31m\u202e\n");
        var result = CliRunner.Run("svd", "-A", csv);

        result.ExitCode.Should().Be(2, result.ToString());
        var line = result.Stderr.TrimEnd('\n', '\r');
        line.Should().NotContainAny("\u001b", "\u0007", "\u202e").And.Contain("\\u001b");
        line.Split('\n').Should().ContainSingle();
    }

    [Fact]
    public void A_huge_shape_gives_a_short_error_line()
    {
        var shape = "(" + string.Join(", ", Enumerable.Repeat("1", 5002)) + ")";
        var npy = _files.Bytes("wide.npy", MatrixFiles.Npy(TestMatrices.Random(2, 2, 1), "<f8", fortran: false, shape));
        var result = CliRunner.Run("svd", "-A", npy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Length.Should().BeLessThanOrEqualTo(ErrorReporter.MaxLength + 20);
    }

    [Fact]
    public void Long_messages_keep_their_head_and_tail()
    {
        var line = ErrorReporter.OneLine("head " + new string('x', 5000) + " tail");

        line.Length.Should().BeLessThanOrEqualTo(ErrorReporter.MaxLength + 10);
        line.Should().StartWith("head ").And.EndWith(" tail").And.Contain("characters left out");
    }

    [Fact]
    public void Negative_zero_is_printed_as_zero_in_json_tables_and_files()
    {
        // diag(3, 2, 1): the SVD's vectors hold -0 entries, and so does the gradient u_2 v_2^T built from them.
        var a = _files.Text("D.csv", "3,0,0\n0,2,0\n0,0,1\n");
        var output = Path.Combine(_files.Directory, "G.csv");

        var json = CliRunner.Run("svd", "-A", a, "--vectors", "--json");
        var table = CliRunner.Run("svd", "-A", a, "--vectors");
        var gradient = CliRunner.Run("gradient", "-A", a, "-k", "2", "-o", output, "--json");

        foreach (var result in new[] { json, table, gradient })
        {
            result.ExitCode.Should().Be(0, result.ToString());
            result.Stdout.Should().NotMatchRegex(@"(?<![\d.eE])-0(?![\d.])");
        }

        File.ReadAllText(output).Should().NotMatchRegex(@"(?<![\d.eE])-0(?![\d.])");
    }

    [Fact]
    public void Overflow_of_A_plus_tE_is_not_blamed_on_A()
    {
        var a = _files.Text("A.csv", "1,0\n0,2\n");
        var e = _files.Text("E.csv", "1e300,0\n0,1\n");
        var result = CliRunner.Run("taylor", "-A", a, "-E", e, "--t-min", "0", "--t-max", "1e10", "-p", "2");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("A + tE overflows").And.NotContain("A has a non-finite entry");
    }

    [Fact]
    public void Help_works_when_the_provider_variable_is_invalid()
    {
        if (!SpectralProcess.Available)
        {
            return;
        }

        var env = new Dictionary<string, string?> { ["SPECTRAL_PROVIDER"] = "bogus" };
        var help = SpectralProcess.Run(env, "", "svd", "--help");
        var run = SpectralProcess.Run(env, "", "svd", "-A", _files.Write("A", TestMatrices.Random(3, 2, 2), MatrixFormat.Csv));

        help.ExitCode.Should().Be(0, help.ToString());
        help.Stdout.Should().Contain("--matrix");
        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("SPECTRAL_PROVIDER");
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("intel")]
    [InlineData("tbb")]
    public void An_invalid_mkl_threading_variable_is_a_usage_error_naming_it(string value)
    {
        if (!SpectralProcess.Available)
        {
            return;
        }

        var result = SpectralProcess.Run(
            new Dictionary<string, string?> { ["SPECTRAL_MKL_THREADING"] = value, ["SPECTRAL_PROVIDER"] = null },
            "",
            "svd",
            "-A",
            _files.Write("A", TestMatrices.Random(3, 2, 3), MatrixFormat.Csv));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().StartWith("error: ").And.Contain("SPECTRAL_MKL_THREADING").And.NotContain("TypeInitializationException");
    }

    public void Dispose() => _files.Dispose();
}
