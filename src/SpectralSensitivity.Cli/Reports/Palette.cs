namespace SpectralSensitivity.Cli.Reports;

/// <summary>Colours for series of increasing order (dark blue to yellow) and fixed colours for references.</summary>
internal static class Palette
{
    public const string Reference = "#111111";
    public const string Radius = "#c0392b";
    public const string Bound = "#7f8c8d";

    private static readonly string[] Sequential =
        ["#440154", "#472c7a", "#3b518b", "#2c718e", "#21908d", "#27ad81", "#5cc863", "#aadc32", "#e3e418", "#fde725"];

    /// <summary>The colour of series <paramref name="index"/> out of <paramref name="count"/>.</summary>
    public static string Ordered(int index, int count) =>
        Sequential[count <= 1 ? 0 : (int)Math.Round(index * (Sequential.Length - 1) / (double)(count - 1))];
}
