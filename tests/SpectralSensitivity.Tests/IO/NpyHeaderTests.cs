using System.Numerics;
using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class NpyHeaderTests
{
    [Theory]
    [InlineData("<f8", "Float64", false, 8)]
    [InlineData(">f8", "Float64", true, 8)]
    [InlineData("<f4", "Float32", false, 4)]
    [InlineData(">f4", "Float32", true, 4)]
    [InlineData("|i1", "SignedInteger", false, 1)]
    [InlineData(">i2", "SignedInteger", true, 2)]
    [InlineData("<i8", "SignedInteger", false, 8)]
    [InlineData("|u1", "UnsignedInteger", false, 1)]
    [InlineData(">u4", "UnsignedInteger", true, 4)]
    [InlineData("|b1", "Bool", false, 1)]
    public void Understands_the_supported_dtypes(string descr, string type, bool bigEndian, int size)
    {
        var header = NpyHeader.Parse("A.npy", NpyBytes.Dict(descr, true, "(2, 3)"), 10);
        (header.ElementType, header.BigEndian, header.FortranOrder, header.ElementSize).Should().Be((Enum.Parse<NpyElementType>(type), bigEndian, true, size));
        header.Shape.Should().Equal(new BigInteger(2), new BigInteger(3));
    }

    [Theory]
    [InlineData("<c8", "dtype '<c8' is not supported")]
    [InlineData("|i4", "dtype '|i4' is not supported")]
    [InlineData("<b2", "dtype '<b2' is not supported")]
    [InlineData("=f8", "dtype '=f8' is not supported")]
    [InlineData("<f2", "dtype '<f2' is not supported")]
    public void Names_an_unsupported_dtype(string descr, string message) =>
        FluentActions.Invoking(() => NpyHeader.Parse("A.npy", NpyBytes.Dict(descr, false, "(1,)"), 10))
            .Should().Throw<MatrixFileFormatException>().Which.Message.Should().Contain(message);

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}", "'fortran_order' must be True or False")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': 3}", "'shape' must be a tuple of integers")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 'a')}", "non-negative integers, found a")]
    [InlineData("{'descr': 8, 'fortran_order': False, 'shape': (1,)}", "'descr' must be a dtype string")]
    [InlineData("{'fortran_order': False, 'shape': (1,)}", "the header has no 'descr' key")]
    public void Names_what_is_wrong_with_a_key(string dict, string message) =>
        FluentActions.Invoking(() => NpyHeader.Parse("A.npy", dict, 10))
            .Should().Throw<MatrixFileFormatException>().Which.Message.Should().Contain(message);

    [Fact]
    public void Gives_the_byte_offset_of_a_syntax_error() =>
        FluentActions.Invoking(() => NpyHeader.Parse("A.npy", "{'descr' '<f8'}", 10))
            .Should().Throw<MatrixFileFormatException>().Which.ByteOffset.Should().Be(19);
}
