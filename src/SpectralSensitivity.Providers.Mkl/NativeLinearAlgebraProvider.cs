using System.Runtime.InteropServices;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Providers.Mkl.Loading;
using SpectralSensitivity.Providers.Mkl.Native;

namespace SpectralSensitivity.Providers.Mkl;

/// <summary>
/// A MathNet.Numerics <see cref="ILinearAlgebraProvider"/> that runs the double-precision hot paths
/// (SVD, symmetric eigen-decomposition, QR, matrix products) on a native BLAS/LAPACK library (Intel MKL or OpenBLAS)
/// and delegates every other operation, and all single-precision and complex ones, to
/// <see cref="ManagedLinearAlgebraProvider"/>.
/// </summary>
/// <remarks>
/// Obtain instances through <see cref="SpectralProviders.GetNative"/> or <see cref="SpectralProviders.TryGetNative"/>
/// (one instance per backend and process). Setting <see cref="LinearAlgebraControl.Provider"/> to an instance makes
/// MathNet's own <c>Svd()</c>, <c>Evd()</c> and dense products use the native library. Instances are thread-safe:
/// every call uses its own workspaces. Inputs holding NaN or infinities are rejected with
/// <see cref="Errors.NonFiniteInputException"/> before native code runs; LAPACK failures surface as
/// <see cref="Errors.NativeLinearAlgebraException"/>.
/// </remarks>
public sealed partial class NativeLinearAlgebraProvider : ILinearAlgebraProvider
{
    private readonly ILapackDriver _driver;
    private readonly Lazy<string> _version;

    internal NativeLinearAlgebraProvider(LoadedLibrary library)
    {
        Library = library;
        _driver = library.Backend == NativeBackend.Mkl
            ? LapackDriver<MklBinding>.Instance
            : LapackDriver<OpenBlasBinding>.Instance;
        _version = new Lazy<string>(ReadVersion);
        DefaultThreadCount = ThreadCount;
        DecompositionBackend = new NativeDecompositionBackend(this);
    }

    /// <summary>Which native library this provider runs on.</summary>
    public NativeBackend Backend => Library.Backend;

    /// <summary>Short lower-case name: <c>mkl</c> or <c>openblas</c> (the values accepted by <c>SPECTRAL_PROVIDER</c>).</summary>
    public string Name => Backend == NativeBackend.Mkl ? "mkl" : "openblas";

    /// <summary>File the native library was loaded from.</summary>
    public string LibraryPath => Library.Path;

    /// <summary>Threading layer in effect: <c>gnu</c> or <c>sequential</c> for MKL, <c>pthread</c> for OpenBLAS.</summary>
    public string ThreadingLayer => Library.ThreadingLayer;

    /// <summary>The library's own version text (<c>mkl_get_version_string</c> or <c>openblas_get_config</c>).</summary>
    public string NativeVersion => _version.Value;

    /// <summary>Number of threads the native library uses inside one call (process-wide for that library).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When set below 1.</exception>
    public int ThreadCount
    {
        get => Backend == NativeBackend.Mkl ? MklBinding.GetMaxThreads() : OpenBlasBinding.GetNumThreads();
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            if (Backend == NativeBackend.Mkl)
            {
                MklBinding.SetNumThreads(value);
            }
            else
            {
                OpenBlasBinding.SetNumThreads(value);
            }
        }
    }

    /// <summary>The core's decomposition backend on this library: pass it to <see cref="DecompositionBackends.Use"/> to make
    /// <see cref="Decomposition.ThinSingularValueDecomposition"/> call <c>dgesdd</c> and
    /// <see cref="Decomposition.SymmetricEigendecomposition"/> call <c>dsyevd</c> directly (the <c>Use*</c> methods of
    /// <see cref="SpectralProviders"/> do).</summary>
    public IDecompositionBackend DecompositionBackend { get; }

    /// <summary>The library's thread count when it was loaded (its own default), restored by <see cref="Parallelism.Default"/>.</summary>
    internal int DefaultThreadCount { get; }

    internal LoadedLibrary Library { get; }

    internal ILapackDriver Driver => _driver;

    private static ManagedLinearAlgebraProvider Managed => ManagedLinearAlgebraProvider.Instance;

    /// <summary>Always <see langword="true"/>: an instance exists only once its library has loaded.</summary>
    /// <returns><see langword="true"/>.</returns>
    public bool IsAvailable() => true;

    /// <summary>Nothing to verify: the library was loaded, checked for every required symbol and configured when this instance was created.</summary>
    public void InitializeVerify()
    {
    }

    /// <summary>Releases the native library's internal buffers (<c>mkl_free_buffers</c>; nothing for OpenBLAS).</summary>
    public void FreeResources()
    {
        if (Backend == NativeBackend.Mkl)
        {
            MklBinding.FreeBuffers();
        }
    }

    /// <summary>Describes the provider, e.g. <c>Native (mkl, gnu threads) Intel(R) Math Kernel Library Version 2020.0.4 ...</c>.</summary>
    /// <returns>Backend, threading layer and native version.</returns>
    public override string ToString() => $"Native ({Name}, {ThreadingLayer} threads) {NativeVersion}";

    private unsafe string ReadVersion()
    {
        if (Backend == NativeBackend.OpenBlas)
        {
            return Marshal.PtrToStringUTF8((nint)OpenBlasBinding.GetConfig())?.Trim() ?? "OpenBLAS";
        }

        const int length = 256;
        var buffer = stackalloc byte[length];
        new Span<byte>(buffer, length).Clear();
        MklBinding.GetVersionString(buffer, length - 1);
        return Marshal.PtrToStringUTF8((nint)buffer)?.Trim() ?? "Intel MKL";
    }
}
