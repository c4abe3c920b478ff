using FluentAssertions;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Tests.Cli.Infrastructure;

public sealed class IndexSelectionTests
{
    [Theory]
    [InlineData("2", 5, true, new[] { 2 })]
    [InlineData("all", 4, false, new[] { 1, 2, 3, 4 })]
    [InlineData(" ALL ", 2, false, new[] { 1, 2 })]
    [InlineData("1,2,5", 5, false, new[] { 1, 2, 5 })]
    [InlineData("5,1", 5, false, new[] { 5, 1 })]
    [InlineData("1..5", 6, false, new[] { 1, 2, 3, 4, 5 })]
    [InlineData("2..2", 6, false, new[] { 2 })]
    [InlineData("1..3, 7", 7, false, new[] { 1, 2, 3, 7 })]
    public void Resolves_the_indices_in_the_order_given(string text, int count, bool single, int[] expected)
    {
        var selection = IndexSelection.Parse(text);

        selection.IsSingle.Should().Be(single);
        selection.Resolve(count, "singular value").Should().Equal(expected);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("1,,2")]
    [InlineData("1..")]
    [InlineData("3..1")]
    [InlineData("1.5")]
    [InlineData("")]
    public void Rejects_malformed_text_as_a_usage_error(string text)
    {
        var parse = () => IndexSelection.Parse(text);

        parse.Should().Throw<UsageException>().WithMessage("*--index*");
    }

    [Theory]
    [InlineData("0..2", 0)]
    [InlineData("1..4", 4)]
    [InlineData("1,9", 9)]
    public void Rejects_an_index_outside_the_spectrum_naming_it(string text, int offending)
    {
        var resolve = () => IndexSelection.Parse(text).Resolve(3, "eigenvalue");

        resolve.Should().Throw<SpectralIndexOutOfRangeException>().Which.Index.Should().Be(offending);
    }

    [Fact]
    public void Rejects_an_index_asked_for_twice()
    {
        var resolve = () => IndexSelection.Parse("1..3,2").Resolve(5, "singular value");

        resolve.Should().Throw<UsageException>().WithMessage("*singular value 2 twice*");
    }

    [Theory]
    [InlineData("/d/G.npy", "1", 1, "/d/G.npy")]
    [InlineData("/d/G.npy", "1,2", 2, "/d/G.k2.npy")]
    [InlineData("/d/report.html", "all", 10, "/d/report.k10.html")]
    [InlineData("/d/noext", "all", 3, "/d/noext.k3")]
    public void Output_files_of_several_indices_carry_the_index(string path, string text, int index, string expected) =>
        IndexedOutput.PathFor(path, IndexSelection.Parse(text), index).Should().Be(expected);

    [Theory]
    [InlineData("/d/G.k2.npy", true)]
    [InlineData("/d/G.k10.npy", true)]
    [InlineData("/d/G.npy", false)]
    [InlineData("/d/G.k.npy", false)]
    [InlineData("/d/G.kx.npy", false)]
    [InlineData("/d/G.k2.csv", false)]
    [InlineData("/e/G.k2.npy", false)]
    public void Recognises_the_indexed_variants_of_an_output(string candidate, bool expected) =>
        IndexedOutput.IsPathFor(candidate, "/d/G.npy", StringComparison.Ordinal).Should().Be(expected);
}
