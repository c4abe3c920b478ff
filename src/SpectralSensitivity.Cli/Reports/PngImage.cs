using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>A minimal PNG encoder for 8-bit RGB images (colour type 2, no interlace), so heatmaps travel as one small image
/// inside the HTML instead of one SVG element per entry.</summary>
/// <remarks>
/// Layout (ISO/IEC 15948): the 8-byte signature, then chunks <c>length (big-endian) · type · data · CRC-32(type · data)</c>:
/// <c>IHDR</c> (width, height, bit depth 8, colour type 2, compression 0, filter 0, interlace 0), one <c>IDAT</c> holding the
/// zlib stream (RFC 1950, deflate RFC 1951, from <see cref="ZLibStream"/>) of the rows, each prefixed by filter type 0, and
/// <c>IEND</c>. Cost O(width · height) time and memory.
/// </remarks>
internal static class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="rgb"/>: <paramref name="height"/> rows of <paramref name="width"/> pixels, 3 bytes each, top row first.</summary>
    /// <exception cref="ArgumentException">The sizes are not positive or do not match the pixel count.</exception>
    public static byte[] EncodeRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (width <= 0 || height <= 0 || rgb.Length != 3L * width * height)
        {
            throw new ArgumentException($"a {width} x {height} RGB image needs {3L * width * height} bytes, got {rgb.Length}", nameof(rgb));
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour; bytes 10..12 (compression, filter, interlace) stay 0

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(width, height, rgb));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The image as a <c>data:image/png;base64,…</c> URI.</summary>
    public static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    /// <summary>The zlib stream of the rows, each prefixed with filter type 0 (none).</summary>
    private static byte[] Compress(int width, int height, ReadOnlySpan<byte> rgb)
    {
        var stride = 3 * width;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0);
                zlib.Write(rgb.Slice(row * stride, stride));
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = Crc32.Update(Crc32.Update(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu; // CRC over type and data
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }
}
