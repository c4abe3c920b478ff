using System.Reflection;
using System.Runtime.InteropServices;
using SpectralSensitivity.Providers.Mkl.Errors;
using SpectralSensitivity.Providers.Mkl.Native;

namespace SpectralSensitivity.Providers.Mkl.Loading;

/// <summary>
/// Finds, loads and configures the native backends, once per process, and maps the logical library names of
/// the source-generated P/Invoke classes (<see cref="MklBinding"/>, <see cref="OpenBlasBinding"/>) to the
/// loaded handles through a <see cref="DllImportResolver"/>.
/// </summary>
/// <remarks>
/// Probing order: the explicit override (<see cref="SetPathOverride"/>, else the environment variable from
/// <see cref="PathVariable"/>) and nothing else when one is given; otherwise the standard library names for the
/// platform, then <c>$MKLROOT</c>/oneAPI locations for MKL. A failed load is remembered (and reported the same way
/// again) until the override changes.
/// </remarks>
internal static class NativeLibraryLoader
{
    private static readonly object Gate = new();
    private static readonly Dictionary<NativeBackend, LoadedLibrary> Loaded = new();
    private static readonly Dictionary<NativeBackend, NativeLibraryNotFoundException> Failed = new();
    private static readonly Dictionary<NativeBackend, string> Overrides = new();

    private static readonly string[] RequiredSymbols = ["dgemm_", "dgemv_", "dgesdd_", "dgesvd_", "dsyevd_", "dgeqrf_", "dorgqr_"];

