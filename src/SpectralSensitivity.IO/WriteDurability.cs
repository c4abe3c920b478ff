namespace SpectralSensitivity.IO;

/// <summary>What an atomic write (<see cref="AtomicFile"/>) survives besides the failure of the writing process.</summary>
public enum WriteDurability
{
    /// <summary>The data reaches the disk before the rename (one <c>fsync</c>, milliseconds): after a crash of the operating
    /// system the target holds the old file or the whole new one.</summary>
    SystemCrash = 0,

    /// <summary>No flush before the rename: a killed or failing writer still never leaves a partial target, but a crash of the
    /// operating system may leave an empty one. For many small files that can be recomputed, such as a study's shards.</summary>
    ProcessCrash = 1,
}
