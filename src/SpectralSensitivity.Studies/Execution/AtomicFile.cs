namespace SpectralSensitivity.Studies.Execution;

/// <summary>Writes a file so that readers see either nothing or the whole file: a temporary file in the same folder, then
/// renamed over the target (atomic on POSIX file systems).</summary>
/// <remarks>A process killed mid-write leaves only a <c>*.partial-*</c> file, which no reader mistakes for a result. The data
/// is not forced to the disk before the rename (an fsync per shard cost more than the shards of small studies); a crash of
/// the operating system itself, unlike that of a process, can therefore leave an empty file.</remarks>
public static class AtomicFile
{
    /// <summary>The marker in the names of temporary files.</summary>
    public const string PartialMarker = ".partial-";

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>.</summary>
    /// <param name="path">The target; replaced if it exists.</param>
    /// <param name="write">Writes the contents to the stream it receives.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temporary = $"{full}{PartialMarker}{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte order mark).</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text)));

    /// <summary>Deletes temporary files left in <paramref name="folder"/> by killed writers.</summary>
    /// <remarks>Only call this when no writer can still be running on the folder.</remarks>
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
}
