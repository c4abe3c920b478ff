using SpectralSensitivity.Studies.Execution;

namespace SpectralSensitivity.Studies.Mpi;

/// <summary>The ranks of an Open MPI job (<c>MPI_COMM_WORLD</c>) as a study communicator.</summary>
/// <remarks>
/// Initializes MPI with <c>MPI_THREAD_FUNNELED</c> (only the thread that created the communicator calls MPI; worker threads
/// compute). Disposing finalizes MPI. Collectives: <see cref="Barrier"/> is <c>MPI_Barrier</c>, <see cref="All"/> an
/// <c>MPI_Allreduce</c> of one int with <c>MPI_MIN</c>.
/// </remarks>
public sealed unsafe class OpenMpiCommunicator : IStudyCommunicator, IDisposable
{
    private const int ThreadFunneled = 1;
    private readonly OpenMpiLibrary _mpi;
    private bool _finalized;

    private OpenMpiCommunicator(OpenMpiLibrary mpi, int rank, int size)
    {
        _mpi = mpi;
        Rank = rank;
        Size = size;
    }

    /// <inheritdoc />
    public int Rank { get; }

    /// <inheritdoc />
    public int Size { get; }

    /// <summary>Whether this process was started by <c>mpirun</c>/<c>mpiexec</c> (Open MPI sets <c>OMPI_COMM_WORLD_SIZE</c>) or by a PMIx launcher such as Slurm's <c>srun --mpi=pmix</c> (<c>PMIX_RANK</c>).</summary>
    public static bool IsLaunchedByMpi() =>
        Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") is not null || Environment.GetEnvironmentVariable("PMIX_RANK") is not null;

    /// <summary>The number of ranks of this job started on this node: Open MPI's <c>OMPI_COMM_WORLD_LOCAL_SIZE</c>, else 1
    /// (outside MPI, or under a launcher that does not say).</summary>
    public static int LocalRankCount() =>
        int.TryParse(Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_LOCAL_SIZE"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var local) && local > 0
            ? local
            : 1;

    /// <summary>Loads <c>libmpi</c>, initializes MPI and reads this process's rank in <c>MPI_COMM_WORLD</c>.</summary>
    /// <exception cref="DllNotFoundException">Open MPI's library is not installed.</exception>
    /// <exception cref="InvalidOperationException">An MPI call failed.</exception>
    public static OpenMpiCommunicator Initialize()
    {
        var mpi = OpenMpiLibrary.Load();
        int initialized, provided, rank, size;
        Check(mpi.Initialized(&initialized), "MPI_Initialized");
        if (initialized == 0)
        {
            Check(mpi.Init(null, null, ThreadFunneled, &provided), "MPI_Init_thread");
        }

        Check(mpi.CommRank(mpi.CommWorld, &rank), "MPI_Comm_rank");
        Check(mpi.CommSize(mpi.CommWorld, &size), "MPI_Comm_size");
        return new OpenMpiCommunicator(mpi, rank, size);
    }

    /// <inheritdoc />
    public void Barrier() => Check(_mpi.Barrier(_mpi.CommWorld), "MPI_Barrier");

    /// <inheritdoc />
    public bool All(bool value)
    {
        int mine = value ? 1 : 0, all;
        Check(_mpi.Allreduce(&mine, &all, 1, _mpi.Int, _mpi.Min, _mpi.CommWorld), "MPI_Allreduce");
        return all == 1;
    }

    /// <summary>Finalizes MPI (once).</summary>
    public void Dispose()
    {
        if (!_finalized)
        {
            _finalized = true;
            _mpi.Shutdown();
        }
    }

    private static void Check(int code, string call)
    {
        if (code != 0)
        {
            throw new InvalidOperationException($"{call} failed with MPI error code {code}");
        }
    }
}
