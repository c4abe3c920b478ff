using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Backends;

namespace SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

/// <summary>Saves the process-wide linear-algebra settings (MathNet's provider and parallelism, the core's decomposition
/// backend and thread setting) and restores them on dispose. For tests in <see cref="GlobalProviderCollection"/>.</summary>
internal sealed class GlobalLinearAlgebraState : IDisposable
{
    private readonly ILinearAlgebraProvider _provider = LinearAlgebraControl.Provider;
    private readonly IDecompositionBackend _backend = DecompositionBackends.Current;
    private readonly Parallelism _parallelism = SpectralParallelism.Current;
    private readonly int _mathNetDegree = MathNet.Numerics.Control.MaxDegreeOfParallelism;

    /// <summary>Restores everything saved: the thread setting first (applied to the backend in use), then the backend.</summary>
    public void Dispose()
    {
        SpectralParallelism.Current = _parallelism;
        DecompositionBackends.Use(_backend);
        LinearAlgebraControl.Provider = _provider;
        MathNet.Numerics.Control.MaxDegreeOfParallelism = _mathNetDegree;
    }
}
