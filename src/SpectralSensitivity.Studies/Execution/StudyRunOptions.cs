namespace SpectralSensitivity.Studies.Execution;

/// <summary>How a study runs: threads, processes, progress and what is saved besides the results.</summary>
public sealed record StudyRunOptions
{
    /// <summary>Worker threads of this process (default: its cores). Each trial runs on one thread, so results do not depend on it.
    /// Set native BLAS/LAPACK libraries to one thread when this is above one, or they oversubscribe the cores.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>The processes the shards are spread over (default: this one only).</summary>
    public IStudyCommunicator Communicator { get; init; } = SingleProcess.Instance;

    /// <summary>Called with (trials done, trials to do) on this process as trials finish; null for none.</summary>
    public Action<long, long>? Progress { get; init; }

    /// <summary>Whether rank 0 also writes <c>A.npy</c> and <c>E.npy</c> (trials × m × n).</summary>
    public MatrixSaving SaveMatrices { get; init; } = MatrixSaving.None;
}
