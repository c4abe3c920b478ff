using System.Runtime.InteropServices;

namespace SpectralSensitivity.Providers.Mkl.Native;

/// <summary>Source-generated P/Invoke into OpenBLAS (<c>libopenblas.so.0</c>), which exports the same Fortran symbols as MKL; the logical name is mapped to the loaded handle by <see cref="Loading.NativeLibraryLoader"/>.</summary>
internal sealed unsafe partial class OpenBlasBinding : ILapackBinding
{
    private OpenBlasBinding()
    {
    }

    internal const string Library = "spectral-openblas";

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

    /// <summary>Sets the number of threads OpenBLAS uses.</summary>
    [LibraryImport(Library, EntryPoint = "openblas_set_num_threads")]
    public static partial void SetNumThreads(int threads);

    /// <summary>Number of threads OpenBLAS uses.</summary>
    [LibraryImport(Library, EntryPoint = "openblas_get_num_threads")]
    public static partial int GetNumThreads();

    /// <summary>OpenBLAS build configuration (static NUL-terminated string, e.g. <c>OpenBLAS 0.3.21 DYNAMIC_ARCH ...</c>).</summary>
    [LibraryImport(Library, EntryPoint = "openblas_get_config")]
    public static partial byte* GetConfig();
}
