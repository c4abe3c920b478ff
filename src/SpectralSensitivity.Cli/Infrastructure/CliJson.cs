using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>JSON output: camelCase, indented, doubles written round-trippably, NaN and ±∞ written as <c>null</c>.</summary>
internal static class CliJson
{
    /// <summary>The serializer options every command uses.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new RoundTripDoubleConverter() },
    };

    /// <summary>Serializes <paramref name="value"/> to one JSON document.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Rows of a matrix as nested arrays (row-major), for JSON.</summary>
    public static double[][] Rows(MathNet.Numerics.LinearAlgebra.Matrix<double> matrix) =>
        Enumerable.Range(0, matrix.RowCount).Select(i => matrix.Row(i).ToArray()).ToArray();

    /// <summary>Writes finite doubles with the shortest round-trippable text ("R") and non-finite ones as null.</summary>
    private sealed class RoundTripDoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => false;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value); // shortest round-trippable text, the same digits as ToString("R")
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
