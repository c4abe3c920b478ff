namespace SpectralSensitivity.IO;

/// <summary>Where a <see cref="MatrixMarketReader"/> puts the entries it reads.</summary>
internal abstract class MatrixMarketTarget
{
    /// <summary>Checks the size line's declaration against the limits and prepares the storage.</summary>
    /// <param name="source">The file, for messages.</param>
    /// <param name="rows">Declared rows.</param>
    /// <param name="columns">Declared columns.</param>
    /// <param name="entries">Declared stored entries (coordinate files), null for arrays.</param>
    /// <param name="options">Limits.</param>
    /// <param name="line">The size line's number.</param>
    public abstract void Allocate(string source, long rows, long columns, long? entries, MatrixReadOptions options, long line);

    /// <summary>Sets (i, j), 0-based, from an array file (each position once; −0 kept).</summary>
    public abstract void Set(int i, int j, double value);

    /// <summary>Adds <paramref name="value"/> at (i, j), 0-based, as stored in the file (lower triangle of a symmetric file).</summary>
    public abstract void Add(int i, int j, double value);

    /// <summary>Completes a symmetric or skew-symmetric matrix from its lower triangle and checks finiteness.</summary>
    public abstract void Complete(string source, MatrixMarketSymmetry symmetry, MatrixReadOptions options);
}
