using System.IO.Compression;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;
using static SpectralSensitivity.Tests.IO.NpyBytes;

namespace SpectralSensitivity.Tests.IO;

public class NpzReaderTests
{
    /// <summary>
    /// Laid out as np.savez does (Python's zipfile, members opened with force_zip64=True, stored): 'a' = 2 x 3 float64 with
    /// a[i, j] = 10 i + j + 0.5, 'b' = int64 [-7, 0, 2^53].
    /// </summary>
    internal static readonly byte[] SavezFixture = Convert.FromBase64String("UEsDBC0AAAAAAAAAIQBvY34Z//////////8FABQAYS5ucHkBABAAsAAAAAAAAACwAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAA4D8AAAAAAAD4PwAAAAAAAARAAAAAAAAAJUAAAAAAAAAnQAAAAAAAAClAUEsDBC0AAAAAAAAAIQBE8fKP//////////8FABQAYi5ucHkBABAAmAAAAAAAAACYAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxpOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgzLCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAK+f////////8AAAAAAAAAAAAAAAAAACAAUEsBAi0DLQAAAAAAAAAhAG9jfhmwAAAAsAAAAAUAAAAAAAAAAAAAAIABAAAAAGEubnB5UEsBAi0DLQAAAAAAAAAhAETx8o+YAAAAmAAAAAUAAAAAAAAAAAAAAIAB5wAAAGIubnB5UEsFBgAAAAACAAIAZgAAALYBAAAAAA==");

    /// <summary>As np.savez_compressed does (deflated): 'stack' = int32 of shape (2, 2, 3), Fortran order, stack[s, i, j] = 100 s + 10 i + j.</summary>
    internal static readonly byte[] SavezCompressedFixture = Convert.FromBase64String("UEsDBC0AAAAIAAAAIQASUHKB//////////8JABQAc3RhY2subnB5AQAQALAAAAAAAAAAZAAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mirqOgnpZfVFKUmBefX5SSChIPKSpNBQoXZyQWpAK5GkY6CkBkrKmjUKtAJuBiAIIUIAYx8oCYEYhTgZgbiPOBmAmI04CYB4gLgBgAUEsBAi0DLQAAAAgAAAAhABJQcoFkAAAAsAAAAAkAAAAAAAAAAAAAAIABAAAAAHN0YWNrLm5weVBLBQYAAAAAAQABADcAAACfAAAAAAA=");

    private static readonly Matrix<double> A = Matrix<double>.Build.Dense(2, 3, (i, j) => (10 * i) + j + 0.5);

    [Fact]
    public void Reads_a_named_array_of_a_numpy_archive_by_path_suffix()
    {
        using var files = new Cli.MatrixFiles();
        var path = files.Bytes("data.npz", SavezFixture);

        MatrixFile.Read(path + ":a").ShouldBeBitwiseEqualTo(A);
        MatrixFile.Read(path + ":b").ShouldBeBitwiseEqualTo(TestMatrices.Of([-7], [0], [9007199254740992]));
        var unnamed = () => MatrixFile.Read(path);
        unnamed.Should().Throw<MatrixFileFormatException>().Which.Message.Should().Contain("holds 2 arrays ('a', 'b')").And.Contain("data.npz:a");
        var unknown = () => MatrixFile.Read(path + ":c");
        unknown.Should().Throw<MatrixFileFormatException>().Which.Message.Should().Contain("no array named 'c'");
    }

    [Fact]
    public void Reads_a_deflated_3D_array_as_a_stack_and_the_only_array_without_a_name()
    {
        var stack = MatrixFile.ReadStack(new MemoryStream(SavezCompressedFixture), MatrixFileFormat.Npz);

        stack.Should().HaveCount(2);
        for (var s = 0; s < 2; s++)
        {
            stack[s].ShouldBeBitwiseEqualTo(Matrix<double>.Build.Dense(2, 3, (i, j) => (100 * s) + (10 * i) + j));
        }

        var asMatrix = () => MatrixFile.Read(new MemoryStream(SavezCompressedFixture), MatrixFileFormat.Npz, null, "s.npz");
        asMatrix.Should().Throw<MatrixFileFormatException>().Which.Message.Should().StartWith("s.npz:stack").And.Contain("3-dimensional");
    }

