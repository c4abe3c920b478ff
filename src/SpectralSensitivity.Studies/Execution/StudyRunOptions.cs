namespace SpectralSensitivity.Studies.Execution;

/// <summary>How a study runs: threads, processes, progress and what is saved besides the results.</summary>
public sealed record StudyRunOptions
{
    /// <summary>Worker threads of this process (default: <see cref="DefaultWorkers"/>). Each trial runs on one thread, so results
    /// do not depend on it. Set native BLAS/LAPACK libraries to one thread when this is above one, or they oversubscribe the cores.</summary>
    public int Workers { get; init; } = DefaultWorkers;

    /// <summary>The cores this process may use, shared among the MPI ranks started on this node: <c>max(1, ⌊cores / L⌋)</c> with
    /// L the local rank count (<see cref="Mpi.OpenMpiCommunicator.LocalRankCount"/>, 1 outside MPI), so that L ranks of W workers
    /// each keep the node's cores busy without oversubscribing them. A rank bound to one core by <c>mpirun</c> sees one core.</summary>
    public static int DefaultWorkers => Math.Max(1, Environment.ProcessorCount / Mpi.OpenMpiCommunicator.LocalRankCount());

    /// <summary>The processes the shards are spread over (default: this one only).</summary>
    public IStudyCommunicator Communicator { get; init; } = SingleProcess.Instance;

    /// <summary>Called with (trials done, trials to do) on this process as trials finish; null for none.</summary>
    public Action<long, long>? Progress { get; init; }

    /// <summary>Whether rank 0 also writes <c>A.npy</c> and <c>E.npy</c> (trials × m × n).</summary>
    public MatrixSaving SaveMatrices { get; init; } = MatrixSaving.None;
}
