using System.Runtime.InteropServices;

namespace SpectralSensitivity.Providers.Mkl.Native;

/// <summary>Source-generated P/Invoke into Intel MKL's single dynamic library (<c>libmkl_rt</c>); the logical name is mapped to the loaded handle by <see cref="Loading.NativeLibraryLoader"/>.</summary>
internal sealed unsafe partial class MklBinding : ILapackBinding
{
    private MklBinding()
    {
    }

    internal const string Library = "spectral-mkl-rt";

    public static string LibraryName => Library;

    [LibraryImport(Library, EntryPoint = "dgemm_")]
    public static partial void Dgemm(byte* transa, byte* transb, int* m, int* n, int* k, double* alpha, double* a, int* lda,
        double* b, int* ldb, double* beta, double* c, int* ldc, nuint transaLength, nuint transbLength);

    [LibraryImport(Library, EntryPoint = "dgemv_")]
    public static partial void Dgemv(byte* trans, int* m, int* n, double* alpha, double* a, int* lda, double* x, int* incx,
        double* beta, double* y, int* incy, nuint transLength);

    [LibraryImport(Library, EntryPoint = "dgesdd_")]
    public static partial void Dgesdd(byte* jobz, int* m, int* n, double* a, int* lda, double* s, double* u, int* ldu,
        double* vt, int* ldvt, double* work, int* lwork, int* iwork, int* info, nuint jobzLength);

    [LibraryImport(Library, EntryPoint = "dgesvd_")]
    public static partial void Dgesvd(byte* jobu, byte* jobvt, int* m, int* n, double* a, int* lda, double* s, double* u,
        int* ldu, double* vt, int* ldvt, double* work, int* lwork, int* info, nuint jobuLength, nuint jobvtLength);

    [LibraryImport(Library, EntryPoint = "dsyevd_")]
    public static partial void Dsyevd(byte* jobz, byte* uplo, int* n, double* a, int* lda, double* w, double* work,
        int* lwork, int* iwork, int* liwork, int* info, nuint jobzLength, nuint uploLength);

    [LibraryImport(Library, EntryPoint = "dgeqrf_")]
    public static partial void Dgeqrf(int* m, int* n, double* a, int* lda, double* tau, double* work, int* lwork, int* info);

    [LibraryImport(Library, EntryPoint = "dorgqr_")]
    public static partial void Dorgqr(int* m, int* n, int* k, double* a, int* lda, double* tau, double* work, int* lwork, int* info);

    /// <summary>Sets the number of threads MKL uses (all domains).</summary>
    [LibraryImport(Library, EntryPoint = "MKL_Set_Num_Threads")]
    public static partial void SetNumThreads(int threads);

    /// <summary>Maximum number of threads MKL will use.</summary>
    [LibraryImport(Library, EntryPoint = "MKL_Get_Max_Threads")]
    public static partial int GetMaxThreads();

    /// <summary>Writes MKL's version string (NUL-padded) into <paramref name="buffer"/>.</summary>
    [LibraryImport(Library, EntryPoint = "mkl_get_version_string")]
    public static partial void GetVersionString(byte* buffer, int length);

    /// <summary>Releases MKL's internal memory buffers.</summary>
    [LibraryImport(Library, EntryPoint = "mkl_free_buffers")]
    public static partial void FreeBuffers();
}
