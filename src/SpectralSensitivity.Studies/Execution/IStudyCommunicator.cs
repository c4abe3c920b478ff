namespace SpectralSensitivity.Studies.Execution;

/// <summary>The processes a study is spread over: one (<see cref="SingleProcess"/>) or the ranks of an MPI job (<see cref="Mpi.OpenMpiCommunicator"/>).</summary>
public interface IStudyCommunicator
{
    /// <summary>This process's rank, 0 ≤ rank &lt; <see cref="Size"/>; rank 0 merges.</summary>
    int Rank { get; }

    /// <summary>The number of processes.</summary>
    int Size { get; }

    /// <summary>Waits until every process gets here.</summary>
    void Barrier();

    /// <summary>Whether <paramref name="value"/> is true on every process (a collective: every process must call it).</summary>
    bool All(bool value);
}
