using System.Diagnostics.CodeAnalysis;
using MathNet.Numerics;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Providers.Mkl.Errors;
using SpectralSensitivity.Providers.Mkl.Loading;

namespace SpectralSensitivity.Providers.Mkl;

/// <summary>
/// Selects the linear-algebra provider MathNet.Numerics and SpectralSensitivity use, in the style of
/// MathNet's <see cref="LinearAlgebraControl"/>: Intel MKL, OpenBLAS or the managed code.
/// </summary>
/// <remarks>
/// <para><c>Use*</c> methods set, process-wide, both MathNet's <see cref="LinearAlgebraControl.Provider"/> and the core's
/// <see cref="DecompositionBackends"/> (the native <see cref="NativeLinearAlgebraProvider.DecompositionBackend"/>, so the
/// library's SVD is one <c>dgesdd</c> call with <c>jobz = 'S'</c> and its symmetric eigendecomposition one <c>dsyevd</c>
/// call; <see cref="DecompositionBackends.Managed"/> for <see cref="UseManaged"/>). <c>UseX</c> throws
/// <see cref="NativeLibraryNotFoundException"/> when the library cannot be loaded; <c>TryUseX</c> returns
/// <see langword="false"/> and leaves the provider unchanged.</para>
/// <para>Environment: <c>SPECTRAL_PROVIDER</c> = <c>auto</c> (default) | <c>mkl</c> | <c>openblas</c> | <c>managed</c>;
/// <c>SPECTRAL_THREADS</c> = thread count of the native library and of the core's loops (<see cref="SpectralParallelism"/>); <c>SPECTRAL_MKL_PATH</c> / <c>SPECTRAL_OPENBLAS_PATH</c> = explicit
/// library file; <c>SPECTRAL_MKL_THREADING</c> = <c>gnu</c> (default) | <c>sequential</c>.</para>
/// </remarks>
public static class SpectralProviders
{
    /// <summary>Environment variable read by <see cref="UseFromEnvironment"/>.</summary>
    public const string ProviderVariable = "SPECTRAL_PROVIDER";

    /// <summary>Environment variable with the native thread count, applied by <see cref="UseFromEnvironment"/>.</summary>
    public const string ThreadsVariable = "SPECTRAL_THREADS";

    private static readonly object Gate = new();
    private static readonly Dictionary<NativeBackend, NativeLinearAlgebraProvider> Providers = new();
    private static string _requested = "default";

    /// <summary>Uses Intel MKL.</summary>
    /// <exception cref="NativeLibraryNotFoundException">MKL cannot be loaded.</exception>
    public static void UseMkl() => Use(GetNative(NativeBackend.Mkl), "mkl");

    /// <summary>Uses Intel MKL when it loads.</summary>
    /// <returns><see langword="true"/> when MKL is now in use.</returns>
    public static bool TryUseMkl() => TryUse(NativeBackend.Mkl, "mkl");

    /// <summary>Uses OpenBLAS.</summary>
    /// <exception cref="NativeLibraryNotFoundException">OpenBLAS cannot be loaded.</exception>
    public static void UseOpenBlas() => Use(GetNative(NativeBackend.OpenBlas), "openblas");

    /// <summary>Uses OpenBLAS when it loads.</summary>
    /// <returns><see langword="true"/> when OpenBLAS is now in use.</returns>
    public static bool TryUseOpenBlas() => TryUse(NativeBackend.OpenBlas, "openblas");

    /// <summary>Uses MathNet's managed provider (always available).</summary>
    public static void UseManaged() => Use(ManagedLinearAlgebraProvider.Instance, "managed");

    /// <summary>Uses MKL when it loads, the managed provider otherwise, silently (the <c>auto</c> selection).</summary>
    public static void UseBest()
    {
        if (!TryUse(NativeBackend.Mkl, "auto"))
        {
            Use(ManagedLinearAlgebraProvider.Instance, "auto");
        }
    }

    /// <summary>Selects the provider named by <c>SPECTRAL_PROVIDER</c> and applies <c>SPECTRAL_THREADS</c>.</summary>
    /// <returns>The provider now in use.</returns>
    /// <exception cref="ArgumentException">A variable (including <c>SPECTRAL_MKL_THREADING</c>) holds an unknown value.</exception>
    /// <exception cref="NativeLibraryNotFoundException"><c>mkl</c> or <c>openblas</c> was requested and does not load.</exception>
    public static ProviderInfo UseFromEnvironment()
    {
        _ = NativeLibraryLoader.RequestedMklThreading; // validates SPECTRAL_MKL_THREADING even when MKL is not installed
        var value = Environment.GetEnvironmentVariable(ProviderVariable)?.Trim().ToLowerInvariant();
        switch (value)
        {
            case null or "" or "auto" or "best":
                UseBest();
                break;
            case "mkl":
                UseMkl();
                break;
            case "openblas":
                UseOpenBlas();
                break;
            case "managed":
                UseManaged();
                break;
            default:
                throw new ArgumentException($"{ProviderVariable}='{value}' is not one of: auto, mkl, openblas, managed.");
        }

        var threads = Environment.GetEnvironmentVariable(ThreadsVariable);
        if (!string.IsNullOrWhiteSpace(threads))
        {
            if (!int.TryParse(threads, out var count) || count < 1)
            {
                throw new ArgumentException($"{ThreadsVariable}='{threads}' is not a positive integer.");
            }

            SetThreadCount(count);
        }

        return Describe();
    }

