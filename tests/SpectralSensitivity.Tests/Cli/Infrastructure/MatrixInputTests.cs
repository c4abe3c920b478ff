using FluentAssertions;
using SpectralSensitivity.IO;
using SpectralSensitivity.Tests.IO;

namespace SpectralSensitivity.Tests.Cli.Infrastructure;

/// <summary>The CLI reads .npz arrays by name and integer .npy files as the same matrices the float64 files hold.</summary>
public sealed class MatrixInputTests
{
    [Fact]
    public void Arrays_of_one_npz_archive_named_by_suffix_give_the_same_answer_as_npy_files()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(5, 4, 31);
        var e = TestMatrices.Random(5, 4, 32);
        var archive = new MemoryStream();
        using (var npz = new NpzWriter(archive, NpzCompression.Deflated))
        {
            npz.Add("A", a);
            npz.Add("E", e);
        }

        var path = files.Bytes("inputs.npz", archive.ToArray());
        var fromNpz = CliRunner.Run("derivatives", "-A", path + ":A", "-E", path + ":E", "-k", "2", "--json");
        var fromNpy = CliRunner.Run("derivatives", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "-E", files.Write("E", e, MatrixFormat.NpyFloat64C), "-k", "2", "--json");

        fromNpz.ExitCode.Should().Be(0, fromNpz.ToString());
        fromNpz.Stdout.Should().Be(fromNpy.Stdout);
        var unnamed = CliRunner.Run("derivatives", "-A", path, "-E", path + ":E");
        unnamed.ExitCode.Should().Be(2);
        unnamed.Stderr.Should().Contain("holds 2 arrays").And.Contain("inputs.npz:A");
        var missing = CliRunner.Run("svd", "-A", Path.Combine(files.Directory, "none.npz") + ":A");
        missing.ExitCode.Should().Be(2);
        missing.Stderr.Should().Contain("none.npz' does not exist");
    }

    [Fact]
    public void An_integer_npy_matrix_is_widened_to_the_same_values()
    {
        using var files = new MatrixFiles();
        long[] values = [3, -1, 4, 1, -5, 9];
        var ints = files.Bytes("I.npy", NpyBytes.File(1, NpyBytes.Dict("<i8", false, "(3, 2)"), [.. values.SelectMany(BitConverter.GetBytes)]));
        var doubles = files.Text("D.csv", "3,-1\n4,1\n-5,9\n");

        var fromInts = CliRunner.Run("svd", "-A", ints, "--vectors", "--json");
        var fromDoubles = CliRunner.Run("svd", "-A", doubles, "--vectors", "--json");

        fromInts.ExitCode.Should().Be(0, fromInts.ToString());
        fromInts.Stdout.Should().Be(fromDoubles.Stdout);
    }
}
