namespace SpectralSensitivity.Providers.Mkl;

/// <summary>A native BLAS/LAPACK library the provider can run on.</summary>
public enum NativeBackend
{
    /// <summary>Intel MKL through its single dynamic library <c>libmkl_rt</c> (Debian package <c>libmkl-rt</c>).</summary>
    Mkl,

    /// <summary>OpenBLAS through <c>libopenblas.so.0</c> (Debian package <c>libopenblas0-pthread</c>).</summary>
    OpenBlas,
}

/// <summary>Threading layer requested for MKL; must be chosen before MKL is first loaded.</summary>
public enum MklThreadingLayer
{
    /// <summary>GNU OpenMP (<c>libgomp.so.1</c>, loaded in-process with global symbols); falls back to <see cref="Sequential"/>.</summary>
    Gnu,

    /// <summary>Single-threaded MKL; calls from several .NET threads still run concurrently.</summary>
    Sequential,
}