    static NativeLibraryLoader()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
    }

    private static MklThreadingLayer? _requestedMklThreading;

    /// <summary>MKL threading layer used when MKL gets loaded: set explicitly, or read from the environment on first use (never in the
    /// type initializer, so an invalid <c>SPECTRAL_MKL_THREADING</c> is an <see cref="ArgumentException"/> naming the variable).</summary>
    /// <exception cref="ArgumentException">The variable holds an unknown value.</exception>
    internal static MklThreadingLayer RequestedMklThreading
    {
        get => _requestedMklThreading ??= MklThreading.FromEnvironment(MklThreadingLayer.Gnu);
        set => _requestedMklThreading = value;
    }

    /// <summary>Environment variable holding an explicit library path for <paramref name="backend"/>.</summary>
    internal static string PathVariable(NativeBackend backend) =>
        backend == NativeBackend.Mkl ? "SPECTRAL_MKL_PATH" : "SPECTRAL_OPENBLAS_PATH";

    /// <summary>Sets (or with <see langword="null"/> clears) the explicit library path; only before the backend loaded.</summary>
    internal static void SetPathOverride(NativeBackend backend, string? path)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(backend, out var loaded))
            {
                throw new InvalidOperationException(
                    $"{backend} is already loaded from '{loaded.Path}'; set the library path before the first use.");
            }

            if (path is null)
            {
                Overrides.Remove(backend);
            }
            else
            {
                Overrides[backend] = path;
            }

            Failed.Remove(backend);
        }
    }

    /// <summary>Loads <paramref name="backend"/> if needed; the result, or the reason it cannot be loaded.</summary>
    internal static bool TryLoad(NativeBackend backend, out LoadedLibrary library, out NativeLibraryNotFoundException? error)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(backend, out library!))
            {
                error = null;
                return true;
            }

            if (Failed.TryGetValue(backend, out error))
            {
                return false;
            }

            var result = LoadCore(backend, Candidates(backend), out error);
            if (result is null)
            {
                Failed[backend] = error!;
                library = null!;
                return false;
            }

            Loaded[backend] = result;
            library = result;
            return true;
        }
    }

    /// <summary>Loads <paramref name="backend"/> or throws <see cref="NativeLibraryNotFoundException"/>.</summary>
    internal static LoadedLibrary Load(NativeBackend backend) =>
        TryLoad(backend, out var library, out var error) ? library : throw error!;

    /// <summary>Tries <paramref name="candidates"/> in order; the first that opens, exports every required symbol and configures wins.</summary>
    internal static LoadedLibrary? LoadCore(NativeBackend backend, IReadOnlyList<string> candidates, out NativeLibraryNotFoundException? error)
    {
        if (backend == NativeBackend.OpenBlas && OperatingSystem.IsLinux())
        {
            // OpenBLAS reads this when it loads: idle pool threads sleep almost at once instead of spinning for
            // ~2^28 cycles, which on a shared machine starves the working threads (see docs/providers.md).
            LibC.SetIfUnset("OPENBLAS_THREAD_TIMEOUT", "4");
        }

        var reason = "no candidate library could be opened";
        foreach (var candidate in candidates)
        {
            if (!NativeLibrary.TryLoad(candidate, out var handle))
            {
                continue;
            }

            var missing = RequiredSymbols.FirstOrDefault(s => !NativeLibrary.TryGetExport(handle, s, out _));
            if (missing is not null)
            {
                reason = $"'{candidate}' does not export {missing}";
                NativeLibrary.Free(handle);
                continue;
            }

            var path = ResolvedPath(candidate);
            var layer = backend == NativeBackend.Mkl
                ? MklThreading.Configure(handle, path, RequestedMklThreading, out var layerError)
                : OpenBlasLayer(handle, out layerError);
            if (layer is null)
            {
                reason = $"'{candidate}': {layerError}";
                NativeLibrary.Free(handle);
                continue;
            }

            error = null;
            return new LoadedLibrary(backend, handle, path, layer);
        }

        error = new NativeLibraryNotFoundException(backend, candidates, reason);
        return null;
    }

    private static string? OpenBlasLayer(nint handle, out string? error)
    {
        error = null;
        return NativeLibrary.TryGetExport(handle, "openblas_get_num_threads", out _) ? "pthread" : "default";
    }

    /// <summary>Names or paths to try for <paramref name="backend"/>: the override, else the environment variable, else the standard names.</summary>
    internal static List<string> Candidates(NativeBackend backend)
    {
        lock (Gate)
        {
            if (Overrides.TryGetValue(backend, out var explicitPath))
            {
                return [explicitPath];
            }
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable(backend));
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return [fromEnvironment];
        }

        return backend == NativeBackend.Mkl ? MklNames() : OpenBlasNames();
    }

    private static List<string> MklNames()
    {
        if (OperatingSystem.IsWindows())
        {
            return ["mkl_rt.2.dll", "mkl_rt.dll", "mkl_rt.1.dll"];
        }

        if (OperatingSystem.IsMacOS())
        {
            return ["libmkl_rt.2.dylib", "libmkl_rt.dylib", "libmkl_rt.1.dylib"];
        }

        var names = new List<string> { "libmkl_rt.so", "libmkl_rt.so.2", "libmkl_rt.so.1" };
        var roots = new[] { Environment.GetEnvironmentVariable("MKLROOT"), "/opt/intel/oneapi/mkl/latest", "/opt/intel/mkl" };
        foreach (var root in roots.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            names.Add(Path.Combine(root!, "lib", "intel64", "libmkl_rt.so"));
            names.Add(Path.Combine(root!, "lib", "intel64", "libmkl_rt.so.2"));
        }

        return names;
    }

    private static List<string> OpenBlasNames()
    {
        if (OperatingSystem.IsWindows())
        {
            return ["libopenblas.dll", "openblas.dll"];
        }

        return OperatingSystem.IsMacOS()
            ? ["libopenblas.0.dylib", "libopenblas.dylib"]
            : ["libopenblas.so.0", "libopenblas.so", "libopenblasp.so.0"];
    }

    /// <summary>
    /// The file a library name resolved to: on Linux read from <c>/proc/self/maps</c> (symlinks resolved),
    /// elsewhere the name itself.
    /// </summary>
    private static string ResolvedPath(string candidate)
    {
        if (Path.IsPathRooted(candidate) || !OperatingSystem.IsLinux() || !File.Exists("/proc/self/maps"))
        {
            return candidate;
        }

        var stem = candidate.Split(".so")[0];
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var slash = line.IndexOf('/');
            if (slash >= 0 && Path.GetFileName(line.AsSpan(slash)).StartsWith(stem, StringComparison.Ordinal))
            {
                return line[slash..];
            }
        }

        return candidate;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        var backend = name switch
        {
            MklBinding.Library => NativeBackend.Mkl,
            OpenBlasBinding.Library => NativeBackend.OpenBlas,
            _ => (NativeBackend?)null,
        };
        return backend is { } b && TryLoad(b, out var library, out _) ? library.Handle : 0;
    }
}
