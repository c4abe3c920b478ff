using System.Buffers.Binary;

namespace SpectralSensitivity.IO;

/// <summary>Reads how many members a zip archive declares, from its end-of-central-directory record, before the archive is opened.</summary>
/// <remarks>
/// Opening a zip archive builds an object per member of its central directory; checking the declared count first keeps a
/// small file that declares millions of members from costing memory in proportion. The record (signature 0x06054b50) is
/// in the last 22..65557 bytes; a count of 0xFFFF means the ZIP64 record (signature 0x06064b50, located through the
/// 20-byte locator 0x07064b50 just before) holds the 8-byte count at its offset 32 (PKWARE APPNOTE 4.3.14-4.3.16).
/// </remarks>
internal static class ZipDirectoryCount
{
    private const int RecordLength = 22;
    private const int LocatorLength = 20;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>The declared number of members, or <see langword="null"/> when no end-of-central-directory record is found.</summary>
    /// <param name="stream">A seekable stream holding the archive; its position is restored.</param>
    public static long? Read(Stream stream)
    {
        var start = stream.Position;
        try
        {
            var tailLength = (int)Math.Min(stream.Length, RecordLength + MaxCommentLength);
            var tail = new byte[tailLength];
            stream.Position = stream.Length - tailLength;
            stream.ReadExactly(tail);
            for (var at = tailLength - RecordLength; at >= 0; at--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != 0x06054b50)
                {
                    continue;
                }

                var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
                return count != ushort.MaxValue ? count : Zip64Count(stream, stream.Length - tailLength + at);
            }

            return null;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static long? Zip64Count(Stream stream, long recordOffset)
    {
        if (recordOffset < LocatorLength)
        {
            return null;
        }

        Span<byte> locator = stackalloc byte[LocatorLength];
        stream.Position = recordOffset - LocatorLength;
        stream.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != 0x07064b50)
        {
            return ushort.MaxValue;
        }

        var zip64Offset = BinaryPrimitives.ReadInt64LittleEndian(locator[8..]);
        Span<byte> record = stackalloc byte[40];
        if (zip64Offset < 0 || zip64Offset > stream.Length - record.Length)
        {
            return null;
        }

        stream.Position = zip64Offset;
        stream.ReadExactly(record);
        return BinaryPrimitives.ReadUInt32LittleEndian(record) == 0x06064b50 ? BinaryPrimitives.ReadInt64LittleEndian(record[32..]) : null;
    }
}
