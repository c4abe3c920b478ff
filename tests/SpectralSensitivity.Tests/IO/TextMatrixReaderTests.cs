using System.Text;
using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class TextMatrixReaderTests
{
    [Fact]
    public void Locates_errors_at_the_line_last_read()
    {
        var reader = new LineByLine("first\nsecond\n");
        reader.Advance(2);
        reader.Error("bad", 4).Message.Should().Be("t.txt line 2, column 4: bad");
        reader.Error("bad").Message.Should().Be("t.txt line 2: bad");
    }

    [Theory]
    [InlineData("", "empty field; expected a number")]
    [InlineData("x1", "'x1' is not a number")]
    [InlineData("1,5", "'1,5' is not a number (the decimal separator is '.')")]
    [InlineData("nan", "entry at row 3, column 5 (1-based) is nan")]
    public void Parses_entries_with_messages_that_name_the_problem(string field, string message)
    {
        var reader = new LineByLine("only\n");
        reader.Advance(1);
        FluentActions.Invoking(() => reader.Parse(field)).Should().Throw<MatrixFileFormatException>()
            .Which.Message.Should().Be("t.txt line 1, column 7: " + message + (field == "nan" ? "; non-finite entries are rejected (library option: MatrixReadOptions.AllowNonFinite)" : string.Empty));
    }

    [Fact]
    public void Returns_finite_entries() => new LineByLine("1\n").Parse("-2.5e3").Should().Be(-2500);

    private sealed class LineByLine(string text)
        : TextMatrixReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.txt", MatrixReadOptions.Default)
    {
        public void Advance(int count)
        {
            for (var k = 0; k < count; k++)
            {
                Lines.TryReadLine(out _);
            }
        }

        public MatrixFileFormatException Error(string problem, int? field = null) => ErrorHere(problem, field);

        public double Parse(string field) => ParseEntry(field, 7, 2, 4);
    }
}
