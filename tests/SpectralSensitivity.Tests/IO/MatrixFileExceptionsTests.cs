using FluentAssertions;
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class MatrixFileExceptionsTests
{
    [Fact]
    public void Puts_path_line_and_column_before_the_problem()
    {
        var error = new MatrixFileFormatException("B.csv", "'x' is not a number", line: 3, column: 2);
        error.Message.Should().Be("B.csv line 3, column 2: 'x' is not a number");
        (error.FilePath, error.Problem, error.Line, error.Column, error.ByteOffset).Should().Be(("B.csv", "'x' is not a number", 3L, 2, (long?)null));
    }

    [Fact]
    public void Names_a_byte_offset_for_binary_files() =>
        new MatrixFileFormatException("A.npy", "bad", byteOffset: 10).Message.Should().Be("A.npy at byte 10: bad");

    [Fact]
    public void Belongs_to_the_invalid_input_family_and_keeps_the_inner_exception()
    {
        var inner = new IOException("disk");
        var error = new MatrixFileException("A.npy", "cannot open the file", inner);
        error.Should().BeAssignableTo<InvalidSpectralInputException>();
        error.InnerException.Should().BeSameAs(inner);
        new MatrixFileFormatException("A.npy", "x").Should().BeAssignableTo<MatrixFileException>();
    }
}
