namespace SpectralSensitivity.Cli.Reports;

/// <summary>Colours for series of increasing order and fixed colours for references.</summary>
/// <remarks>The ordered colours are the darker half of viridis (perceptually uniform, readable with the common colour-vision
/// deficiencies), stopping at teal so every line keeps a contrast of at least 3:1 against the white page (the pale yellow end
/// of viridis has 1.1:1).</remarks>
internal static class Palette
{
    public const string Reference = "#111111";
    public const string Radius = "#c0392b";
    public const string Bound = "#7f8c8d";

    private static readonly string[] Sequential =
        ["#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c", "#1f9e89"];

    /// <summary>The colour of series <paramref name="index"/> out of <paramref name="count"/>.</summary>
    public static string Ordered(int index, int count) =>
        Sequential[count <= 1 ? 0 : (int)Math.Round(index * (Sequential.Length - 1) / (double)(count - 1))];
}
