using System.Text;
using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class TextLineReaderTests
{
    private static List<(long Number, string Text)> ReadAll(string text, int maxLineLength = 100)
    {
        var reader = new TextLineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.txt", maxLineLength);
        var lines = new List<(long, string)>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add((reader.LineNumber, line.ToString()));
        }

        return lines;
    }

    [Theory]
    [InlineData("a\nb\n")]
    [InlineData("a\r\nb")]
    [InlineData("a\rb\r")]
    [InlineData("\uFEFFa\nb")]
    public void Splits_at_every_kind_of_line_end(string text) =>
        ReadAll(text).Should().Equal((1L, "a"), (2L, "b"));

    [Fact]
    public void Keeps_blank_lines_and_counts_them() =>
        ReadAll("\n\nx\r\n\r\n").Should().Equal((1L, ""), (2L, ""), (3L, "x"), (4L, ""));

    [Fact]
    public void Reads_lines_longer_than_its_internal_buffers()
    {
        var longLine = new string('7', 10_000);
        ReadAll(longLine + "\nz", maxLineLength: 10_000).Should().Equal((1L, longLine), (2L, "z"));
    }

    [Fact]
    public void Reads_nothing_from_an_empty_stream() => ReadAll(string.Empty).Should().BeEmpty();

    [Fact]
    public void Refuses_a_line_over_the_limit_naming_it()
    {
        var read = () => ReadAll("ok\n12345678901\n", maxLineLength: 10);
        read.Should().Throw<MatrixFileFormatException>().WithMessage("t.txt line 2: line is longer than the limit of 10 characters*");
    }
}
