using FluentAssertions;
using FluentAssertions.Specialized;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

/// <summary>Reads matrices from bytes or text in memory, and checks the errors readers raise.</summary>
internal static class ReadHelpers
{
    /// <summary>Reads <paramref name="bytes"/> through <see cref="MatrixFile.Read(Stream, MatrixFileFormat, MatrixReadOptions?, string?)"/>.</summary>
    public static Matrix<double> Read(byte[] bytes, MatrixFileFormat format, string name, MatrixReadOptions? options = null) =>
        MatrixFile.Read(new MemoryStream(bytes), format, options, name);

    /// <summary>Reads UTF-8 <paramref name="text"/> as a text format.</summary>
    public static Matrix<double> Read(string text, MatrixFileFormat format, string name, MatrixReadOptions? options = null) =>
        Read(System.Text.Encoding.UTF8.GetBytes(text), format, name, options);

    /// <summary>Writes <paramref name="matrix"/> to memory in <paramref name="format"/>.</summary>
    public static byte[] Write(Matrix<double> matrix, MatrixFileFormat format)
    {
        var stream = new MemoryStream();
        MatrixFile.Write(stream, matrix, format);
        return stream.ToArray();
    }

    /// <summary>Writes a stressing matrix of the given shape in memory, reads it back and compares bit by bit.</summary>
    public static void ShouldRoundTripExactly(MatrixFileFormat format, int rows, int columns)
    {
        var matrix = TestMatrices.Stressing(rows, columns, seed: (rows * 31) + columns + (int)format);
        Read(Write(matrix, format), format, "m." + format).ShouldBeBitwiseEqualTo(matrix);
    }

    /// <summary>Asserts that reading fails with <see cref="MatrixFileFormatException"/> whose message contains every fragment.</summary>
    public static ExceptionAssertions<MatrixFileFormatException> ShouldFailWith(this Func<Matrix<double>> read, params string[] fragments)
    {
        var assertion = read.Should().Throw<MatrixFileFormatException>();
        foreach (var fragment in fragments)
        {
            assertion.Which.Message.Should().Contain(fragment);
        }

        return assertion;
    }
}
