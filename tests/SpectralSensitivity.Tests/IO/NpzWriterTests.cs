using System.IO.Compression;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

public class NpzWriterTests
{
    [Theory]
    [InlineData(NpzCompression.Stored)]
    [InlineData(NpzCompression.Deflated)]
    public void Members_are_npy_files_named_after_the_arrays_and_read_back_exactly(NpzCompression compression)
    {
        var matrix = TestMatrices.Stressing(4, 3, 5);
        var vector = Vector<double>.Build.DenseOfArray([1.5, -0.0, double.Epsilon]);
        IReadOnlyList<Matrix<double>> stack = [TestMatrices.Stressing(2, 2, 6), TestMatrices.Stressing(2, 2, 7)];
        var stream = new MemoryStream();
        using (var npz = new NpzWriter(stream, compression))
        {
            npz.Add("m", matrix);
            npz.Add("v", vector);
            npz.Add("s", stack);
        }

        var bytes = stream.ToArray();
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            zip.Entries.Select(e => e.FullName).Should().Equal("m.npy", "v.npy", "s.npy");
            using var member = new MemoryStream();
            zip.GetEntry("v.npy")!.Open().CopyTo(member);
            member.ToArray().Should().Equal(NpyBytes.File(1, NpyBytes.Dict("<f8", false, "(3,)"), NpyBytes.Float64(false, 1.5, -0.0, double.Epsilon)), "a vector is a 1-D array");
        }

        using var files = new Cli.MatrixFiles();
        var path = files.Bytes("x.npz", bytes);
        MatrixFile.Read(path + ":m").ShouldBeBitwiseEqualTo(matrix);
        MatrixFile.Read(path + ":v").ShouldBeBitwiseEqualTo(vector.ToColumnMatrix());
        var back = MatrixFile.ReadStack(path + ":s");
        back.Should().HaveCount(2);
        back[0].ShouldBeBitwiseEqualTo(stack[0]);
        back[1].ShouldBeBitwiseEqualTo(stack[1]);
    }

    [Fact]
    public void The_same_arrays_always_give_the_same_bytes()
    {
        static byte[] Write()
        {
            var stream = new MemoryStream();
            using (var npz = new NpzWriter(stream))
            {
                npz.Add("a", TestMatrices.Of([1, 2]));
            }

            return stream.ToArray();
        }

        var first = Write();
        Thread.Sleep(2100);
        Write().Should().Equal(first, "member timestamps are fixed");
    }

    [Fact]
    public void Refuses_an_empty_repeated_or_nested_name_and_a_mixed_stack_before_adding_anything()
    {
        var stream = new MemoryStream();
        using (var npz = new NpzWriter(stream))
        {
            npz.Add("a", TestMatrices.Of([1]));
            FluentActions.Invoking(() => npz.Add("a", TestMatrices.Of([2]))).Should().Throw<ArgumentException>();
            FluentActions.Invoking(() => npz.Add("x/y", TestMatrices.Of([2]))).Should().Throw<ArgumentException>();
            FluentActions.Invoking(() => npz.Add(string.Empty, TestMatrices.Of([2]))).Should().Throw<ArgumentException>();
            FluentActions.Invoking(() => npz.Add("s", [TestMatrices.Of([1]), TestMatrices.Of([1, 2])])).Should().Throw<ArgumentException>();
        }

        MatrixFile.ReadStack(new MemoryStream(stream.ToArray()), MatrixFileFormat.Npz).Single().ShouldBeBitwiseEqualTo(TestMatrices.Of([1]));
    }
}
