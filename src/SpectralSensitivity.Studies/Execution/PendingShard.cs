using SpectralSensitivity.Studies.Results;

namespace SpectralSensitivity.Studies.Execution;

/// <summary>A shard being computed: its trials' rows as they finish, and how many are still running or waiting.</summary>
/// <param name="index">The shard number s.</param>
/// <param name="first">Its first trial, s·B.</param>
/// <param name="count">Its number of trials.</param>
internal sealed class PendingShard(int index, long first, int count)
{
    private int _remaining = count;

    /// <summary>The shard number.</summary>
    public int Index { get; } = index;

    /// <summary>The first trial.</summary>
    public long First { get; } = first;

    /// <summary>The rows of trial <c>First + i</c> at i, filled by the workers; released once the shard is written.</summary>
    public StudyRow[][]? Rows { get; private set; } = new StudyRow[count][];

    /// <summary>Stores the rows of trial <c>First + offset</c>; true for the call that completes the shard (exactly one).</summary>
    public bool Complete(int offset, StudyRow[] rows)
    {
        Rows![offset] = rows;
        return Interlocked.Decrement(ref _remaining) == 0;                       // the decrement orders the store before the last reader
    }

    /// <summary>The shard's file contents (its rows in trial order, then k order) and the rows released.</summary>
    public byte[] TakeText()
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in Rows!.SelectMany(r => r))
        {
            ResultsCsv.Append(text, row);
        }

        Rows = null;
        return new System.Text.UTF8Encoding(false).GetBytes(text.ToString());
    }
}
