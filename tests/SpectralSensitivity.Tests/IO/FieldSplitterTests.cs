using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class FieldSplitterTests
{
    private static List<string> Split(string line, char? delimiter)
    {
        var splitter = new FieldSplitter(line, delimiter);
        var fields = new List<string>();
        while (splitter.TryNext(out var field))
        {
            fields.Add(field.ToString());
        }

        return fields;
    }

    [Fact]
    public void Splits_at_a_delimiter_keeping_empty_fields_and_trimming_spaces() =>
        Split(" 1 ,\t2,,3 ,", ',').Should().Equal("1", "2", string.Empty, "3", string.Empty);

    [Fact]
    public void Splits_at_runs_of_whitespace() =>
        Split("  1 \t 2\t3   ", null).Should().Equal("1", "2", "3");

    [Fact]
    public void Finds_no_fields_in_a_blank_line_without_delimiter() =>
        Split(" \t ", null).Should().BeEmpty();

    [Fact]
    public void Counts_the_fields_left()
    {
        var splitter = new FieldSplitter("a;b;c;d", ';');
        splitter.TryNext(out _);
        splitter.FieldNumber.Should().Be(1);
        splitter.CountRest().Should().Be(3);
    }
}
