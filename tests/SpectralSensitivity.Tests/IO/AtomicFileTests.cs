using FluentAssertions;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

/// <summary>Atomic writes: the whole new file or the old one, never a partial target, no temporary file left, links followed.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "spectral-atomic-tests", Guid.NewGuid().ToString("N"))).FullName;

    public static TheoryData<WriteDurability> Durabilities => new(Enum.GetValues<WriteDurability>());

    [Theory]
    [MemberData(nameof(Durabilities))]
    public void A_write_replaces_the_target_whole_and_leaves_no_temporary_file(WriteDurability durability)
    {
        var target = Path.Combine(_folder, "out.csv");
        File.WriteAllText(target, "old content that is longer than the new one");

        AtomicFile.WriteText(target, "new", durability);

        File.ReadAllText(target).Should().Be("new");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void While_writing_the_data_goes_to_one_hidden_temporary_file_beside_the_target_and_the_target_is_untouched()
    {
        var target = Path.Combine(_folder, "out.bin");
        File.WriteAllText(target, "old");
        string[] during = [];

        AtomicFile.Write(target, stream =>
        {
            stream.Write(new byte[100]);
            stream.Flush();
            during = Leftovers();
            File.ReadAllText(target).Should().Be("old", "readers see the old file until the rename");
        });

        during.Should().ContainSingle().Which.Should().Match(p => Path.GetFileName(p).StartsWith(".out.bin" + AtomicFile.PartialMarker, StringComparison.Ordinal) && p.EndsWith(".tmp", StringComparison.Ordinal));
        Path.GetDirectoryName(during[0]).Should().Be(_folder);
        new FileInfo(target).Length.Should().Be(100);
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_failing_writer_keeps_the_old_file_and_removes_its_temporary_file()
    {
        var target = Path.Combine(_folder, "G.npy");
        File.WriteAllText(target, "old content");

        var write = () => AtomicFile.Write(target, stream =>
        {
            stream.Write(new byte[1000]);
            throw new IOException("disk full");
        });

        write.Should().Throw<IOException>().WithMessage("disk full");
        File.ReadAllText(target).Should().Be("old content");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_symbolic_link_chain_is_followed_the_final_target_replaced_and_the_links_kept()
    {
        var real = Directory.CreateDirectory(Path.Combine(_folder, "real")).FullName;
        var file = Path.Combine(real, "x.csv");
        File.WriteAllText(file, "old");
        var second = Path.Combine(_folder, "second.csv");
        File.CreateSymbolicLink(second, Path.Combine("real", "x.csv"));                 // relative to the link's folder
        var first = Path.Combine(_folder, "first.csv");
        File.CreateSymbolicLink(first, second);

        AtomicFile.WriteText(first, "new");

        File.ReadAllText(file).Should().Be("new");
        new FileInfo(first).LinkTarget.Should().Be(second);
        new FileInfo(second).LinkTarget.Should().Be(Path.Combine("real", "x.csv"));
        Directory.GetFiles(real, $"*{AtomicFile.PartialMarker}*").Should().BeEmpty();
    }

    [Fact]
    public void A_new_file_is_created_and_a_dangling_link_gets_its_target_created()
    {
        var fresh = Path.Combine(_folder, "fresh.csv");
        var real = Directory.CreateDirectory(Path.Combine(_folder, "real")).FullName;
        var dangling = Path.Combine(_folder, "dangling.csv");
        File.CreateSymbolicLink(dangling, Path.Combine("real", "new.csv"));

        AtomicFile.WriteText(fresh, "a");
        AtomicFile.WriteText(dangling, "b");

        File.ReadAllText(fresh).Should().Be("a");
        File.ReadAllText(Path.Combine(real, "new.csv")).Should().Be("b");
        new FileInfo(dangling).LinkTarget.Should().NotBeNull("the link is kept");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_link_loop_and_a_missing_folder_are_io_errors_that_create_nothing()
    {
        var loop = Path.Combine(_folder, "loop.csv");
        File.CreateSymbolicLink(loop, loop);

        ((Action)(() => AtomicFile.WriteText(loop, "x"))).Should().Throw<IOException>();
        ((Action)(() => AtomicFile.WriteText(Path.Combine(_folder, "missing", "x.csv"), "x"))).Should().Throw<IOException>();
        Directory.GetFileSystemEntries(_folder).Should().Equal(loop);
    }

    [Fact]
    public void Leftovers_of_killed_writers_are_removed_and_nothing_else()
    {
        var kept = Path.Combine(_folder, "shard-000001.csv");
        File.WriteAllText(kept, "rows");
        var named = Path.Combine(_folder, $".shard-000002.csv{AtomicFile.PartialMarker}999-dead.tmp");
        File.WriteAllText(named, "half");
        var sub = Directory.CreateDirectory(Path.Combine(_folder, "sub")).FullName;
        var nested = Path.Combine(sub, $".y{AtomicFile.PartialMarker}1-2.tmp");
        File.WriteAllText(nested, "half");

        AtomicFile.RemoveLeftovers(_folder);
        AtomicFile.RemoveLeftovers(Path.Combine(_folder, "none"));

        File.Exists(named).Should().BeFalse();
        File.ReadAllText(kept).Should().Be("rows");
        File.Exists(nested).Should().BeTrue("only the folder given is cleaned");
    }

    [Fact]
    public void An_undefined_durability_is_refused_before_any_file_is_created()
    {
        var write = () => AtomicFile.WriteText(Path.Combine(_folder, "x.csv"), "x", (WriteDurability)7);

        write.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("durability");
        Directory.GetFileSystemEntries(_folder).Should().BeEmpty();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] Leftovers() => Directory.GetFiles(_folder, $"*{AtomicFile.PartialMarker}*", SearchOption.AllDirectories);
}
