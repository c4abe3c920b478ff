using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SpectralSensitivity.Tests.Cli.Reports;

/// <summary>A PNG reader written for the tests, sharing no code with the encoder: bit-by-bit CRC-32 (no table), the zlib
/// header and Adler-32 trailer checked by hand, the deflate data inflated by <see cref="DeflateStream"/>.</summary>
internal static class PngDecoder
{
    /// <summary>The decoded 8-bit RGB image: (width, height, rows of 3-byte pixels); throws on any structural error.</summary>
    public static (int Width, int Height, byte[] Rgb) DecodeRgb(byte[] png)
    {
        byte[] signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("bad signature");
        }

        var chunks = new List<(string Type, byte[] Data)>();
        for (var at = 8; at < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            var stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            if (BitwiseCrc(typeAndData) != stored)
            {
                throw new InvalidDataException($"CRC mismatch in chunk {Encoding.ASCII.GetString(typeAndData[..4])}");
            }

            chunks.Add((Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            at += 12 + length;
        }

        if (chunks[0].Type != "IHDR" || chunks[^1].Type != "IEND" || chunks[^1].Data.Length != 0)
        {
            throw new InvalidDataException("chunk order: " + string.Join(",", chunks.Select(c => c.Type)));
        }

        var header = chunks[0].Data;
        var width = (int)BinaryPrimitives.ReadUInt32BigEndian(header);
        var height = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
        if (header.Length != 13 || header[8] != 8 || header[9] != 2 || header[10] != 0 || header[11] != 0 || header[12] != 0)
        {
            throw new InvalidDataException("not 8-bit RGB, deflate, filter method 0, no interlace");
        }

        var zlib = chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();
        if ((zlib[0] & 0x0F) != 8 || ((zlib[0] << 8) | zlib[1]) % 31 != 0)
        {
            throw new InvalidDataException("bad zlib header");
        }

        using var inflated = new MemoryStream();
        using (var deflate = new DeflateStream(new MemoryStream(zlib, 2, zlib.Length - 6), CompressionMode.Decompress))
        {
            deflate.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        if (Adler32(raw) != BinaryPrimitives.ReadUInt32BigEndian(zlib.AsSpan(zlib.Length - 4)))
        {
            throw new InvalidDataException("Adler-32 mismatch");
        }

        var stride = 3 * width;
        if (raw.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"{raw.Length} bytes of rows for {width} x {height}");
        }

        var rgb = new byte[height * stride];
        for (var row = 0; row < height; row++)
        {
            if (raw[row * (stride + 1)] != 0)
            {
                throw new InvalidDataException($"row {row} uses filter {raw[row * (stride + 1)]}; this reader knows filter 0 only");
            }

            Array.Copy(raw, row * (stride + 1) + 1, rgb, row * stride, stride);
        }

        return (width, height, rgb);
    }

    /// <summary>CRC-32 straight from the definition: the message bits, LSB first, divided by the reflected polynomial.</summary>
    public static uint BitwiseCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = uint.MaxValue;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }
}
