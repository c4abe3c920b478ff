using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class MatrixMarketBannerTests
{
    [Theory]
    [InlineData("%%MatrixMarket matrix array real general", "Array", false, "General")]
    [InlineData("%%matrixmarket  MATRIX\tcoordinate integer symmetric ", "Coordinate", true, "Symmetric")]
    [InlineData("%%MatrixMarket matrix coordinate double skew-symmetric", "Coordinate", false, "SkewSymmetric")]
    public void Parses_supported_banners(string line, string layout, bool integer, string symmetry) =>
        MatrixMarketBanner.Parse("C.mtx", line).Should().Be(
            new MatrixMarketBanner(Enum.Parse<MatrixMarketLayout>(layout), integer, Enum.Parse<MatrixMarketSymmetry>(symmetry)));

    [Theory]
    [InlineData("%MatrixMarket matrix array real general", "missing the '%%MatrixMarket' banner")]
    [InlineData("%%MatrixMarket matrix array real general extra", "banner has 6 words")]
    [InlineData("%%MatrixMarket matrix array complex general", "field 'complex' is not supported")]
    [InlineData("%%MatrixMarket matrix array pattern general", "a pattern matrix has no values")]
    [InlineData("%%MatrixMarket matrix array quaternion general", "field 'quaternion' is not supported; expected 'real' or 'integer'")]
    [InlineData("%%MatrixMarket matrix array real hermitian", "symmetry 'hermitian' is not supported")]
    public void Rejects_other_banners_on_line_1(string line, string message) =>
        FluentActions.Invoking(() => MatrixMarketBanner.Parse("C.mtx", line))
            .Should().Throw<MatrixFileFormatException>().Which.Message.Should().StartWith("C.mtx line 1: ").And.Contain(message);
}
