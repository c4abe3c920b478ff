namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Writes a file atomically: into a temporary file in the same folder, then renamed over the target.</summary>
/// <remarks>A run that fails (or is killed) while writing leaves the target as it was, never half written; the temporary file is removed on failure.
/// The rename is atomic on POSIX file systems because both names are in one folder.</remarks>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> (a full path whose folder exists) with <paramref name="write"/>; a symbolic link is followed, so its target is replaced, not the link.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        path = OutputGuard.Canonical(path);
        var folder = Path.GetDirectoryName(path) ?? ".";
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

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
