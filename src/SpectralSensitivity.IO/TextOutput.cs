using System.Text;

namespace SpectralSensitivity.IO;

/// <summary>Opens the text writer the text formats share: UTF-8 without a byte order mark, <c>\n</c> line ends, stream left open.</summary>
internal static class TextOutput
{
    /// <summary>Wraps <paramref name="stream"/>; disposing the writer flushes it and leaves the stream open.</summary>
    /// <param name="stream">The output.</param>
    /// <returns>The writer.</returns>
    public static StreamWriter Open(Stream stream) =>
        new(stream, new UTF8Encoding(false), bufferSize: 65536, leaveOpen: true) { NewLine = "\n" };
}
