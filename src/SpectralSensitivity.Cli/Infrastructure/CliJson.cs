using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>JSON output: camelCase, indented, doubles written round-trippably (−0 as 0), NaN and ±∞ written as <c>null</c>.</summary>
internal static class CliJson
{
    /// <summary>The serializer options every command uses.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new RoundTripDoubleConverter(), new JsonMatrix.Converter() },
    };

    /// <summary>Serializes <paramref name="value"/> to one JSON document.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Streams <paramref name="value"/> as one indented JSON document and a newline into <paramref name="output"/>.</summary>
    /// <remarks>Memory beyond the object itself is O(<see cref="JsonMatrix.FlushBytes"/> + one matrix row): matrices (<see cref="JsonMatrix"/>) flush as they go.</remarks>
    public static void Write<T>(TextWriter output, T value)
    {
        using (var stream = new TextWriterStream(output))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            JsonSerializer.Serialize(writer, value, Options);
            writer.Flush();
        }

        output.WriteLine();
    }

    /// <summary>Rows of a matrix as nested arrays (row-major) in JSON, written without copying the matrix.</summary>
    public static JsonMatrix Rows(MathNet.Numerics.LinearAlgebra.Matrix<double> matrix) => new(matrix);

    /// <summary>Writes finite doubles with the shortest round-trippable text ("R") and non-finite ones as null.</summary>
    internal sealed class RoundTripDoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => false;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value == 0 ? 0.0 : value); // shortest round-trippable text, the same digits as ToString("R"); -0 written as 0
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
