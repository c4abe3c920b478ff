using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class CsvReaderTests
{
    private static readonly Matrix<double> Expected = TestMatrices.Of([1, -2.5, 3e-5], [4, 0.5, 600]);

    private static Matrix<double> ReadCsv(string text, MatrixReadOptions? options = null) =>
        ReadHelpers.Read(text, MatrixFileFormat.Csv, "B.csv", options);

    [Theory]
    [InlineData("1,-2.5,3e-5\n4,.5,6E2\n")]
    [InlineData("1;-2.5;3e-5\n4;.5;6E2")]
    [InlineData("1\t-2.5\t3e-5\r\n4\t.5\t6E2\r\n")]
    [InlineData("  1   -2.5 3e-5\n\t4 .5\t\t6E2  \n")]
    [InlineData("1 , -2.5 , 3e-5\r4 , +.5 , 6E2\r")]
    public void Detects_the_delimiter_and_tolerates_spaces_and_line_ends(string text) =>
        ReadCsv(text).ShouldBeBitwiseEqualTo(Expected);

    [Theory]
    [InlineData("x,y,z\n1,-2.5,3e-5\n4,0.5,600\n")]
    [InlineData("# exported by numpy.savetxt\n# a b c\n\n1 -2.5 3e-5\n\n   # comment inside\n4 0.5 600\n\n\n")]
    [InlineData("\uFEFF\"a\";\"b\";\"c\"\n1;-2.5;3e-5\n4;0.5;600\n")]
    public void Skips_a_header_row_comments_blank_lines_and_a_byte_order_mark(string text) =>
        ReadCsv(text).ShouldBeBitwiseEqualTo(Expected);

    [Fact]
    public void Reads_a_single_value_and_a_single_column()
    {
        ReadCsv("42").ShouldBeBitwiseEqualTo(TestMatrices.Of([42]));
        ReadCsv("value\n1\n2\n").ShouldBeBitwiseEqualTo(TestMatrices.Of([1], [2]));
    }

    [Fact]
    public void Parses_non_finite_tokens_when_the_options_allow_them()
    {
        var matrix = ReadCsv("nan,inf\n-Infinity,NaN\n", MatrixReadOptions.Default with { AllowNonFinite = true });
        matrix[0, 1].Should().Be(double.PositiveInfinity);
        matrix[1, 0].Should().Be(double.NegativeInfinity);
        double.IsNaN(matrix[1, 1]).Should().BeTrue();
    }

    public static TheoryData<string, string, string[]> Malformed => new()
    {
        { "empty file", "", ["B.csv", "contains no numbers"] },
        { "only blank lines and comments", "\n\n# nothing\n", ["contains no numbers"] },
        { "header without data", "a,b\n", ["only a header row (line 1)"] },
        { "ragged row, short", "1,2,3,4\n5,6,7,8\n1,2,3\n", ["B.csv line 3: expected 4 values, found 3"] },
        { "ragged row, long", "1 2\n3 4 5 6\n", ["line 2: expected 2 values, found 4"] },
        { "text in numbers", "1,2\n3,abc\n", ["line 2, column 2: 'abc' is not a number"] },
        { "mixed first row", "1,x,3\n", ["line 1, column 2: 'x' is not a number"] },
        { "empty field", "1,,3\n", ["line 1, column 2: empty field"] },
        { "trailing delimiter", "1,2,\n", ["line 1, column 3: empty field"] },
        { "decimal comma", "1,5;2,5\n", ["line 1, column 1: '1,5' is not a number", "decimal separator is '.'"] },
        { "header and data disagree", "a,b,c\n1,2\n", ["line 2", "header row (line 1) has 3 names but the first data row has 2 values"] },
        { "NaN entry", "1,2\n3,nan\n", ["line 2, column 2", "row 2, column 2 (1-based) is nan", "AllowNonFinite"] },
        { "infinite entry", "1 -inf\n", ["line 1, column 2", "row 1, column 2 (1-based) is -inf"] },
        { "overflowing literal", "1e999\n", ["row 1, column 1 (1-based) is inf"] },
        { "hexadecimal", "0x10\n", ["'0x10' is not a number"] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Rejects_malformed_text_naming_line_and_column(string what, string text, string[] fragments)
    {
        _ = what;
        new Func<Matrix<double>>(() => ReadCsv(text)).ShouldFailWith(fragments);
    }

    [Fact]
    public void Stops_at_the_entry_limit()
    {
        var options = MatrixReadOptions.Default with { MaxEntries = 5 };
        new Func<Matrix<double>>(() => ReadCsv("1,2\n3,4\n5,6\n", options)).ShouldFailWith("line 3", "more than 5 entries");
    }

    [Fact]
    public void Stops_at_the_line_length_limit()
    {
        var options = MatrixReadOptions.Default with { MaxLineLength = 10 };
        new Func<Matrix<double>>(() => ReadCsv("1,2\n1,2,3,4,5,6\n", options)).ShouldFailWith("line 2", "longer than the limit of 10 characters");
    }
}
