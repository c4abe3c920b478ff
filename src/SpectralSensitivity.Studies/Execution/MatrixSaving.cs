namespace SpectralSensitivity.Studies.Execution;

/// <summary>Whether a study saves its matrices and directions.</summary>
public enum MatrixSaving
{
    /// <summary>Results only.</summary>
    None,

    /// <summary>Also <c>A.npy</c> and <c>E.npy</c>, float64 stacks of shape (trials, m, n), trial t at index t.</summary>
    NpyStacks,
}
