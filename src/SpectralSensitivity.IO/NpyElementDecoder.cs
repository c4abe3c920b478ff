using System.Buffers.Binary;
using System.Numerics;

namespace SpectralSensitivity.IO;

/// <summary>Widens one stored <c>.npy</c> element to double, exactly or not at all.</summary>
/// <remarks>
/// Floats widen exactly. Integers of up to 4 bytes and bools always fit a double's 53-bit significand. An 8-byte
/// integer fits when its magnitude, stripped of trailing zero bits, is below 2^53 (every integer up to 2^53, and larger
/// ones such as 2^60); anything else would be rounded, so it is refused rather than silently changed.
/// </remarks>
internal static class NpyElementDecoder
{
    /// <summary>Decodes <paramref name="bytes"/> (one element of <paramref name="header"/>'s type).</summary>
    /// <returns><see langword="false"/> when the value is an integer that a double cannot hold exactly.</returns>
    public static bool TryDecode(NpyHeader header, ReadOnlySpan<byte> bytes, out double value)
    {
        var big = header.BigEndian;
        switch (header.ElementType)
        {
            case NpyElementType.Float64:
                value = big ? BinaryPrimitives.ReadDoubleBigEndian(bytes) : BinaryPrimitives.ReadDoubleLittleEndian(bytes);
                return true;
            case NpyElementType.Float32:
                value = big ? BinaryPrimitives.ReadSingleBigEndian(bytes) : BinaryPrimitives.ReadSingleLittleEndian(bytes);
                return true;
            case NpyElementType.Bool:
                value = bytes[0] == 0 ? 0.0 : 1.0;
                return true;
            case NpyElementType.SignedInteger:
                var signed = ReadSigned(bytes, big);
                value = signed;
                return FitsSignificand(signed < 0 ? (ulong)-(signed + 1) + 1 : (ulong)signed);
            default:
                var unsigned = ReadUnsigned(bytes, big);
                value = unsigned;
                return FitsSignificand(unsigned);
        }
    }

    private static long ReadSigned(ReadOnlySpan<byte> bytes, bool big) => bytes.Length switch
    {
        1 => (sbyte)bytes[0],
        2 => big ? BinaryPrimitives.ReadInt16BigEndian(bytes) : BinaryPrimitives.ReadInt16LittleEndian(bytes),
        4 => big ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes),
        _ => big ? BinaryPrimitives.ReadInt64BigEndian(bytes) : BinaryPrimitives.ReadInt64LittleEndian(bytes),
    };

    private static ulong ReadUnsigned(ReadOnlySpan<byte> bytes, bool big) => bytes.Length switch
    {
        1 => bytes[0],
        2 => big ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => big ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        _ => big ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes),
    };

    /// <summary>Whether <paramref name="magnitude"/> has at most 53 significant bits (so the double conversion is exact).</summary>
    private static bool FitsSignificand(ulong magnitude) => magnitude == 0 || (magnitude >> BitOperations.TrailingZeroCount(magnitude)) < (1UL << 53);
}
