using System.Text.Json;
using FluentAssertions;
using SpectralSensitivity.Tests.Studies;

namespace SpectralSensitivity.Tests.Cli.Commands;

public class StudyCommandTests
{
    [Fact]
    public void A_study_writes_results_summary_report_and_matrices()
    {
        using var directory = new StudyDirectory();
        var output = directory["out"];
        var result = CliRunner.Run("study", "--ensemble", "gaussian", "beta:2,5", "--rows", "4", "--columns", "3", "--trials", "5", "-k", "1..2", "-N", "3",
            "--validate", "closed-form,hessian", "--save-matrices", "--output", output, "--json");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.GetProperty("rows").GetInt32().Should().Be(20);
        foreach (var file in new[] { "results.csv", "summary.json", "report.html", "study.json", "A.npy", "E.npy" })
        {
            File.Exists(Path.Combine(output, file)).Should().BeTrue(file);
        }

        var lines = File.ReadAllLines(Path.Combine(output, "results.csv"));
        lines[0].Should().Be("ensemble,trial,k,singular_value,d1,d2,d3,closed_form_error_d1,closed_form_error_d2,closed_form_error_d3,hessian_kronecker_error,status");
        lines.Should().HaveCount(21);
        lines[^1].Should().StartWith("\"beta:2,5\",9,2,");
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json"))).RootElement;
        summary.GetProperty("groups").GetArrayLength().Should().Be(6, "2 ensembles x 2 values of k, and 'all' for each k");
        File.ReadAllText(Path.Combine(output, "report.html")).Should().Contain("<svg").And.Contain("hessian_kronecker_error");
    }

    [Theory]
    [InlineData("--ensemble gaussian --rows 4 --columns 3 --output {0}", "needs --ensemble, --rows, --columns and --trials")]
    [InlineData("--ensemble cauchy --rows 4 --columns 3 --trials 2 --output {0}", "unknown ensemble 'cauchy'")]
    [InlineData("--ensemble gaussian --rows 4 --columns 3 --trials 2 --validate autograd --output {0}", "unknown validation 'autograd'")]
    [InlineData("--ensemble gaussian --rows 4 --columns 3 --trials 2 -k 4 --output {0}", "index 4 is out of range")]
    [InlineData("--ensemble gaussian --rows 4 --columns 3 --trials 2 -N 0 --output {0}", "order")]
    [InlineData("--matrices A.npy --ensemble gaussian --output {0}", "--matrices replaces --ensemble")]
    [InlineData("--ensemble gaussian --rows 4 --columns 3 --trials 2 --directions E.npy --output {0}", "--directions goes with --matrices")]
    [InlineData("--ensemble gaussian --rows 2000 --columns 1000 --trials 1 --validate hessian --output {0}", "validate smaller matrices")]
    public void Bad_usage_is_one_error_line_and_exit_2(string arguments, string message)
    {
        using var directory = new StudyDirectory();
        var result = CliRunner.Run(["study", .. string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, directory["out"]).Split(' ')]);
        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().StartWith("error: ").And.Contain(message);
        result.Stderr.TrimEnd('\n').Should().NotContain("\n");
        File.Exists(Path.Combine(directory["out"], "results.csv")).Should().BeFalse();
    }

    [Fact]
    public void An_output_that_is_a_file_is_refused()
    {
        using var directory = new StudyDirectory();
        File.WriteAllText(directory["taken"], "x");
        var result = CliRunner.Run("study", "--ensemble", "gaussian", "--rows", "3", "--columns", "3", "--trials", "1", "--output", directory["taken"]);
        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("is a file; give a folder");
    }

    [Fact]
    public void A_study_of_a_folder_of_matrices_names_the_folder()
    {
        using var directory = new StudyDirectory();
        var folder = Directory.CreateDirectory(directory["layers"]).FullName;
        File.WriteAllText(Path.Combine(folder, "a.csv"), "3,1\n1,2\n0,1\n");
        File.WriteAllText(Path.Combine(folder, "b.csv"), "1,0\n0,5\n2,2\n");
        var result = CliRunner.Run("study", "--matrices", folder, "-k", "all", "-N", "2", "--validate", "extended-precision", "--output", directory["out"]);
        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllLines(Path.Combine(directory["out"], "results.csv")).Skip(1).Should().HaveCount(4).And.OnlyContain(l => l.StartsWith("layers,", StringComparison.Ordinal));
    }
}
