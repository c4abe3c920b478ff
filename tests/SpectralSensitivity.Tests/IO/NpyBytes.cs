using System.Buffers.Binary;
using System.Text;

namespace SpectralSensitivity.Tests.IO;

/// <summary>Builds <c>.npy</c> files byte by byte, as NumPy lays them out, for reader fixtures.</summary>
internal static class NpyBytes
{
    /// <summary>A complete file: magic, version, header length, header (padded to 64 bytes with a newline), data.</summary>
    /// <param name="major">Format version 1, 2 or 3.</param>
    /// <param name="dict">The header dict literal.</param>
    /// <param name="data">The array data.</param>
    /// <returns>The file bytes.</returns>
    public static byte[] File(int major, string dict, byte[] data)
    {
        var encoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        var lengthSize = major == 1 ? 2 : 4;
        var unpadded = 8 + lengthSize + encoding.GetByteCount(dict) + 1;
        var header = encoding.GetBytes(dict + new string(' ', (64 - (unpadded % 64)) % 64) + "\n");
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 };
        var length = new byte[lengthSize];
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)header.Length);
        }

        bytes.AddRange(length);
        bytes.AddRange(header);
        bytes.AddRange(data);
        return [.. bytes];
    }

    /// <summary>The header dict NumPy writes for <paramref name="descr"/>, memory order and shape.</summary>
    /// <param name="descr">The dtype string, e.g. <c>&lt;f8</c>.</param>
    /// <param name="fortranOrder">The memory order.</param>
    /// <param name="shape">The shape tuple text, e.g. <c>(2, 3)</c>.</param>
    /// <returns>The dict literal.</returns>
    public static string Dict(string descr, bool fortranOrder, string shape) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortranOrder ? "True" : "False")}, 'shape': {shape}, }}";

    /// <summary>Encodes values as float64 in the given byte order.</summary>
    /// <param name="bigEndian">Byte order.</param>
    /// <param name="values">Values in storage order.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Float64(bool bigEndian, params double[] values) =>
        Encode(values, 8, bigEndian ? BinaryPrimitives.WriteDoubleBigEndian : BinaryPrimitives.WriteDoubleLittleEndian);

    /// <summary>Encodes values as float32 in the given byte order.</summary>
    /// <param name="bigEndian">Byte order.</param>
    /// <param name="values">Values in storage order.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Float32(bool bigEndian, params float[] values) =>
        Encode(values, 4, bigEndian ? BinaryPrimitives.WriteSingleBigEndian : BinaryPrimitives.WriteSingleLittleEndian);

    private static byte[] Encode<T>(T[] values, int size, SlotWriter<T> write)
    {
        var bytes = new byte[values.Length * size];
        for (var k = 0; k < values.Length; k++)
        {
            write(bytes.AsSpan(k * size), values[k]);
        }

        return bytes;
    }

    private delegate void SlotWriter<in T>(Span<byte> slot, T value);
}
