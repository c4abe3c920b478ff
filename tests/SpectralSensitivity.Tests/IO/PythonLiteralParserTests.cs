using System.Numerics;
using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class PythonLiteralParserTests
{
    [Fact]
    public void Parses_a_numpy_header_dict()
    {
        var value = PythonLiteralParser.Parse("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }      \n");
        value.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["descr"] = "<f8",
            ["fortran_order"] = false,
            ["shape"] = new List<object?> { new BigInteger(3), new BigInteger(4) },
        });
    }

    [Theory]
    [InlineData("()", 0)]
    [InlineData("(5,)", 1)]
    [InlineData("[1, 2, 3,]", 3)]
    [InlineData("( 1 ,\n 2 )", 2)]
    public void Parses_tuples_and_lists_with_optional_trailing_commas(string text, int count) =>
        PythonLiteralParser.Parse(text).Should().BeOfType<List<object?>>().Which.Should().HaveCount(count);

    [Theory]
    [InlineData("'a\\'b'", "a'b")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'tab\\there'", "tab\there")]
    [InlineData("'μ'", "μ")]
    public void Parses_strings_with_escapes(string text, string expected) =>
        PythonLiteralParser.Parse(text).Should().Be(expected);

    [Theory]
    [InlineData("12L", 12)]
    [InlineData("-7", -7)]
    [InlineData("+0", 0)]
    public void Parses_integers_including_python_2_longs(string text, long expected) =>
        PythonLiteralParser.Parse(text).Should().Be(new BigInteger(expected));

    [Fact]
    public void Parses_None_as_null() => PythonLiteralParser.Parse("None").Should().BeNull();

    [Theory]
    [InlineData("", "unexpected end of text at character 1")]
    [InlineData("{'a': 1", "expected ',' or '}' at character 8")]
    [InlineData("{'a' 1}", "expected ':' at character 6")]
    [InlineData("{1: 2}", "dict keys must be strings at character 2")]
    [InlineData("{'a': 1, 'a': 2}", "duplicate key 'a'")]
    [InlineData("'open", "unterminated string")]
    [InlineData("'bad \\q'", "unsupported escape '\\q'")]
    [InlineData("true", "unknown name 'true'")]
    [InlineData("1.5", "unexpected text after the literal at character 2")]
    [InlineData("-", "expected digits")]
    [InlineData("@", "unexpected character '@'")]
    public void Reports_syntax_errors_with_their_position(string text, string message) =>
        FluentActions.Invoking(() => PythonLiteralParser.Parse(text))
            .Should().Throw<PythonLiteralSyntaxException>().Which.Message.Should().Contain(message);

    [Fact]
    public void Refuses_deep_nesting_and_very_long_integers()
    {
        FluentActions.Invoking(() => PythonLiteralParser.Parse(new string('(', 10_000)))
            .Should().Throw<PythonLiteralSyntaxException>().WithMessage("nested deeper than 16 levels*");
        FluentActions.Invoking(() => PythonLiteralParser.Parse(new string('9', 100)))
            .Should().Throw<PythonLiteralSyntaxException>().WithMessage("integer longer than 64 digits*");
    }
}
