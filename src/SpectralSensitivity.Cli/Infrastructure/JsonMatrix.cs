using System.Text.Json;
using System.Text.Json.Serialization;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>A matrix written to JSON as an array of rows, streamed: the writer is flushed every <see cref="FlushBytes"/> bytes.</summary>
/// <param name="Matrix">The matrix (not copied).</param>
internal sealed record JsonMatrix(Matrix<double> Matrix)
{
    /// <summary>The writer flushes to its stream once this many bytes are pending (checked after each row).</summary>
    public const int FlushBytes = 1 << 16;

    /// <summary>The most bytes one number takes in indented JSON (sign, 17 digits, point, exponent, indentation, comma, newline).</summary>
    public const int MaxBytesPerNumber = 40;

    /// <summary>Bytes the JSON writer and the text conversion hold at once when writing a matrix with <paramref name="columns"/> columns.</summary>
    /// <remarks>At most <see cref="FlushBytes"/> plus one row pending, as UTF-8 bytes and again as UTF-16 characters (3 bytes per byte).</remarks>
    public static long WorkingBytes(long columns) => 3 * (FlushBytes + columns * MaxBytesPerNumber);

    /// <summary>Writes the rows and flushes as it goes.</summary>
    internal sealed class Converter : JsonConverter<JsonMatrix>
    {
        public override JsonMatrix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("JsonMatrix is written only");

        public override void Write(Utf8JsonWriter writer, JsonMatrix value, JsonSerializerOptions options)
        {
            var matrix = value.Matrix;
            var number = (JsonConverter<double>)options.GetConverter(typeof(double));
            writer.WriteStartArray();
            for (var i = 0; i < matrix.RowCount; i++)
            {
                writer.WriteStartArray();
                for (var j = 0; j < matrix.ColumnCount; j++)
                {
                    number.Write(writer, matrix[i, j], options);
                }

                writer.WriteEndArray();
                if (writer.BytesPending >= FlushBytes)
                {
                    writer.Flush();
                }
            }

            writer.WriteEndArray();
        }
    }
}
