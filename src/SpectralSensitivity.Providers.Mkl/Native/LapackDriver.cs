using System.Runtime.InteropServices;
using SpectralSensitivity.Providers.Mkl.Errors;

namespace SpectralSensitivity.Providers.Mkl.Native;

/// <summary>
/// <see cref="ILapackDriver"/> over one backend's bindings; the static abstract calls are bound at JIT time,
/// so there is no dispatch cost per native call. Workspaces live in unmanaged memory (no GC pressure, no zeroing).
/// </summary>
internal sealed unsafe class LapackDriver<TBinding> : ILapackDriver
    where TBinding : ILapackBinding
{
    /// <summary>The single instance per backend.</summary>
    internal static readonly LapackDriver<TBinding> Instance = new();

    private LapackDriver()
    {
    }

    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c)
    {
        byte ta = transposeA ? (byte)'T' : (byte)'N', tb = transposeB ? (byte)'T' : (byte)'N';
        var ldc = Math.Max(1, m);
        fixed (double* pa = a, pb = b, pc = c)
        {
            TBinding.Dgemm(&ta, &tb, &m, &n, &k, &alpha, pa, &lda, pb, &ldb, &beta, pc, &ldc, 1, 1);
        }
    }

    public void Gemv(bool transpose, int rows, int columns, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        var trans = transpose ? (byte)'T' : (byte)'N';
        int lda = Math.Max(1, rows), inc = 1;
        fixed (double* pa = a, px = x, py = y)
        {
            TBinding.Dgemv(&trans, &rows, &columns, &alpha, pa, &lda, px, &inc, &beta, py, &inc, 1);
        }
    }

    public int Gesdd(char jobz, int m, int n, Span<double> a, int lda, Span<double> s, Span<double> u, int ldu, Span<double> vt, int ldvt)
    {
        var job = (byte)jobz;
        int info = 0, query = -1, mn = Math.Min(m, n), mx = Math.Max(m, n);
        double optimal = 0, dummy = 0;
        using var iwork = new NativeBuffer<int>(Math.Max(1, 8L * mn));
        fixed (double* pa = a, ps = s, pu = u, pvt = vt)
        {
            double* pU = pu == null ? &dummy : pu, pVt = pvt == null ? &dummy : pvt;
            TBinding.Dgesdd(&job, &m, &n, pa, &lda, ps, pU, &ldu, pVt, &ldvt, &optimal, &query, iwork.Pointer, &info, 1);
            Check("dgesdd", info);

            // Lower bound from the LAPACK documentation guards against under-reported workspace queries.
            long minimal = jobz == 'N' ? 3L * mn + Math.Max(mx, 7L * mn) : 3L * mn + Math.Max(mx, 4L * mn * mn + 4L * mn);
            var lwork = Workspace("dgesdd", optimal, minimal);
            using var work = new NativeBuffer<double>(lwork);
            TBinding.Dgesdd(&job, &m, &n, pa, &lda, ps, pU, &ldu, pVt, &ldvt, work.Pointer, &lwork, iwork.Pointer, &info, 1);
        }

        if (info < 0)
        {
            throw new NativeLinearAlgebraException("dgesdd", info);
        }

        return info;
    }

    public void Gesvd(char job, int m, int n, Span<double> a, Span<double> s, Span<double> u, int ldu, Span<double> vt, int ldvt)
    {
        var j = (byte)job;
        int info = 0, query = -1, lda = Math.Max(1, m), mn = Math.Min(m, n), mx = Math.Max(m, n);
        double optimal = 0, dummy = 0;
        fixed (double* pa = a, ps = s, pu = u, pvt = vt)
        {
            double* pU = pu == null ? &dummy : pu, pVt = pvt == null ? &dummy : pvt;
            TBinding.Dgesvd(&j, &j, &m, &n, pa, &lda, ps, pU, &ldu, pVt, &ldvt, &optimal, &query, &info, 1, 1);
            Check("dgesvd", info);
            var lwork = Workspace("dgesvd", optimal, Math.Max(3L * mn + mx, 5L * mn));
            using var work = new NativeBuffer<double>(lwork);
            TBinding.Dgesvd(&j, &j, &m, &n, pa, &lda, ps, pU, &ldu, pVt, &ldvt, work.Pointer, &lwork, &info, 1, 1);
        }

        Check("dgesvd", info);
    }

    public void Syevd(bool computeVectors, int n, Span<double> a, Span<double> w)
    {
        byte jobz = computeVectors ? (byte)'V' : (byte)'N', uplo = (byte)'L';
        int info = 0, query = -1, lda = Math.Max(1, n), optimalIwork = 0;
        double optimal = 0;
        fixed (double* pa = a, pw = w)
        {
            TBinding.Dsyevd(&jobz, &uplo, &n, pa, &lda, pw, &optimal, &query, &optimalIwork, &query, &info, 1, 1);
            Check("dsyevd", info);
            var lwork = Workspace("dsyevd", optimal, computeVectors ? 1L + 6L * n + 2L * n * n : 2L * n + 1);
            var liwork = Math.Max(optimalIwork, computeVectors ? 3 + 5 * n : 1);
            using var work = new NativeBuffer<double>(lwork);
            using var iwork = new NativeBuffer<int>(liwork);
            TBinding.Dsyevd(&jobz, &uplo, &n, pa, &lda, pw, work.Pointer, &lwork, iwork.Pointer, &liwork, &info, 1, 1);
        }

        Check("dsyevd", info);
    }

    public void Geqrf(int m, int n, double[] a, double[] tau)
    {
        int info = 0, query = -1, lda = Math.Max(1, m);
        double optimal = 0;
        fixed (double* pa = a, pt = tau)
        {
            TBinding.Dgeqrf(&m, &n, pa, &lda, pt, &optimal, &query, &info);
            Check("dgeqrf", info);
            var lwork = Workspace("dgeqrf", optimal, Math.Max(1, n));
            using var work = new NativeBuffer<double>(lwork);
            TBinding.Dgeqrf(&m, &n, pa, &lda, pt, work.Pointer, &lwork, &info);
        }

        Check("dgeqrf", info);
    }

    public void Orgqr(int m, int n, int k, double[] a, double[] tau)
    {
        int info = 0, query = -1, lda = Math.Max(1, m);
        double optimal = 0;
        fixed (double* pa = a, pt = tau)
        {
            TBinding.Dorgqr(&m, &n, &k, pa, &lda, pt, &optimal, &query, &info);
            Check("dorgqr", info);
            var lwork = Workspace("dorgqr", optimal, Math.Max(1, n));
            using var work = new NativeBuffer<double>(lwork);
            TBinding.Dorgqr(&m, &n, &k, pa, &lda, pt, work.Pointer, &lwork, &info);
        }

        Check("dorgqr", info);
    }

    private static void Check(string routine, int info)
    {
        if (info != 0)
        {
            throw new NativeLinearAlgebraException(routine, info);
        }
    }

    /// <summary>Workspace length: the queried optimum, at least the documented minimum, within 32-bit LAPACK limits.</summary>
    private static int Workspace(string routine, double queried, long minimal)
    {
        var size = Math.Max((long)Math.Ceiling(queried), Math.Max(1, minimal));
        if (size > int.MaxValue)
        {
            throw new ArgumentException(
                $"{routine}: the workspace ({size} elements) exceeds the 32-bit (LP64) LAPACK interface; the matrix is too large.");
        }

        return (int)size;
    }
}

/// <summary>An uninitialised unmanaged buffer freed on <see cref="Dispose"/> (LAPACK workspaces).</summary>
internal readonly unsafe ref struct NativeBuffer<T>
    where T : unmanaged
{
    /// <summary>Allocates <paramref name="count"/> elements (at least one).</summary>
    internal NativeBuffer(long count)
    {
        Pointer = (T*)NativeMemory.Alloc((nuint)Math.Max(1, count), (nuint)sizeof(T));
    }

    /// <summary>Start of the buffer.</summary>
    internal T* Pointer { get; }

    /// <summary>Frees the buffer.</summary>
    public void Dispose() => NativeMemory.Free(Pointer);
}
