namespace SpectralSensitivity.MatrixFree;

/// <summary>A fixed partition of <c>0..count−1</c> into blocks of <see cref="BlockSize"/> rows, run in parallel when the work is large.</summary>
/// <remarks>
/// The partition depends only on the count, never on the number of cores, and the body sees the same blocks whether
/// they run on one core or many; every output entry (or partial sum) belongs to one block, so results are
/// bit-identical on any machine. Work below <see cref="ParallelThreshold"/> (multiply-adds) runs on the calling
/// thread: the fork costs more than it saves.
/// </remarks>
internal static class RowBlocks
{
    /// <summary>Rows per block.</summary>
    public const int BlockSize = 2048;

    /// <summary>The amount of work (multiply-adds) from which the blocks run on several cores.</summary>
    public const long ParallelThreshold = 1L << 16;

    /// <summary>The number of blocks of <paramref name="count"/> rows.</summary>
    public static int BlockCount(int count) => (count + BlockSize - 1) / BlockSize;

    /// <summary>Whether <see cref="Run"/> splits this work across cores.</summary>
    public static bool IsParallel(int count, long work) => count > BlockSize && work >= ParallelThreshold;

    /// <summary>Runs <paramref name="body"/>(first, end) on every block, in parallel when <paramref name="work"/> is large.</summary>
    public static void Run(int count, long work, Action<int, int> body)
    {
        var blocks = BlockCount(count);
        if (!IsParallel(count, work))
        {
            for (var block = 0; block < blocks; block++)
            {
                body(block * BlockSize, Math.Min(count, (block + 1) * BlockSize));
            }

            return;
        }

        Parallel.For(0, blocks, SpectralParallelism.Options(), block => body(block * BlockSize, Math.Min(count, (block + 1) * BlockSize)));
    }

    /// <summary>Runs <paramref name="body"/>(part) for every part <c>0..parts−1</c> of a fixed partition, in parallel (within
    /// the thread setting of <see cref="SpectralParallelism"/>) when <paramref name="work"/> reaches <see cref="ParallelThreshold"/>.</summary>
    public static void RunParts(int parts, long work, Action<int> body)
    {
        if (parts == 1 || work < ParallelThreshold)
        {
            for (var part = 0; part < parts; part++)
            {
                body(part);
            }

            return;
        }

        Parallel.For(0, parts, SpectralParallelism.Options(), body);
    }
}
