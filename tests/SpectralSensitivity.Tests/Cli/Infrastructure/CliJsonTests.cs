using System.Text.Json;
using FluentAssertions;
using SpectralSensitivity.Cli.Infrastructure;

namespace SpectralSensitivity.Tests.Cli.Infrastructure;

public sealed class CliJsonTests
{
    [Fact]
    public void Doubles_round_trip_exactly_and_non_finite_values_become_null()
    {
        double[] values = [0.1, 1.0 / 3, Math.PI * 1e-300, double.Epsilon, double.MaxValue, -2.5e-17, 0.0];
        var text = CliJson.Serialize(new { Values = values, Nan = double.NaN, Infinity = double.PositiveInfinity });

        text.Should().NotContain("NaN").And.NotContain("Infinity").And.Contain("\"nan\": null").And.Contain("\"infinity\": null");
        var parsed = JsonDocument.Parse(text).RootElement.GetProperty("values").EnumerateArray().Select(e => e.GetDouble());
        parsed.Should().Equal(values);
    }

    [Fact]
    public void Names_are_camel_case()
    {
        CliJson.Serialize(new { SingularValue = 1.0 }).Should().Contain("\"singularValue\"");
    }
}
