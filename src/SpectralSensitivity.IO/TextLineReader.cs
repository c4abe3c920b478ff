using System.Text;

namespace SpectralSensitivity.IO;

/// <summary>
/// Reads lines of a text file with their 1-based numbers, refusing lines longer than a limit so that memory
/// stays bounded whatever the input. Accepts <c>\n</c>, <c>\r\n</c> and a lone <c>\r</c> as line ends.
/// </summary>
internal sealed class TextLineReader
{
    private readonly TextReader reader;
    private readonly string source;
    private readonly int maxLineLength;
    private readonly char[] chunk = new char[4096];
    private char[] line = new char[256];
    private int chunkStart;
    private int chunkEnd;
    private bool endOfInput;

    /// <summary>Reads UTF-8 (or the encoding named by a byte order mark) from <paramref name="stream"/>.</summary>
    /// <param name="stream">The input; left open.</param>
    /// <param name="source">The file path or stream name, for messages.</param>
    /// <param name="maxLineLength">The longest line accepted, in characters.</param>
    public TextLineReader(Stream stream, string source, int maxLineLength)
    {
        reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        this.source = source;
        this.maxLineLength = maxLineLength;
    }

    /// <summary>The 1-based number of the line last returned by <see cref="TryReadLine"/>; 0 before the first.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line, without its line end.</summary>
    /// <param name="text">The line; valid until the next call.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="MatrixFileFormatException">The line is longer than the limit.</exception>
    public bool TryReadLine(out ReadOnlySpan<char> text)
    {
        var length = 0;
        var sawAny = false;
        while (FillChunk())
        {
            sawAny = true;
            var available = chunk.AsSpan(chunkStart, chunkEnd - chunkStart);
            var end = available.IndexOfAny('\n', '\r');
            var take = end < 0 ? available.Length : end;
            Append(available[..take], ref length);
            chunkStart += take;
            if (end >= 0)
            {
                SkipLineEnd();
                break;
            }
        }

        LineNumber += sawAny ? 1 : 0;
        text = line.AsSpan(0, length);
        return sawAny;
    }

    private void Append(ReadOnlySpan<char> part, ref int length)
    {
        if (length + part.Length > maxLineLength)
        {
            throw new MatrixFileFormatException(source, $"line is longer than the limit of {maxLineLength} characters (MatrixReadOptions.MaxLineLength)", LineNumber + 1);
        }

        if (length + part.Length > line.Length)
        {
            Array.Resize(ref line, Math.Min(maxLineLength, Math.Max(line.Length * 2, length + part.Length)));
        }

        part.CopyTo(line.AsSpan(length));
        length += part.Length;
    }

    private void SkipLineEnd()
    {
        var wasCarriageReturn = chunk[chunkStart] == '\r';
        chunkStart++;
        if (wasCarriageReturn && FillChunk() && chunk[chunkStart] == '\n')
        {
            chunkStart++;
        }
    }

    private bool FillChunk()
    {
        if (chunkStart < chunkEnd)
        {
            return true;
        }

        if (endOfInput)
        {
            return false;
        }

        chunkStart = 0;
        chunkEnd = reader.Read(chunk, 0, chunk.Length);
        endOfInput = chunkEnd == 0;
        return !endOfInput;
    }
}
