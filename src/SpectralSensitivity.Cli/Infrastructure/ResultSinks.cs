namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Where a matrix result goes (JSON on stdout or a table, and optionally a file), and the memory that costs besides the matrix.</summary>
/// <param name="Json">JSON on stdout (streamed, <see cref="JsonMatrix"/>) instead of a table.</param>
/// <param name="OutputPath">The <c>--output</c> file, or null.</param>
/// <param name="Results">How many results the command holds at once (one per index of <c>-k</c>): each gets this share of a memory budget.</param>
internal sealed record ResultSinks(bool Json, string? OutputPath, int Results = 1)
{
    /// <summary>What a table costs at most: tables are printed only up to <see cref="MatrixOutput.MaxTableColumns"/> columns and 100 rows.</summary>
    public const long TableBytes = 1 << 20;

    /// <summary>What a file writer holds: the stream and text buffers (64 KiB each, text as UTF-16 and UTF-8) and one row of 8-byte values.</summary>
    public static long FileBytes(long columns) => 4 * 65536 + 8 * columns;

    /// <summary>Bytes the chosen outputs hold at once for a result with <paramref name="columns"/> columns (none of them copies the matrix).</summary>
    public long WorkingBytes(long columns) => (Json ? JsonMatrix.WorkingBytes(columns) : TableBytes) + (OutputPath is null ? 0 : FileBytes(columns));
}
