using System.Diagnostics;
using System.Text;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Tests.IO;

/// <summary>
/// Mutates valid files of every format (.npz archives and 3-D stacks included, all read as stacks) (bit flips, byte changes, insertions, deletions, truncations, inserted digit
/// runs) and checks that the reader returns a matrix within the limits or throws an
/// <see cref="InvalidSpectralInputException"/>: never another exception, never a hang, never a large allocation,
/// and the same outcome from a seekable stream as from a forward-only one.
/// </summary>
public class MatrixFileMutationTests
{
    private const int MutantsPerSeedFile = 1500;
    private const long AllocationBudget = 4 << 20;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(120);
    private static readonly MatrixReadOptions Options = MatrixReadOptions.Default with { MaxEntries = 4096, MaxLineLength = 4096 };
    private static readonly byte[] Interesting = "0123456789-+.,;\t\n\r %#eE()[]{}':LTFN\0\u007f"u8.ToArray();

    public static TheoryData<string> SeedFiles => new(SeedFileBytes.Keys);

    private static Dictionary<string, (MatrixFileFormat Format, byte[] Bytes)> SeedFileBytes { get; } = new()
    {
        ["written.npy"] = (MatrixFileFormat.Npy, ReadHelpers.Write(TestMatrices.Stressing(3, 4, 1), MatrixFileFormat.Npy)),
        ["fortran-f4-big-endian-v2.npy"] = (MatrixFileFormat.Npy, NpyBytes.File(2, NpyBytes.Dict(">f4", true, "(2, 3)"), NpyBytes.Float32(true, 1, 2, 3, 4, 5, 6))),
        ["stack-i4-fortran.npy"] = (MatrixFileFormat.Npy, NpyBytes.File(1, NpyBytes.Dict("<i4", true, "(2, 1, 2)"), [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0])),
        ["vector-v3.npy"] = (MatrixFileFormat.Npy, NpyBytes.File(3, NpyBytes.Dict("<f8", false, "(5,)"), NpyBytes.Float64(false, 1, 2, 3, 4, 5))),
        ["written.csv"] = (MatrixFileFormat.Csv, ReadHelpers.Write(TestMatrices.Stressing(4, 3, 2), MatrixFileFormat.Csv)),
        ["header-comments.csv"] = (MatrixFileFormat.Csv, Encoding.UTF8.GetBytes("# saved\na;b;c\n1.5;-2;3e-3\n\n4;5;6\n")),
        ["written.mtx"] = (MatrixFileFormat.MatrixMarket, ReadHelpers.Write(TestMatrices.Stressing(3, 3, 3), MatrixFileFormat.MatrixMarket)),
        ["savez.npz"] = (MatrixFileFormat.Npz, NpzReaderTests.SavezFixture),
        ["savez-compressed.npz"] = (MatrixFileFormat.Npz, NpzReaderTests.SavezCompressedFixture),
        ["int-bool-stack.npz"] = (MatrixFileFormat.Npz, NpzReaderTests.Zip(("i.npy", NpyBytes.File(1, NpyBytes.Dict("<i2", false, "(2,)"), [1, 0, 255, 127])), ("b.npy", NpyBytes.File(1, NpyBytes.Dict("|b1", true, "(1, 2)"), [0, 1])))),
        ["coordinate-symmetric.mtx"] = (MatrixFileFormat.MatrixMarket, Encoding.UTF8.GetBytes("%%MatrixMarket matrix coordinate integer symmetric\n% c\n4 4 3\n1 1 2\n3 1 -5\n4 4 7\n")),
    };

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public async Task Mutated_files_give_a_matrix_or_an_input_error_without_hanging_or_overallocating(string seedFile)
    {
        var (format, original) = SeedFileBytes[seedFile];
        var current = -1;
        var run = Task.Run(() =>
        {
            var random = new Random(seedFile.Sum(c => c));
            for (current = 0; current < MutantsPerSeedFile; current++)
            {
                CheckOne(format, Mutate(original, random), $"{seedFile} mutant {current}");
            }
        });

        var finished = await Task.WhenAny(run, Task.Delay(TimeLimit)) == run;
        finished.Should().BeTrue($"reading {seedFile} mutants must not hang (stuck at mutant {current})");
        await run;
    }

    [Fact]
    public void Every_seed_file_is_valid_to_begin_with()
    {
        foreach (var (name, (format, bytes)) in SeedFileBytes)
        {
            FluentActions.Invoking(() => MatrixFile.ReadStack(new MemoryStream(bytes), format, Options, name)).Should().NotThrow(name);
        }
    }

    private static void CheckOne(MatrixFileFormat format, byte[] mutant, string what)
    {
        var fromMemory = ReadWithinBudget(new MemoryStream(mutant), format, mutant, what);
        var fromPipe = ReadWithinBudget(new ForwardOnlyStream(mutant), format, mutant, what + " (forward-only stream)");
        (fromPipe is null).Should().Be(fromMemory is null, $"{what} must be accepted or refused whether the stream can seek or not");
        if (fromMemory is not null)
        {
            fromMemory.Sum(m => (long)m.RowCount * m.ColumnCount).Should().BeLessThanOrEqualTo(Options.MaxEntries, what);
            fromMemory.SelectMany(m => m.Enumerate()).Should().OnlyContain(v => double.IsFinite(v), what);
            fromPipe!.Should().HaveCount(fromMemory.Count, what);
            for (var s = 0; s < fromMemory.Count; s++)
            {
                fromPipe![s].ShouldBeBitwiseEqualTo(fromMemory[s]);
            }
        }
    }

    private static IReadOnlyList<Matrix<double>>? ReadWithinBudget(Stream stream, MatrixFileFormat format, byte[] mutant, string what)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        IReadOnlyList<Matrix<double>>? matrix = null;
        try
        {
            matrix = MatrixFile.ReadStack(stream, format, Options, what);
        }
        catch (InvalidSpectralInputException)
        {
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{what} ({Convert.ToBase64String(mutant)}) threw {e.GetType().Name}: {e.Message}", e);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().BeLessThan(AllocationBudget + (16L * mutant.Length), $"{what} must not allocate beyond the limits");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), what);
        return matrix;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8)));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('9', 1 + random.Next(20))));
                    break;
                default:
                    var from = random.Next(bytes.Count);
                    bytes.InsertRange(at, bytes.GetRange(from, 1 + random.Next(Math.Min(16, bytes.Count - from))));
                    break;
            }
        }

        return [.. bytes];
    }
}
