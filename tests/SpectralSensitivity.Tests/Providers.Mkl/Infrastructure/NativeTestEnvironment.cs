using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

/// <summary>Which providers this machine can test, and the skip policy for native tests.</summary>
internal static class NativeTestEnvironment
{
    /// <summary>When this variable is <c>1</c>, native tests never skip: they fail if the library does not load.</summary>
    internal const string RequireVariable = "SPECTRAL_REQUIRE_NATIVE";

    internal static bool RequireNative => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Skip reason for tests that need <paramref name="backend"/>, or <see langword="null"/> to run them.</summary>
    internal static string? SkipReason(NativeBackend backend)
    {
        if (RequireNative || SpectralProviders.IsAvailable(backend, out var reason))
        {
            return null;
        }

        return $"{backend} is not available on this machine ({reason?.TrimEnd('.')}). Install it with 'sudo bash scripts/install-mkl.sh'; "
               + $"set {RequireVariable}=1 to make this a failure instead of a skip.";
    }

    /// <summary>Provider by name: <c>managed</c>, <c>mkl</c> or <c>openblas</c>.</summary>
    internal static ILinearAlgebraProvider Provider(string name) => name switch
    {
        "managed" => ManagedLinearAlgebraProvider.Instance,
        "mkl" => SpectralProviders.GetNative(NativeBackend.Mkl),
        "openblas" => SpectralProviders.GetNative(NativeBackend.OpenBlas),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown provider"),
    };

    /// <summary>The core's decomposition backend by provider name: <c>managed</c>, <c>mkl</c> or <c>openblas</c>.</summary>
    internal static IDecompositionBackend DecompositionBackend(string name) => name switch
    {
        "managed" => DecompositionBackends.Managed,
        _ => ((NativeLinearAlgebraProvider)Provider(name)).DecompositionBackend,
    };

    /// <summary>The backend a provider name needs, or <see langword="null"/> for the managed provider.</summary>
    internal static NativeBackend? BackendOf(string name) => name switch
    {
        "mkl" => NativeBackend.Mkl,
        "openblas" => NativeBackend.OpenBlas,
        _ => null,
    };
}
