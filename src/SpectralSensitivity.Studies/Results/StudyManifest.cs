using System.Text;
using System.Text.Json;

namespace SpectralSensitivity.Studies.Results;

/// <summary>What a study directory holds: written as <c>study.json</c> before any shard, and checked by every rerun so that
/// shards of a different study are never mixed in.</summary>
/// <param name="Source">The source's fingerprint (ensembles, shape, trials, seed, or the matrix files).</param>
/// <param name="Trials">The number of trials.</param>
/// <param name="Rows">m.</param>
/// <param name="Columns">n.</param>
/// <param name="Indices">The k selection (<c>all</c> or a list).</param>
/// <param name="Order">N.</param>
/// <param name="Validations">The validations, comma-separated CLI names.</param>
/// <param name="External">The external reference file name and row count, or empty.</param>
/// <param name="ShardSize">Trials per shard.</param>
/// <param name="Shards">Number of shards.</param>
/// <param name="Header">The results.csv header.</param>
public sealed record StudyManifest(string Source, long Trials, int Rows, int Columns, string Indices, int Order, string Validations, string External, int ShardSize, int Shards, string Header)
{
    /// <summary>Writes the manifest as a JSON object.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteNumber("format", 1);
        json.WriteString("source", Source);
        json.WriteNumber("trials", Trials);
        json.WriteNumber("rows", Rows);
        json.WriteNumber("columns", Columns);
        json.WriteString("k", Indices);
        json.WriteNumber("order", Order);
        json.WriteString("validate", Validations);
        json.WriteString("external", External);
        json.WriteNumber("shard_size", ShardSize);
        json.WriteNumber("shards", Shards);
        json.WriteString("header", Header);
        json.WriteEndObject();
    }

    /// <summary>The manifest as indented JSON text with a final newline (the exact content of <c>study.json</c>).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteJson(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
