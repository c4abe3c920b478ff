using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class MatrixShapeTests
{
    private static readonly MatrixReadOptions Small = MatrixReadOptions.Default with { MaxEntries = 100 };

    [Fact]
    public void Returns_the_entry_count_within_the_limit() =>
        MatrixShape.CheckedEntryCount("m", "the header", 10, 10, Small).Should().Be(100);

    [Fact]
    public void Refuses_more_entries_than_the_limit_even_when_the_product_overflows_64_bits()
    {
        var act = () => MatrixShape.CheckedEntryCount("m", "the header", long.MaxValue, long.MaxValue, Small);
        act.Should().Throw<MatrixFileFormatException>()
            .WithMessage("m: the header declares 9223372036854775807 x 9223372036854775807 = 85070591730234615847396907784232501249 entries, more than the limit of 100*");
    }

    [Fact]
    public void Refuses_an_empty_matrix() =>
        FluentActions.Invoking(() => MatrixShape.CheckedEntryCount("m", "the size line", 0, 5, Small, line: 3))
            .Should().Throw<MatrixFileFormatException>().WithMessage("m line 3: the size line declares an empty 0 x 5 matrix*");

    [Fact]
    public void Reports_the_first_non_finite_entry_with_its_1_based_position() =>
        FluentActions.Invoking(() => MatrixShape.CheckAllFinite("m", [1, 2, 3, double.NaN, double.PositiveInfinity, 6], 2, Small))
            .Should().Throw<MatrixFileFormatException>().WithMessage("m: entry at row 2, column 2 (1-based) is nan;*");

    [Fact]
    public void Lets_non_finite_entries_pass_when_allowed() =>
        FluentActions.Invoking(() => MatrixShape.CheckAllFinite("m", [double.NaN], 1, Small with { AllowNonFinite = true }))
            .Should().NotThrow();
}
