namespace SpectralSensitivity.Cli.Reports;

/// <summary>The CRC-32 that PNG chunks carry (ISO 3309 / ITU-T V.42: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF).</summary>
/// <remarks>Table-driven, one byte per step; cost O(bytes). Reference: the PNG specification (ISO/IEC 15948), annex D.</remarks>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Continues <paramref name="crc"/> (the running, not yet inverted register; start with 0xFFFFFFFF) over <paramref name="bytes"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8); // one byte through the table
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1; // divide by the reflected polynomial
            }

            table[n] = c;
        }

        return table;
    }
}
