using System.Text;
using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class MatrixMarketWriterTests
{
    [Fact]
    public void Writes_an_array_real_general_file_in_column_major_order()
    {
        var text = Encoding.UTF8.GetString(ReadHelpers.Write(TestMatrices.Of([1, 2], [3, -0.0]), MatrixFileFormat.MatrixMarket));
        text.Should().Be("%%MatrixMarket matrix array real general\n% written by SpectralSensitivity; values in column-major order\n2 2\n1\n3\n2\n-0\n");
    }

    [Theory]
    [MemberData(nameof(TestMatrices.Shapes), MemberType = typeof(TestMatrices))]
    public void Round_trips_exactly(int rows, int columns) =>
        ReadHelpers.ShouldRoundTripExactly(MatrixFileFormat.MatrixMarket, rows, columns);
}
