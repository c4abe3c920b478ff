using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class NumberTextTests
{
    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("-2.5e-3", -2.5e-3)]
    [InlineData("+.5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("1E+300", 1e300)]
    [InlineData("4.9406564584124654E-324", double.Epsilon)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("+INF", double.PositiveInfinity)]
    [InlineData("1e999", double.PositiveInfinity)]
    public void Parses_decimal_and_non_finite_tokens(string text, double expected)
    {
        NumberText.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("-nan")]
    public void Parses_nan_in_any_case(string text)
    {
        NumberText.TryParse(text, out var value).Should().BeTrue();
        double.IsNaN(value).Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1,5")]
    [InlineData(" 1")]
    [InlineData("0x1F")]
    [InlineData("1_000")]
    [InlineData("∞")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData("infinit")]
    public void Rejects_anything_else(string text) =>
        NumberText.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Parses_negative_zero_as_negative_zero()
    {
        NumberText.TryParse(NumberText.Format(-0.0), out var value).Should().BeTrue();
        double.IsNegative(value).Should().BeTrue();
    }

    [Fact]
    public void Formatting_then_parsing_gives_back_every_bit_pattern() =>
        Prop.ForAll(Arb.From(Gen.Choose(int.MinValue, int.MaxValue).Two()), halves =>
        {
            var bits = ((long)halves.Item1 << 32) | (uint)halves.Item2;
            var value = BitConverter.Int64BitsToDouble(bits);
            return double.IsNaN(value)
                || (NumberText.TryParse(NumberText.Format(value), out var back) && BitConverter.DoubleToInt64Bits(back) == bits);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Quotes_long_tokens_shortened() =>
        NumberText.Quote(new string('x', 50)).Should().Be("'" + new string('x', 40) + "...'");
}
