namespace SpectralSensitivity.IO;

/// <summary>How <see cref="NpzWriter"/> stores the arrays of an <c>.npz</c> archive.</summary>
public enum NpzCompression
{
    /// <summary>Members stored as they are, like <c>np.savez</c>.</summary>
    Stored,

    /// <summary>Members deflated, like <c>np.savez_compressed</c>.</summary>
    Deflated,
}
