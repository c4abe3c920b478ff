using SpectralSensitivity.Providers.Mkl.Loading;

namespace SpectralSensitivity.Providers.Mkl.Errors;

/// <summary>
/// Thrown when a native BLAS/LAPACK backend was requested explicitly but could not be loaded.
/// </summary>
public sealed class NativeLibraryNotFoundException : DllNotFoundException
{
    /// <summary>Creates the exception for <paramref name="backend"/>.</summary>
    /// <param name="backend">The backend that failed to load.</param>
    /// <param name="probed">Every library name or path that was tried, in order.</param>
    /// <param name="reason">Why loading failed (last error seen).</param>
    public NativeLibraryNotFoundException(NativeBackend backend, IReadOnlyList<string> probed, string reason)
        : base($"Native backend '{backend}' could not be loaded: {reason}. Tried: {string.Join(", ", probed)}. "
               + "On Debian run 'sudo bash scripts/install-mkl.sh', or set the library path "
               + $"({NativeLibraryLoader.PathVariable(backend)}).")
    {
        Backend = backend;
        Probed = probed;
        Reason = reason;
    }

    /// <summary>The backend that failed to load.</summary>
    public NativeBackend Backend { get; }

    /// <summary>Library names and paths that were tried, in order.</summary>
    public IReadOnlyList<string> Probed { get; }

    /// <summary>Why loading failed.</summary>
    public string Reason { get; }
}
