using System.Runtime.InteropServices;

namespace SpectralSensitivity.Studies.Mpi;

/// <summary>Open MPI's C library (<c>libmpi.so.40</c>), loaded with <c>RTLD_GLOBAL</c> and bound through function pointers.</summary>
/// <remarks>
/// <para>Open MPI loads its transport plugins (<c>mca_*</c>) with <c>dlopen</c>, and they resolve <c>libmpi</c>'s symbols from
/// the global namespace: the library must be opened with <c>RTLD_NOW | RTLD_GLOBAL</c> before <c>MPI_Init</c>, which
/// <see cref="NativeLibrary.Load(string)"/> does not do, so it goes through libc's <c>dlopen</c>.</para>
/// <para>Open MPI's handles are the addresses of exported globals: <c>MPI_COMM_WORLD = &amp;ompi_mpi_comm_world</c>,
/// <c>MPI_INT = &amp;ompi_mpi_int</c>, <c>MPI_MIN = &amp;ompi_mpi_op_min</c> (Open MPI 4's <c>mpi.h</c>).</para>
/// </remarks>
internal sealed unsafe class OpenMpiLibrary
{
    private const int RtldNow = 0x002;
    private const int RtldGlobal = 0x100;
    private static readonly string[] Candidates = ["libmpi.so.40", "libmpi.so"];

    private OpenMpiLibrary(IntPtr handle, string name)
    {
        Name = name;
        Init = (delegate* unmanaged<int*, byte***, int, int*, int>)NativeLibrary.GetExport(handle, "MPI_Init_thread");
        Initialized = (delegate* unmanaged<int*, int>)NativeLibrary.GetExport(handle, "MPI_Initialized");
        Shutdown = (delegate* unmanaged<int>)NativeLibrary.GetExport(handle, "MPI_Finalize");
        CommRank = (delegate* unmanaged<IntPtr, int*, int>)NativeLibrary.GetExport(handle, "MPI_Comm_rank");
        CommSize = (delegate* unmanaged<IntPtr, int*, int>)NativeLibrary.GetExport(handle, "MPI_Comm_size");
        Barrier = (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(handle, "MPI_Barrier");
        Allreduce = (delegate* unmanaged<void*, void*, int, IntPtr, IntPtr, IntPtr, int>)NativeLibrary.GetExport(handle, "MPI_Allreduce");
        CommWorld = NativeLibrary.GetExport(handle, "ompi_mpi_comm_world");
        Int = NativeLibrary.GetExport(handle, "ompi_mpi_int");
        Min = NativeLibrary.GetExport(handle, "ompi_mpi_op_min");
    }

    /// <summary>The file loaded.</summary>
    public string Name { get; }

    /// <summary><c>int MPI_Init_thread(int *argc, char ***argv, int required, int *provided)</c>.</summary>
    public delegate* unmanaged<int*, byte***, int, int*, int> Init { get; }

    /// <summary><c>int MPI_Initialized(int *flag)</c>.</summary>
    public delegate* unmanaged<int*, int> Initialized { get; }

    /// <summary><c>int MPI_Finalize(void)</c>.</summary>
    public delegate* unmanaged<int> Shutdown { get; }

    /// <summary><c>int MPI_Comm_rank(MPI_Comm, int *)</c>.</summary>
    public delegate* unmanaged<IntPtr, int*, int> CommRank { get; }

    /// <summary><c>int MPI_Comm_size(MPI_Comm, int *)</c>.</summary>
    public delegate* unmanaged<IntPtr, int*, int> CommSize { get; }

    /// <summary><c>int MPI_Barrier(MPI_Comm)</c>.</summary>
    public delegate* unmanaged<IntPtr, int> Barrier { get; }

    /// <summary><c>int MPI_Allreduce(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm)</c>.</summary>
    public delegate* unmanaged<void*, void*, int, IntPtr, IntPtr, IntPtr, int> Allreduce { get; }

    /// <summary><c>MPI_COMM_WORLD</c>.</summary>
    public IntPtr CommWorld { get; }

    /// <summary><c>MPI_INT</c>.</summary>
    public IntPtr Int { get; }

    /// <summary><c>MPI_MIN</c>.</summary>
    public IntPtr Min { get; }

    /// <summary>Loads the first candidate that opens.</summary>
    /// <exception cref="DllNotFoundException">No candidate opens; the message lists why.</exception>
    public static OpenMpiLibrary Load()
    {
        var reasons = new List<string>();
        foreach (var name in Candidates)
        {
            var handle = dlopen(name, RtldNow | RtldGlobal);
            if (handle != IntPtr.Zero)
            {
                return new OpenMpiLibrary(handle, name);
            }

            reasons.Add($"{name}: {Marshal.PtrToStringUTF8(dlerror()) ?? "not found"}");
        }

        throw new DllNotFoundException($"cannot load Open MPI's C library ({string.Join("; ", reasons)}); install it with scripts/install-mpi.sh (Debian openmpi-bin, libopenmpi-dev)");
    }

    [DllImport("libc.so.6", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern IntPtr dlopen(string file, int mode);

    [DllImport("libc.so.6")]
    private static extern IntPtr dlerror();
}
