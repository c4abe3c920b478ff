using System.Text;
using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class NpyWriterTests
{
    [Fact]
    public void Writes_a_version_1_header_aligned_to_64_bytes_then_C_order_little_endian_data()
    {
        var bytes = ReadHelpers.Write(TestMatrices.Of([1, 2, 3], [4, 5, 6]), MatrixFileFormat.Npy);
        bytes[..8].Should().Equal(0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0);
        var headerLength = bytes[8] | (bytes[9] << 8);
        ((10 + headerLength) % 64).Should().Be(0);
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        header.Should().StartWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }").And.EndWith(" \n");
        bytes[(10 + headerLength)..].Should().Equal(NpyBytes.Float64(false, 1, 2, 3, 4, 5, 6));
    }

    [Fact]
    public void Writes_the_same_bytes_as_the_fixture_builder() =>
        ReadHelpers.Write(TestMatrices.Of([7], [8]), MatrixFileFormat.Npy)
            .Should().Equal(NpyBytes.File(1, NpyBytes.Dict("<f8", false, "(2, 1)"), NpyBytes.Float64(false, 7, 8)));

    [Theory]
    [MemberData(nameof(TestMatrices.Shapes), MemberType = typeof(TestMatrices))]
    public void Round_trips_exactly(int rows, int columns) =>
        ReadHelpers.ShouldRoundTripExactly(MatrixFileFormat.Npy, rows, columns);

    [Fact]
    public void Round_trips_non_finite_entries_when_the_reader_allows_them()
    {
        var matrix = TestMatrices.Of([double.NegativeInfinity, double.PositiveInfinity]);
        var options = MatrixReadOptions.Default with { AllowNonFinite = true };
        ReadHelpers.Read(ReadHelpers.Write(matrix, MatrixFileFormat.Npy), MatrixFileFormat.Npy, "m.npy", options)
            .ShouldBeBitwiseEqualTo(matrix);
    }
}
