using System.Runtime.InteropServices;
using SpectralSensitivity.Providers.Mkl.Native;

namespace SpectralSensitivity.Providers.Mkl.Loading;

/// <summary>
/// Chooses MKL's threading layer in-process, before the first computational MKL call.
/// </summary>
/// <remarks>
/// Left alone, <c>libmkl_rt</c> loads the Intel threading layer, which needs Intel's OpenMP runtime
/// (<c>libiomp5</c>); when that is missing MKL aborts the whole process on the first call. Here
/// <c>libgomp.so.1</c> is opened with <c>RTLD_NOW | RTLD_GLOBAL</c> and <c>MKL_Set_Threading_Layer(GNU)</c>
/// is called; when any step fails the sequential layer is selected instead. Users never set
/// <c>LD_PRELOAD</c> or <c>MKL_THREADING_LAYER</c>.
/// <para>Conditional numerical reproducibility is set to <c>MKL_CBWR_AUTO</c>, so results do not depend on how .NET happens
/// to align the arrays (a requirement of studies whose results must be the same bytes on any number of processes).</para>
/// <para>Before <c>libgomp</c> initialises, <c>OMP_WAIT_POLICY=PASSIVE</c> is put into the native environment unless
/// the user set it: with the default (active, spinning) policy a 1000 x 1000 SVD on two threads took 4-22 s instead
/// of 0.5 s on a two-core machine shared with other work, because the spinning workers starve each other.</para>
/// </remarks>
internal static unsafe class MklThreading
{
    // Values of MKL's MKL_THREADING_* and MKL_INTERFACE_* constants (mkl_service.h).
    private const int ThreadingSequential = 1;
    private const int ThreadingGnu = 3;
    private const int InterfaceLp64 = 0;
    private const int CbwrAuto = 2;    // MKL_CBWR_AUTO (mkl_cbwr.h)

    /// <summary>Environment variable that selects the layer: <c>gnu</c> (default) or <c>sequential</c>.</summary>
    internal const string Variable = "SPECTRAL_MKL_THREADING";

    /// <summary>Reads the requested layer from <see cref="Variable"/>; <paramref name="fallback"/> when unset.</summary>
    internal static MklThreadingLayer FromEnvironment(MklThreadingLayer fallback)
    {
        var value = Environment.GetEnvironmentVariable(Variable)?.Trim().ToLowerInvariant();
        return value switch
        {
            null or "" => fallback,
            "gnu" or "omp" or "openmp" => MklThreadingLayer.Gnu,
            "sequential" or "seq" or "none" => MklThreadingLayer.Sequential,
            _ => throw new ArgumentException($"{Variable}='{value}' is not one of: gnu, sequential."),
        };
    }

    /// <summary>
    /// Configures the interface and threading layers of the freshly loaded MKL library.
    /// Returns the layer in effect, or an error message in <paramref name="error"/> when neither layer is usable.
    /// </summary>
    internal static string? Configure(nint mkl, string mklPath, MklThreadingLayer requested, out string? error)
    {
        var layer = SelectLayer(mkl, mklPath, requested, out error);

        // After the layer is chosen (MKL_CBWR_Set initialises MKL's threading): conditional numerical reproducibility, the same
        // bits run to run for a given thread count whatever the alignment of the arrays (without it the same 6 x 10 SVD
        // differed in the last digits between two processes).
        if (layer is not null && NativeLibrary.TryGetExport(mkl, "MKL_CBWR_Set", out var setReproducibility))
        {
            ((delegate* unmanaged<int, int>)setReproducibility)(CbwrAuto);
        }

        return layer;
    }

    private static string? SelectLayer(nint mkl, string mklPath, MklThreadingLayer requested, out string? error)
    {
        error = null;
        if (!NativeLibrary.TryGetExport(mkl, "MKL_Set_Threading_Layer", out var setLayer))
        {
            return "default";
        }

        if (NativeLibrary.TryGetExport(mkl, "MKL_Set_Interface_Layer", out var setInterface))
        {
            ((delegate* unmanaged<int, int>)setInterface)(InterfaceLp64);
        }

        var select = (delegate* unmanaged<int, int>)setLayer;
        if (requested == MklThreadingLayer.Gnu && OperatingSystem.IsLinux()
            && LibC.SetIfUnset("OMP_WAIT_POLICY", "PASSIVE")
            && LibC.OpenGlobal("libgomp.so.1") != 0
            && CanLoadSibling(mklPath, "libmkl_gnu_thread.so")
            && select(ThreadingGnu) == ThreadingGnu)
        {
            return "gnu";
        }

        if (OperatingSystem.IsLinux() && !CanLoadSibling(mklPath, "libmkl_sequential.so"))
        {
            error = "neither libmkl_gnu_thread.so (with libgomp.so.1) nor libmkl_sequential.so could be loaded";
            return null;
        }

        return select(ThreadingSequential) == ThreadingSequential ? "sequential" : "default";
    }

    /// <summary>
    /// Checks that MKL's per-layer library can be opened (MKL itself would abort the process if not):
    /// first next to <c>libmkl_rt</c>, then through the loader's search path.
    /// </summary>
    private static bool CanLoadSibling(string mklPath, string fileName)
    {
        var directory = Path.GetDirectoryName(mklPath);
        if (!string.IsNullOrEmpty(directory) && File.Exists(Path.Combine(directory, fileName)))
        {
            return true;
        }

        if (NativeLibrary.TryLoad(fileName, out var handle))
        {
            NativeLibrary.Free(handle);
            return true;
        }

        return false;
    }
}
