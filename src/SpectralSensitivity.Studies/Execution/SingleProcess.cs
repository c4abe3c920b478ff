namespace SpectralSensitivity.Studies.Execution;

/// <summary>A study in one process: rank 0 of 1.</summary>
public sealed class SingleProcess : IStudyCommunicator
{
    private SingleProcess()
    {
    }

    /// <summary>The instance.</summary>
    public static SingleProcess Instance { get; } = new();

    /// <inheritdoc />
    public int Rank => 0;

    /// <inheritdoc />
    public int Size => 1;

    /// <inheritdoc />
    public void Barrier()
    {
    }

    /// <inheritdoc />
    public bool All(bool value) => value;
}
