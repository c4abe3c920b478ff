using SpectralSensitivity.Studies.Execution;

namespace SpectralSensitivity.Tests.Studies;

/// <summary>Rank <c>rank</c> of <c>size</c> processes whose collectives are this process alone (every other rank agrees).</summary>
internal sealed class FixedRank(int rank, int size) : IStudyCommunicator
{
    public int Rank => rank;

    public int Size => size;

    public void Barrier()
    {
    }

    public bool All(bool value) => value;
}
