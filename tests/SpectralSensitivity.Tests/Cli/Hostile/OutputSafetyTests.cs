using FluentAssertions;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.Cli.Hostile;

/// <summary>Output files never replace an input (also through links), are written atomically, and odd paths are usage errors.</summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly MatrixFiles _files = new();
    private readonly string _a;
    private readonly string _e;

    public OutputSafetyTests()
    {
        _a = _files.Write("A", TestMatrices.Random(5, 4, 11), MatrixFormat.NpyFloat64C);
        _e = _files.Write("E", TestMatrices.Random(5, 4, 12), MatrixFormat.NpyFloat64C);
    }

    public static TheoryData<string> Aliases => new() { "same", "relative", "dot-segments", "symlink-to-file", "symlink-to-folder", "symlink-chain", "relative-symlink" };

    [Theory]
    [MemberData(nameof(Aliases))]
    public void An_output_that_is_an_input_is_refused_and_the_input_kept(string alias)
    {
        var output = Alias(alias, _a);
        var before = File.ReadAllBytes(_a);

        foreach (var args in new[]
                 {
                     new[] { "gradient", "-A", _a, "-o", output },
                     ["hvp", "-A", _a, "-E", _e, "-o", output],
                     ["hessian", "-A", _a, "--output", output, "--json"],
                     ["report", "-A", _e, "-E", _a, "-o", output],
                 })
        {
            var result = CliRunner.Run(args);

            result.ExitCode.Should().Be(2, $"{alias}, {args[0]}: {result}");
            result.Stdout.Should().BeEmpty();
            result.Stderr.Should().StartWith("error: --output").And.Contain("same file as the input").And.Contain("refusing to overwrite");
            File.ReadAllBytes(_a).Should().Equal(before, "the input is untouched");
        }
    }

    [Fact]
    public void Canonical_paths_resolve_links_in_every_component()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_files.Directory, "real")).FullName;
        var file = Path.Combine(folder, "x.npy");
        File.WriteAllText(file, "x");
        var folderLink = Path.Combine(_files.Directory, "folder-link");
        Directory.CreateSymbolicLink(folderLink, "real");
        var fileLink = Path.Combine(_files.Directory, "file-link.npy");
        File.CreateSymbolicLink(fileLink, Path.Combine("folder-link", "x.npy"));

        OutputGuard.Canonical(Path.Combine(folderLink, "x.npy")).Should().Be(OutputGuard.Canonical(file));
        OutputGuard.Canonical(fileLink).Should().Be(OutputGuard.Canonical(file));
        OutputGuard.Canonical(Path.Combine(folderLink, "new.npy")).Should().Be(Path.Combine(OutputGuard.Canonical(folder), "new.npy"));
    }

    [Fact]
    public void A_link_loop_is_refused_without_hanging()
    {
        var loop = Path.Combine(_files.Directory, "loop.npy");
        File.CreateSymbolicLink(loop, loop);

        var result = CliRunner.Run("gradient", "-A", _a, "-o", loop);

        result.ExitCode.Should().Be(2, result.ToString());
    }

    [Theory]
    [InlineData("", "the path is empty")]
    [InlineData("   ", "the path is empty")]
    [InlineData("<folder>", "is a folder")]
    [InlineData("<missing>/G.npy", "does not exist")]
    [InlineData("G\0.npy", "not a valid path")]
    public void Odd_output_paths_are_usage_errors(string output, string mentions)
    {
        output = output.Replace("<folder>", _files.Directory).Replace("<missing>", Path.Combine(_files.Directory, "none"));
        var result = CliRunner.Run("gradient", "-A", _a, "-o", output);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith("error: --output").And.Contain(mentions);
    }

    [Fact]
    public void Outputs_are_written_atomically_and_leave_no_temporary_file()
    {
        var output = Path.Combine(_files.Directory, "G.csv");
        File.WriteAllText(output, "old content");

        var result = CliRunner.Run("gradient", "-A", _a, "-o", output);

        result.ExitCode.Should().Be(0, result.ToString());
        MatrixFile.Read(output).RowCount.Should().Be(5);
        Directory.GetFiles(_files.Directory, $"*{AtomicFile.PartialMarker}*").Should().BeEmpty();
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        var output = Path.Combine(_files.Directory, "G.npy");
        File.WriteAllText(output, "old content");

        var write = () => AtomicFile.Write(output, stream =>
        {
            stream.Write(new byte[1000]);
            throw new IOException("disk full");
        });

        write.Should().Throw<IOException>();
        File.ReadAllText(output).Should().Be("old content");
        Directory.GetFiles(_files.Directory, $"*{AtomicFile.PartialMarker}*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void A_directory_given_as_input_is_named_a_folder()
    {
        var result = CliRunner.Run("svd", "-A", _files.Directory);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("is a folder").And.NotContain("does not exist");
    }

    public void Dispose() => _files.Dispose();

    private string Alias(string kind, string input)
    {
        var folder = Path.GetDirectoryName(input)!;
        var name = Path.GetFileName(input);
        switch (kind)
        {
            case "same":
                return input;
            case "relative":
                return Path.GetRelativePath(Environment.CurrentDirectory, input);
            case "dot-segments":
                return Path.Combine(folder, ".", "sub", "..", name).Replace($"{Path.DirectorySeparatorChar}sub{Path.DirectorySeparatorChar}..", $"{Path.DirectorySeparatorChar}.");
            case "symlink-to-file":
                var link = Path.Combine(folder, $"link-{Guid.NewGuid():N}.npy");
                File.CreateSymbolicLink(link, input);
                return link;
            case "symlink-to-folder":
                var folderLink = Path.Combine(folder, $"dir-{Guid.NewGuid():N}");
                Directory.CreateSymbolicLink(folderLink, folder);
                return Path.Combine(folderLink, name);
            case "symlink-chain":
                var first = Path.Combine(folder, $"c1-{Guid.NewGuid():N}.npy");
                var second = Path.Combine(folder, $"c2-{Guid.NewGuid():N}.npy");
                File.CreateSymbolicLink(second, input);
                File.CreateSymbolicLink(first, second);
                return first;
            default:
                var relativeLink = Path.Combine(folder, $"rel-{Guid.NewGuid():N}.npy");
                File.CreateSymbolicLink(relativeLink, name);
                return relativeLink;
        }
    }
}
