using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public sealed class MatrixFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("spectral-io-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("a.npy", MatrixFileFormat.Npy)]
    [InlineData("dir.x/A.NPY", MatrixFileFormat.Npy)]
    [InlineData("b.csv", MatrixFileFormat.Csv)]
    [InlineData("b.tsv", MatrixFileFormat.Csv)]
    [InlineData("b.txt", MatrixFileFormat.Csv)]
    [InlineData("c.Mtx", MatrixFileFormat.MatrixMarket)]
    public void Chooses_the_format_from_the_extension(string path, MatrixFileFormat format) =>
        MatrixFile.FormatFromPath(path).Should().Be(format);

    [Theory]
    [InlineData("a.xlsx", "unknown matrix file extension '.xlsx'")]
    [InlineData("noextension", "unknown matrix file extension (none)")]
    public void Refuses_an_unknown_extension(string path, string message) =>
        FluentActions.Invoking(() => MatrixFile.FormatFromPath(path))
            .Should().Throw<MatrixFileException>().Which.Message.Should().StartWith(path + ": " + message);

    [Theory]
    [InlineData("m.npy")]
    [InlineData("m.csv")]
    [InlineData("m.txt")]
    [InlineData("m.mtx")]
    public void Round_trips_through_files_exactly(string name)
    {
        var path = Path.Combine(directory, name);
        foreach (var (rows, columns) in new[] { (1, 1), (1, 5), (5, 1), (7, 4) })
        {
            var matrix = TestMatrices.Stressing(rows, columns, seed: rows + (10 * columns));
            MatrixFile.Write(path, matrix);
            MatrixFile.Read(path).ShouldBeBitwiseEqualTo(matrix);
        }
    }

    [Fact]
    public void Round_trips_every_format_exactly_for_random_shapes() =>
        Prop.ForAll(Arb.From(RandomShapes()), shape =>
        {
            var matrix = TestMatrices.Stressing(shape.Rows, shape.Columns, shape.Seed);
            foreach (var format in Enum.GetValues<MatrixFileFormat>())
            {
                ReadHelpers.Read(ReadHelpers.Write(matrix, format), format, "random").ShouldBeBitwiseEqualTo(matrix);
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Names_the_path_in_content_errors()
    {
        var path = Path.Combine(directory, "ragged.csv");
        File.WriteAllText(path, "1,2\n3\n");
        FluentActions.Invoking(() => MatrixFile.Read(path))
            .Should().Throw<MatrixFileFormatException>().WithMessage(path + " line 2: expected 2 values, found 1");
    }

    [Fact]
    public void Wraps_a_missing_file_as_an_input_error()
    {
        var path = Path.Combine(directory, "missing.npy");
        var error = FluentActions.Invoking(() => MatrixFile.Read(path)).Should().Throw<MatrixFileException>().Which;
        error.Message.Should().StartWith(path + ": cannot open the file");
        error.InnerException.Should().BeOfType<FileNotFoundException>();
    }

    [Fact]
    public void Wraps_an_unwritable_path_as_an_input_error() =>
        FluentActions.Invoking(() => MatrixFile.Write(Path.Combine(directory, "no", "such", "dir.csv"), Matrix<double>.Build.Dense(1, 1)))
            .Should().Throw<MatrixFileException>().WithMessage("*cannot write the file*");

    [Fact]
    public void A_failed_stack_write_leaves_the_previous_file_and_no_partial_file()
    {
        var path = Path.Combine(directory, "stack.npy");
        MatrixFile.WriteStack(path, [TestMatrices.Of([1, 2])]);
        var before = File.ReadAllBytes(path);
        FluentActions.Invoking(() => MatrixFile.WriteStack(path, [TestMatrices.Of([1]), TestMatrices.Of([1, 2])]))
            .Should().Throw<ArgumentException>().WithMessage("*one shape*");
        File.ReadAllBytes(path).Should().Equal(before);
        Directory.EnumerateFiles(directory, $"*{AtomicFile.PartialMarker}*").Should().BeEmpty();
    }

    [Fact]
    public void Writing_replaces_the_file_whole_and_leaves_no_partial_file()
    {
        var path = Path.Combine(directory, "replaced.csv");
        File.WriteAllText(path, new string('9', 10_000));
        MatrixFile.Write(path, TestMatrices.Of([1, 2], [3, 4]));
        MatrixFile.Read(path).ToRowArrays().Should().BeEquivalentTo(new[] { new double[] { 1, 2 }, new double[] { 3, 4 } });
        Directory.EnumerateFiles(directory, $"*{AtomicFile.PartialMarker}*").Should().BeEmpty();
    }

    [Fact]
    public void Names_a_stream_by_its_source_name_or_a_placeholder()
    {
        FluentActions.Invoking(() => MatrixFile.Read(new MemoryStream(), MatrixFileFormat.Csv))
            .Should().Throw<MatrixFileFormatException>().WithMessage("<stream>: *");
        FluentActions.Invoking(() => MatrixFile.Read(new MemoryStream(), MatrixFileFormat.Npy, null, "stdin"))
            .Should().Throw<MatrixFileFormatException>().WithMessage("stdin: the file is empty*");
    }

    [Fact]
    public void Refuses_an_undefined_format_value_as_a_programming_error()
    {
        FluentActions.Invoking(() => MatrixFile.Read(new MemoryStream(), (MatrixFileFormat)42))
            .Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => MatrixFile.Write(new MemoryStream(), Matrix<double>.Build.Dense(1, 1), (MatrixFileFormat)42))
            .Should().Throw<ArgumentOutOfRangeException>();
    }

    private static Gen<(int Rows, int Columns, int Seed)> RandomShapes() =>
        from rows in Gen.Choose(1, 12)
        from columns in Gen.Choose(1, 12)
        from seed in Gen.Choose(0, int.MaxValue)
        select (rows, columns, seed);
}
