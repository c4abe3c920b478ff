using System.Text;
using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class CsvWriterTests
{
    [Fact]
    public void Writes_comma_separated_rows_with_shortest_round_trip_numbers()
    {
        var matrix = TestMatrices.Of([0.1, -0.0, 1e300], [5e-324, 2, -1.5]);
        Encoding.UTF8.GetString(ReadHelpers.Write(matrix, MatrixFileFormat.Csv))
            .Should().Be("0.1,-0,1E+300\n5E-324,2,-1.5\n");
    }

    [Theory]
    [MemberData(nameof(TestMatrices.Shapes), MemberType = typeof(TestMatrices))]
    public void Round_trips_exactly(int rows, int columns) =>
        ReadHelpers.ShouldRoundTripExactly(MatrixFileFormat.Csv, rows, columns);

    [Fact]
    public void Writes_non_finite_entries_as_numpy_tokens()
    {
        var matrix = TestMatrices.Of([double.NaN, double.PositiveInfinity, double.NegativeInfinity]);
        Encoding.UTF8.GetString(ReadHelpers.Write(matrix, MatrixFileFormat.Csv)).Should().Be("nan,inf,-inf\n");
    }
}
