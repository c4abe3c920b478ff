namespace SpectralSensitivity.Studies.Execution;

/// <summary>A study run stopped before every shard was written (another rank failed). The shards already written are complete
/// and kept; rerunning the same command computes only the missing ones.</summary>
public sealed class StudyIncompleteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StudyIncompleteException(string message)
        : base(message)
    {
    }
}
