using System.Text;

namespace SpectralSensitivity.Cli.Serve;

/// <summary>Reads requests line by line with a bound on the line length, so one huge line cannot exhaust memory.</summary>
/// <param name="reader">The input; a line ends at <c>\n</c> (a trailing <c>\r</c> is dropped) or at the end of the input.</param>
/// <param name="maxLength">The longest line kept, in characters; the rest of a longer line is read and dropped.</param>
internal sealed class RequestLineReader(TextReader reader, int maxLength)
{
    private readonly StringBuilder _line = new();

    /// <summary>Reads the next line.</summary>
    /// <param name="line">The line without its end (cut at <paramref name="maxLength"/> when too long).</param>
    /// <param name="tooLong">Whether the line was longer than the bound.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    public bool TryRead(out string line, out bool tooLong)
    {
        _line.Clear();
        tooLong = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (c == '\n')
            {
                break;
            }

            if (_line.Length < maxLength)
            {
                _line.Append((char)c);
            }
            else
            {
                tooLong = true;
            }
        }

        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        line = _line.ToString();
        return any;
    }
}
