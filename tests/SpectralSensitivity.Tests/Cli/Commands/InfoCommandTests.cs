using FluentAssertions;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class InfoCommandTests
{
    [Fact]
    public void Json_names_the_provider_versions_and_limits()
    {
        var result = CliRunner.Run("info", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json;
        json.GetProperty("provider").GetProperty("provider").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("maxOrder").GetInt32().Should().Be(SingularValueDerivatives.MaxOrder);
        json.GetProperty("maxClosedFormOrder").GetInt32().Should().Be(SingularValueDerivatives.MaxClosedFormOrder);
        json.GetProperty("toolVersion").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Table_names_the_provider()
    {
        var result = CliRunner.Run("info");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("provider").And.Contain("max order");
    }
}
