using System.Globalization;
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Studies.Execution;

/// <summary>Writes a process's shard files, each atomically; for testing restarts, it can stop the process at a known point.</summary>
/// <remarks>
/// <para>A shard goes to a hidden temporary file renamed into place (<see cref="AtomicFile"/>), not flushed to the disk first
/// (<see cref="WriteDurability.ProcessCrash"/>): a shard lost to a crash of the operating system is simply recomputed.</para>
/// <para><b>For testing only</b>: with <c>SPECTRAL_STUDY_TEST_HALT_AFTER_SHARDS=N</c> (or <c>N@R</c>: only on rank R) in the
/// environment, the process writes N shards, then half of the next shard's temporary file, prints one line on stderr and
/// blocks every worker until the process is killed. A test then kills it at that known point, whatever the speed of the
/// machine, and checks that the rerun computes exactly the missing shards. Never set it otherwise: the study never ends.</para>
/// </remarks>
internal sealed class ShardWriter
{
    /// <summary>The environment variable of the test hook.</summary>
    public const string HaltVariable = "SPECTRAL_STUDY_TEST_HALT_AFTER_SHARDS";

    private readonly long _limit;
    private long _written;
    private volatile bool _halted;

    private ShardWriter(long limit)
    {
        _limit = limit;
    }

    /// <summary>The writer of rank <paramref name="rank"/>, with the test hook when the environment asks for it.</summary>
    /// <exception cref="InvalidSpectralInputException">The variable is set but is not N or N@R.</exception>
    public static ShardWriter FromEnvironment(int rank)
    {
        var text = Environment.GetEnvironmentVariable(HaltVariable);
        if (string.IsNullOrEmpty(text))
        {
            return new ShardWriter(long.MaxValue);
        }

        var parts = text.Split('@');
        if (parts.Length > 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            || (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new InvalidSpectralInputException($"{HaltVariable}={text}: expected N or N@RANK (a testing hook; unset it to run studies)");
        }

        return parts.Length == 2 && int.Parse(parts[1], CultureInfo.InvariantCulture) != rank ? new ShardWriter(long.MaxValue) : new ShardWriter(limit);
    }

    /// <summary>Blocks for good once the test hook has halted the process (a worker calls it before each trial).</summary>
    public void WaitIfHalted()
    {
        if (_halted)
        {
            Block();
        }
    }

    /// <summary>Writes <paramref name="contents"/> to <paramref name="path"/> atomically.</summary>
    public void Write(string path, byte[] contents)
    {
        var ordinal = Interlocked.Increment(ref _written);
        if (ordinal <= _limit)
        {
            AtomicFile.Write(path, stream => stream.Write(contents), WriteDurability.ProcessCrash);
            return;
        }

        _halted = true;
        if (ordinal == _limit + 1)
        {
            AtomicFile.Write(path, stream => HalfWriteAndBlock(stream, contents), WriteDurability.ProcessCrash);
        }

        Block();
    }

    private void HalfWriteAndBlock(Stream stream, byte[] contents)
    {
        stream.Write(contents, 0, contents.Length / 2);
        stream.Flush();
        Console.Error.WriteLine($"spectral study: {HaltVariable}: pid {Environment.ProcessId} wrote {_limit} shards and half of the next; halted until killed");
        Console.Error.Flush();
        Block();
    }

    private static void Block() => Thread.Sleep(Timeout.Infinite);
}
