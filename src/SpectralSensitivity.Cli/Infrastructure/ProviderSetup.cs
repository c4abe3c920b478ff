using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Selects the MathNet linear-algebra provider from <c>SPECTRAL_PROVIDER</c> / <c>SPECTRAL_THREADS</c>, once per process.</summary>
internal static class ProviderSetup
{
    private static readonly Lazy<ProviderInfo> Selected = new(Select, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Applies the environment's choice (MKL when it loads, else managed, by default).</summary>
    /// <exception cref="UsageException">A variable holds an unknown value, or the provider it names does not load.</exception>
    public static ProviderInfo Configure() => Selected.Value;

    private static ProviderInfo Select()
    {
        try
        {
            return SpectralProviders.UseFromEnvironment();
        }
        catch (Exception e) when (e is ArgumentException or DllNotFoundException)
        {
            throw new UsageException($"cannot select the linear-algebra provider: {e.Message}");
        }
    }
}
