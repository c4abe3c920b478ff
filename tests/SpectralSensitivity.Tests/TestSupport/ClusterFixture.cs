using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>One case of scripts/reference/make-cluster-reference.py: an exact-in-binary matrix with a cluster and its 60-digit references.</summary>
internal sealed record ClusterCase(
    string Name, bool Symmetric, Matrix<double> Matrix, Matrix<double> Direction, int First, int Count, bool Zero,
    double[]? Mean, double[][] Branches, double[][]? LeftBranches, double[][]? Individual)
{
    public override string ToString() => Name;
}

/// <summary>Loads Fixtures/cluster-reference.json.</summary>
internal static class ClusterFixture
{
    public static IReadOnlyList<ClusterCase> Cases { get; } = Load();

    public static ClusterCase Named(string name) => Cases.Single(c => c.Name == name);

    private static IReadOnlyList<ClusterCase> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cluster-reference.json")));
        static Matrix<double> Read(JsonElement rows) =>
            Matrix<double>.Build.DenseOfRows(rows.EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble())));
        static double[] Numbers(JsonElement x) => x.EnumerateArray().Select(v => double.Parse(v.GetString()!, CultureInfo.InvariantCulture)).ToArray();
        static double[][]? Lists(JsonElement c, string key) =>
            c.TryGetProperty(key, out var x) ? x.EnumerateArray().Select(Numbers).ToArray() : null;
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new ClusterCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("kind").GetString() == "sym",
            Read(c.GetProperty("a")),
            Read(c.GetProperty("e")),
            c.GetProperty("first").GetInt32(),
            c.GetProperty("count").GetInt32(),
            c.GetProperty("zero").GetBoolean(),
            c.TryGetProperty("mean", out var mean) ? Numbers(mean) : null,
            Lists(c, "branches")!,
            Lists(c, "leftBranches"),
            Lists(c, "individual"))).ToList();
    }
}
