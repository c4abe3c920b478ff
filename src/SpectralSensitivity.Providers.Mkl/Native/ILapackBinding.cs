namespace SpectralSensitivity.Providers.Mkl.Native;

/// <summary>
/// The Fortran BLAS/LAPACK entry points used by the provider, declared once as static abstract members
/// so that <see cref="LapackDriver{TBinding}"/> is written once and specialised (no virtual dispatch)
/// for each backend's source-generated P/Invoke class.
/// </summary>
/// <remarks>
/// Fortran calling convention: every argument by reference, column-major storage, 32-bit (LP64) integers,
/// and one trailing hidden length argument per CHARACTER argument (gfortran ABI; ignored by MKL).
/// </remarks>
internal unsafe interface ILapackBinding
{
    /// <summary>Logical library name used in the backend's <c>LibraryImport</c> attributes.</summary>
    static abstract string LibraryName { get; }

    static abstract void Dgemm(byte* transa, byte* transb, int* m, int* n, int* k, double* alpha, double* a, int* lda,
        double* b, int* ldb, double* beta, double* c, int* ldc, nuint transaLength, nuint transbLength);

    static abstract void Dgemv(byte* trans, int* m, int* n, double* alpha, double* a, int* lda, double* x, int* incx,
        double* beta, double* y, int* incy, nuint transLength);

    static abstract void Dgesdd(byte* jobz, int* m, int* n, double* a, int* lda, double* s, double* u, int* ldu,
        double* vt, int* ldvt, double* work, int* lwork, int* iwork, int* info, nuint jobzLength);

    static abstract void Dgesvd(byte* jobu, byte* jobvt, int* m, int* n, double* a, int* lda, double* s, double* u,
        int* ldu, double* vt, int* ldvt, double* work, int* lwork, int* info, nuint jobuLength, nuint jobvtLength);

    static abstract void Dsyevd(byte* jobz, byte* uplo, int* n, double* a, int* lda, double* w, double* work,
        int* lwork, int* iwork, int* liwork, int* info, nuint jobzLength, nuint uploLength);

    static abstract void Dgeqrf(int* m, int* n, double* a, int* lda, double* tau, double* work, int* lwork, int* info);

    static abstract void Dorgqr(int* m, int* n, int* k, double* a, int* lda, double* tau, double* work, int* lwork, int* info);
}
