using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class TextOutputTests
{
    [Fact]
    public void Writes_UTF8_without_byte_order_mark_with_newline_line_ends_and_leaves_the_stream_open()
    {
        var stream = new MemoryStream();
        using (var writer = TextOutput.Open(stream))
        {
            writer.WriteLine("µ");
        }

        stream.CanWrite.Should().BeTrue();
        stream.ToArray().Should().Equal(0xC2, 0xB5, (byte)'\n');
    }
}
