using FluentAssertions;

namespace SpectralSensitivity.Tests.Cli;

public sealed class CliApplicationTests
{
    public static TheoryData<string> Commands => new("demo", "derivatives", "svd", "gradient", "hessian", "hvp", "hessian-spectrum", "taylor", "eig-derivatives", "report", "info");

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help_with_examples(string command)
    {
        var result = CliRunner.Run(command, "--help");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().Contain("Usage:").And.Contain("Examples:").And.Contain($"spectral {command}");
    }

    [Fact]
    public void Help_wins_over_missing_required_options()
    {
        var result = CliRunner.Run("derivatives", "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("--matrix").And.Contain("--direction");
    }

    [Fact]
    public void Root_help_lists_every_command()
    {
        var result = CliRunner.Run("--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("Examples:");
        foreach (var command in Commands)
        {
            result.Stdout.Should().Contain(command);
        }
    }
}
