using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class MatrixReadOptionsTests
{
    [Fact]
    public void Defaults_bound_memory_and_reject_non_finite_entries()
    {
        var options = MatrixReadOptions.Default;
        options.MaxEntries.Should().Be(1L << 27);
        options.MaxLineLength.Should().Be(1 << 24);
        options.AllowNonFinite.Should().BeFalse();
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(1L << 31)]
    public void Refuses_an_entry_limit_out_of_range(long limit) =>
        FluentActions.Invoking(() => MatrixReadOptions.Default with { MaxEntries = limit })
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxEntries");

    [Fact]
    public void Refuses_a_line_length_below_one() =>
        FluentActions.Invoking(() => new MatrixReadOptions { MaxLineLength = 0 })
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxLineLength");

    [Fact]
    public void Compares_by_value() =>
        (MatrixReadOptions.Default with { AllowNonFinite = true }).Should().Be(new MatrixReadOptions { AllowNonFinite = true });
}
