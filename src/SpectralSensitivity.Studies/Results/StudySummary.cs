using System.Text.Json;

namespace SpectralSensitivity.Studies.Results;

/// <summary>The summary of a study: per ensemble and k (and per k over all ensembles when there are several), the quantiles of
/// the singular value, of each derivative and of each error column; written as <c>summary.json</c>.</summary>
/// <remarks>Computed from <c>results.csv</c> itself, so it summarizes exactly what was written. Cost O(rows log rows).</remarks>
public sealed class StudySummary
{
    private StudySummary(IReadOnlyList<string> columns, IReadOnlyList<SummaryGroup> groups)
    {
        NumericColumns = columns;
        Groups = groups;
    }

    /// <summary>The numeric columns summarized, in file order.</summary>
    public IReadOnlyList<string> NumericColumns { get; }

    /// <summary>The groups: ensembles in file order, k increasing within each; then the <c>all</c> groups.</summary>
    public IReadOnlyList<SummaryGroup> Groups { get; }

    /// <summary>Reads <c>results.csv</c> at <paramref name="path"/> and summarizes it.</summary>
    public static StudySummary FromCsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty")).Split(',');
        var numeric = header.Skip(3).Take(header.Length - 4).ToArray();          // after ensemble,trial,k; before status
        var rows = new List<(string Ensemble, int Index, bool Ok, double[] Values)>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = ResultsCsv.Split(line);
            var values = cells.Skip(3).Take(numeric.Length).Select(ResultsCsv.ParseNumber).ToArray();
            rows.Add((cells[0], int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture), cells[^1] == "ok", values));
        }

        var groups = new List<SummaryGroup>();
        var ensembles = rows.Select(r => r.Ensemble).Distinct().ToArray();
        var labels = ensembles.Length > 1 ? ensembles.Append("all") : ensembles;
        foreach (var ensemble in labels)
        {
            var members = rows.Where(r => ensemble == "all" || r.Ensemble == ensemble).ToArray();
            foreach (var index in members.Select(r => r.Index).Distinct().Order())
            {
                var group = members.Where(r => r.Index == index).ToArray();
                var columns = new Dictionary<string, Quantiles>();
                for (var c = 0; c < numeric.Length; c++)
                {
                    if (Quantiles.Of(group.Select(r => r.Values[c])) is { } quantiles)
                    {
                        columns[numeric[c]] = quantiles;
                    }
                }

                groups.Add(new SummaryGroup(ensemble, index, group.Length, group.Count(r => r.Ok), columns));
            }
        }

        return new StudySummary(numeric, groups);
    }

    /// <summary>Writes <c>summary.json</c>: <c>{"study": …, "columns": […], "groups": [{"ensemble", "k", "rows", "ok",
    /// "quantiles": {column: {"count", "min", "q05", "q25", "median", "q75", "q95", "max"}}}]}</c>.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="study">Written under <c>"study"</c> (the manifest).</param>
    public void WriteJson(Stream stream, StudyManifest study)
    {
        ArgumentNullException.ThrowIfNull(study);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WritePropertyName("study");
        study.WriteJson(json);
        json.WriteStartArray("columns");
        foreach (var column in NumericColumns)
        {
            json.WriteStringValue(column);
        }

        json.WriteEndArray();
        json.WriteStartArray("groups");
        foreach (var group in Groups)
        {
            json.WriteStartObject();
            json.WriteString("ensemble", group.Ensemble);
            json.WriteNumber("k", group.Index);
            json.WriteNumber("rows", group.Rows);
            json.WriteNumber("ok", group.Ok);
            json.WriteStartObject("quantiles");
            foreach (var (column, q) in group.Columns)
            {
                json.WriteStartObject(column);
                json.WriteNumber("count", q.Count);
                foreach (var (name, value) in new[] { ("min", q.Min), ("q05", q.Q05), ("q25", q.Q25), ("median", q.Median), ("q75", q.Q75), ("q95", q.Q95), ("max", q.Max) })
                {
                    if (double.IsFinite(value))
                    {
                        json.WriteNumber(name, value);
                    }
                    else
                    {
                        json.WriteNull(name);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
