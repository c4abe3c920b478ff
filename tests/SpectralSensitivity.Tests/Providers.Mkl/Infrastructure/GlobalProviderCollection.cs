namespace SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

/// <summary>
/// Tests that change MathNet's process-wide <c>LinearAlgebraControl.Provider</c> belong to this collection:
/// it runs with parallelization disabled, and each test restores the previous provider in <c>finally</c>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalProviderCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Global LinearAlgebraControl.Provider";
}
