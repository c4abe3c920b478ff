namespace SpectralSensitivity.IO;

/// <summary>Writes a file so that readers see either the old contents or the whole new file, never a half-written one:
/// the data goes to a temporary file in the target's folder, which is then renamed over the target.</summary>
/// <remarks>
/// <para>The rename is atomic on POSIX file systems (local, NFS, Lustre, BeeGFS) because both names are in one folder. A
/// writer that fails or throws removes its temporary file and leaves the target as it was; a writer that is killed leaves
/// only a hidden temporary file whose name holds <see cref="PartialMarker"/>, which no reader mistakes for a result and
/// <see cref="RemoveLeftovers"/> deletes. A symbolic link at the target is followed: its final target is replaced and the
/// link kept.</para>
/// <para>Durability against a crash of the operating system itself (not only of the writing process) is chosen per write
/// (<see cref="WriteDurability"/>). Cost: the bytes written, plus one <c>fsync</c> with
/// <see cref="WriteDurability.SystemCrash"/>.</para>
/// <para>The spectral command-line tool and SpectralSensitivity.Studies write every output file through this class.</para>
/// </remarks>
public static class AtomicFile
{
    /// <summary>The marker in the names of temporary files: <c>.NAME.partial-PID-GUID.tmp</c> next to <c>NAME</c>.</summary>
    public const string PartialMarker = ".partial-";

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <param name="path">The target, relative or full; its folder must exist. Replaced if it exists; a symbolic link is followed.</param>
    /// <param name="write">Writes the whole contents to the stream it receives.</param>
    /// <param name="durability">Whether the data is flushed to the disk before the rename (default: it is).</param>
    /// <exception cref="IOException">The folder does not exist, a link loops, or writing failed; the target is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable; the target is unchanged.</exception>
    public static void Write(string path, Action<Stream> write, WriteDurability durability = WriteDurability.SystemCrash)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!Enum.IsDefined(durability))
        {
            throw new ArgumentOutOfRangeException(nameof(durability), durability, "not a WriteDurability value");
        }

        var target = FinalTarget(Path.GetFullPath(path));
        var folder = Path.GetDirectoryName(target) ?? ".";
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}{PartialMarker}{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: durability == WriteDurability.SystemCrash);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark, atomically (see <see cref="Write"/>).</summary>
    /// <param name="path">The target; replaced if it exists.</param>
    /// <param name="text">The whole contents.</param>
    /// <param name="durability">Whether the data is flushed to the disk before the rename (default: it is).</param>
    public static void WriteText(string path, string text, WriteDurability durability = WriteDurability.SystemCrash)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text)), durability);
    }

    /// <summary>Deletes the temporary files that killed writers left in <paramref name="folder"/> (not in its subfolders).</summary>
    /// <remarks>Only call this when no writer can still be running on the folder: it would lose its file. Cost: one listing of the folder.</remarks>
    /// <param name="folder">A folder; nothing happens if it does not exist.</param>
    public static void RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, $"*{PartialMarker}*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>The file a write to <paramref name="fullPath"/> replaces: the final target of a chain of symbolic links, else the path itself.</summary>
    private static string FinalTarget(string fullPath) =>
        new FileInfo(fullPath).LinkTarget is null
            ? fullPath                                                                              // not a link, or not there yet
            : File.ResolveLinkTarget(fullPath, returnFinalTarget: true)?.FullName ?? fullPath;      // a loop is an IOException

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error is the one worth reporting.
        }
    }
}