    /// <summary>The native provider for <paramref name="backend"/> (one instance per process), loading the library on first use. Does not change the provider in use.</summary>
    /// <param name="backend">Which native library.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="NativeLibraryNotFoundException">The library cannot be loaded.</exception>
    public static NativeLinearAlgebraProvider GetNative(NativeBackend backend) =>
        TryGetNativeCore(backend, out var provider, out var error) ? provider! : throw error!;

    /// <summary>The native provider for <paramref name="backend"/>, when its library loads. Does not change the provider in use.</summary>
    /// <param name="backend">Which native library.</param>
    /// <param name="provider">The provider, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the library loaded.</returns>
    public static bool TryGetNative(NativeBackend backend, [NotNullWhen(true)] out NativeLinearAlgebraProvider? provider) =>
        TryGetNativeCore(backend, out provider, out _);

    /// <summary>Whether <paramref name="backend"/> loads on this machine, and if not, why.</summary>
    /// <param name="backend">Which native library.</param>
    /// <param name="reason">Why it does not load, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the library loads.</returns>
    public static bool IsAvailable(NativeBackend backend, out string? reason)
    {
        var ok = TryGetNativeCore(backend, out _, out var error);
        reason = error?.Message;
        return ok;
    }

    /// <summary>Sets the file to load <paramref name="backend"/> from (overrides probing and the environment variable); <see langword="null"/> restores probing.</summary>
    /// <param name="backend">Which native library.</param>
    /// <param name="path">Full path of the library file, or <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">The library is already loaded.</exception>
    public static void SetLibraryPath(NativeBackend backend, string? path) => NativeLibraryLoader.SetPathOverride(backend, path);

    /// <summary>MKL threading layer to configure when MKL loads (default from <c>SPECTRAL_MKL_THREADING</c>, else <see cref="MklThreadingLayer.Gnu"/>). Has no effect once MKL is loaded.</summary>
    public static MklThreadingLayer MklThreading
    {
        get => NativeLibraryLoader.RequestedMklThreading;
        set => NativeLibraryLoader.RequestedMklThreading = value;
    }

    /// <summary>Sets the one thread setting, <see cref="SpectralParallelism.Current"/> (the core's loops, MathNet's managed
    /// parallelism and the native backend in use), and the thread count of every other loaded native library.</summary>
    /// <param name="threads">Threads per operation, at least 1.</param>
    public static void SetThreadCount(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        SpectralParallelism.Current = new Parallelism(threads);
        lock (Gate)
        {
            foreach (var provider in Providers.Values)
            {
                provider.ThreadCount = threads;
            }
        }
    }

    /// <summary>Describes the provider currently set in <see cref="LinearAlgebraControl.Provider"/>.</summary>
    /// <returns>Name, version, threads, threading layer and library path.</returns>
    public static ProviderInfo Describe() => Describe(LinearAlgebraControl.Provider);

    /// <summary>Describes <paramref name="provider"/>.</summary>
    /// <param name="provider">Any MathNet linear-algebra provider.</param>
    /// <returns>Name, version, threads, threading layer and library path.</returns>
    public static ProviderInfo Describe(ILinearAlgebraProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var requested = _requested;
        if (provider is NativeLinearAlgebraProvider native)
        {
            return new ProviderInfo(native.Name, true, native.NativeVersion, native.ThreadCount, native.ThreadingLayer, native.LibraryPath, requested);
        }

        var mathNet = typeof(ManagedLinearAlgebraProvider).Assembly.GetName().Version?.ToString(3) ?? "?";
        var name = provider is ManagedLinearAlgebraProvider ? "managed" : provider.GetType().Name;
        return new ProviderInfo(name, false, $"MathNet.Numerics {mathNet} ({provider})", Control.MaxDegreeOfParallelism, null, null, requested);
    }

    private static bool TryGetNativeCore(NativeBackend backend, [NotNullWhen(true)] out NativeLinearAlgebraProvider? provider, out NativeLibraryNotFoundException? error)
    {
        lock (Gate)
        {
            if (Providers.TryGetValue(backend, out provider))
            {
                error = null;
                return true;
            }

            if (!NativeLibraryLoader.TryLoad(backend, out var library, out error))
            {
                provider = null;
                return false;
            }

            provider = new NativeLinearAlgebraProvider(library);
            Providers[backend] = provider;
            return true;
        }
    }

    private static bool TryUse(NativeBackend backend, string requested)
    {
        if (!TryGetNativeCore(backend, out var provider, out _))
        {
            return false;
        }

        Use(provider!, requested);
        return true;
    }

    private static void Use(ILinearAlgebraProvider provider, string requested)
    {
        LinearAlgebraControl.Provider = provider;
        DecompositionBackends.Use(provider is NativeLinearAlgebraProvider native ? native.DecompositionBackend : DecompositionBackends.Managed);
        _requested = requested;
    }
}
