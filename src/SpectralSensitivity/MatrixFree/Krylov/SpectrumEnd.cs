namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Which end of a symmetric spectrum the Lanczos iteration computes.</summary>
public enum SpectrumEnd
{
    /// <summary>The largest algebraic eigenvalues; index 1 is the largest.</summary>
    LargestAlgebraic,

    /// <summary>The smallest algebraic eigenvalues; index 1 is the smallest.</summary>
    SmallestAlgebraic,
}