    [Fact]
    public void An_archive_of_several_arrays_is_a_stack_of_one_matrix_each_in_archive_order()
    {
        var stack = MatrixFile.ReadStack(new MemoryStream(SavezFixture), MatrixFileFormat.Npz);

        stack.Should().HaveCount(2);
        stack[0].ShouldBeBitwiseEqualTo(A);
        stack[1].ShouldBeBitwiseEqualTo(TestMatrices.Of([-7], [0], [9007199254740992]));
    }

    [Fact]
    public void The_same_archive_reads_the_same_from_a_stream_that_cannot_seek()
    {
        var stack = MatrixFile.ReadStack(new ForwardOnlyStream(SavezFixture), MatrixFileFormat.Npz);
        stack[0].ShouldBeBitwiseEqualTo(A);
    }

    [Fact]
    public void The_entries_of_all_arrays_together_are_bounded_before_allocating()
    {
        var options = MatrixReadOptions.Default with { MaxEntries = 8 };
        var read = () => MatrixFile.ReadStack(new MemoryStream(SavezFixture), MatrixFileFormat.Npz, options, "d.npz");
        read.Should().Throw<MatrixFileFormatException>().Which.Message.Should().StartWith("d.npz:b").And.Contain("limit of 2");
        var tooMany = () => MatrixFile.ReadStack(new MemoryStream(SavezFixture), MatrixFileFormat.Npz, MatrixReadOptions.Default with { MaxMatrices = 1 }, "d.npz");
        tooMany.Should().Throw<MatrixFileFormatException>().Which.Message.Should().Contain("declares 2 members");
    }

    public static TheoryData<string, byte[], string> Malformed => new()
    {
        { "not a zip", File(1, Dict("<f8", false, "(1,)"), Float64(false, 1)), "no zip end-of-central-directory record" },
        { "empty", [], "no zip end-of-central-directory record" },
        { "truncated", SavezFixture[..300], "no zip end-of-central-directory record" },
        { "corrupt deflate", Corrupt(SavezCompressedFixture, 120), "d.npz" },
        { "non-npy member", Zip(("readme.txt", "hello"u8.ToArray())), "'readme.txt' is not an .npy array" },
        { "no members", Zip(), "holds no arrays" },
        { "bad member", Zip(("x.npy", "\u0093NUMPY"u8.ToArray())), "d.npz:x" },
        { "trailing bytes in a member", Zip(("x.npy", [.. File(1, Dict("<f8", false, "(1,)"), Float64(false, 1)), 0])), "unexpected bytes after" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Rejects_malformed_archives_naming_the_problem(string what, byte[] bytes, string fragment)
    {
        _ = what;
        var read = () => MatrixFile.ReadStack(new MemoryStream(bytes), MatrixFileFormat.Npz, null, "d.npz");
        read.Should().Throw<MatrixFileFormatException>().Which.Message.Should().Contain(fragment);
    }

    [Fact]
    public void Splits_the_array_name_after_the_last_npz_suffix_only()
    {
        MatrixFile.SplitArrayName("runs/x.NPZ:U").Should().Be(("runs/x.NPZ", "U"));
        MatrixFile.SplitArrayName("a.npz:b.npz:c").Should().Be(("a.npz:b.npz", "c"));
        MatrixFile.SplitArrayName("C:/data/A.npy").Should().Be(("C:/data/A.npy", (string?)null));
        MatrixFile.SplitArrayName("A.npz").Should().Be(("A.npz", (string?)null));
    }

    /// <summary>A zip archive built with System.IO.Compression directly (independently of the writer under test).</summary>
    internal static byte[] Zip(params (string Name, byte[] Content)[] members)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in members)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Corrupt(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        for (var k = at; k < at + 8; k++)
        {
            copy[k] ^= 0x5a;
        }

        return copy;
    }
}
