namespace SpectralSensitivity.Cli.Reports;

/// <summary>The colour scale of the heatmaps: dark blue (−1) through near-white (0) to dark red (+1), symmetric about zero.</summary>
/// <remarks>
/// A blue–red diverging scale stays distinguishable with the common colour-vision deficiencies (deuteranopia, protanopia,
/// tritanopia), unlike red–green; its lightness falls monotonically from the centre to both ends, so the size of an entry reads
/// from lightness alone (also in greyscale), and both ends have a contrast above 7:1 against white. Piecewise linear between
/// five anchors; values beyond ±1 saturate and a non-finite value maps to the centre. Cost O(1) per value.
/// </remarks>
internal static class DivergingScale
{
    private static readonly (double At, byte R, byte G, byte B)[] Anchors =
    [
        (-1.0, 8, 56, 120), (-0.5, 80, 150, 200), (0.0, 246, 246, 246), (0.5, 220, 110, 70), (1.0, 120, 10, 30),
    ];

    /// <summary>The colour of <paramref name="value"/> (already divided by the scale), as (r, g, b).</summary>
    public static (byte R, byte G, byte B) Colour(double value)
    {
        var v = double.IsFinite(value) ? Math.Clamp(value, -1, 1) : 0;
        var i = 0;
        while (i < Anchors.Length - 2 && v > Anchors[i + 1].At)
        {
            i++;
        }

        var (lo, hi) = (Anchors[i], Anchors[i + 1]);
        var w = (v - lo.At) / (hi.At - lo.At); // position between the two anchors, 0..1
        return (Mix(lo.R, hi.R, w), Mix(lo.G, hi.G, w), Mix(lo.B, hi.B, w));
    }

    private static byte Mix(byte from, byte to, double w) => (byte)Math.Round(from + (to - from) * w);
}
