using MathNet.Numerics.Providers.LinearAlgebra;

namespace SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

/// <summary>Runs a computation with MathNet's process-wide provider and the core's decomposition backend switched (tests in <see cref="GlobalProviderCollection"/> only).</summary>
internal static class ProviderSwitch
{
    /// <summary>Computes with <paramref name="provider"/> ("managed", "mkl", "openblas") in <see cref="LinearAlgebraControl.Provider"/> and as the
    /// decomposition backend, then restores both.</summary>
    public static T On<T>(string provider, Func<T> compute)
    {
        using var saved = new GlobalLinearAlgebraState();
        LinearAlgebraControl.Provider = NativeTestEnvironment.Provider(provider);
        SpectralSensitivity.Backends.DecompositionBackends.Use(NativeTestEnvironment.DecompositionBackend(provider));
        return compute();
    }
}
