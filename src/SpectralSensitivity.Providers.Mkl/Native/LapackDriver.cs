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

    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, double alpha, double[] a, int lda,
        double[] b, int ldb, double beta, double[] c)
    {
        byte ta = transposeA ? (byte)'T' : (byte)'N', tb = transposeB ? (byte)'T' : (byte)'N';
        var ldc = Math.Max(1, m);
        fixed (double* pa = a, pb = b, pc = c)
        {
            TBinding.Dgemm(&ta, &tb, &m, &n, &k, &alpha, pa, &lda, pb, &ldb, &beta, pc, &ldc, 1, 1);
        }
    }

    public void Gemv(bool transpose, int rows, int columns, double alpha, double[] a, double[] x, double beta, double[] y)
    {
        var trans = transpose ? (byte)'T' : (byte)'N';
        int lda = Math.Max(1, rows), inc = 1;
        fixed (double* pa = a, px = x, py = y)
        {
            TBinding.Dgemv(&trans, &rows, &columns, &alpha, pa, &lda, px, &inc, &beta, py, &inc, 1);
        }
    }

    public int Gesdd(char jobz, int m, int n, double[] a, int lda, double[] s, double[]? u, int ldu, double[]? vt, int ldvt)
    {
        var job = (byte)jobz;
        int info = 0, query = -1, mn = Math.Min(m, n), mx = Math.Max(m, n);
        double optimal = 0, dummy = 0;
        var iwork = (int*)NativeMemory.Alloc((nuint)Math.Max(1, 8 * mn), sizeof(int));
        try
        {
            fixed (double* pa = a, ps = s, pu = u, pvt = vt)
            {
                double* pU = pu == null ? &dummy : pu, pVt = pvt == null ? &dummy : pvt;
                TBinding.Dgesdd(&job, &m, &n, pa, &lda, ps, pU, &ldu, pVt, &ldvt, &optimal, &query, iwork, &info, 1);
                Check("dgesdd", info);

                // Lower bound from the LAPACK documentation guards against under-reported workspace queries.
                long minimal = jobz == 'N' ? 3L * mn + Math.Max(mx, 7L * mn) : 3L * mn + Math.Max(mx, 4L * mn * mn + 4L * mn);
                var lwork = Workspace("dgesdd", optimal, minimal);
                var work = (double*)NativeMemory.Alloc((nuint)lwork, sizeof(double));
                try
                {
                    TBinding.Dgesdd(&job, &m, &n, pa, &lda, ps, pU, &ldu, pVt, &ldvt, work, &lwork, iwork, &info, 1);
                }
                finally
                {
                    NativeMemory.Free(work);
                }
            }
        }
        finally
        {
            NativeMemory.Free(iwork);
        }

        if (info < 0)
        {
            throw new NativeLinearAlgebraException("dgesdd", info);
        }

        return info;
    }

    public void Gesvd(char job, int m, int n, double[] a, double[] s, double[]? u, int ldu, double[]? vt, int ldvt)
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
            var work = (double*)NativeMemory.Alloc((nuint)lwork, sizeof(double));
            try
            {
                TBinding.Dgesvd(&j, &j, &m, &n, pa, &lda, ps, pU, &ldu, pVt, &ldvt, work, &lwork, &info, 1, 1);
            }
            finally
            {
                NativeMemory.Free(work);
            }
        }

        Check("dgesvd", info);
    }

    public void Syevd(bool computeVectors, int n, double[] a, double[] w)
    {
        byte jobz = computeVectors ? (byte)'V' : (byte)'N', uplo = (byte)'L';
        int info = 0, query = -1, lda = Math.Max(1, n), optimalIwork = 0;
        double optimal = 0;
        fixed (double* pa = a, pw = w)
        {
            TBinding.Dsyevd(&jobz, &uplo, &n, pa, &lda, pw, &optimal, &query, &optimalIwork, &query, &info, 1, 1);
            Check("dsyevd", info);
            long minimal = computeVectors ? 1L + 6L * n + 2L * n * n : 2L * n + 1;
            var lwork = Workspace("dsyevd", optimal, minimal);
            var liwork = Math.Max(optimalIwork, computeVectors ? 3 + 5 * n : 1);
            var work = (double*)NativeMemory.Alloc((nuint)lwork, sizeof(double));
            var iwork = (int*)NativeMemory.Alloc((nuint)liwork, sizeof(int));
            try
            {
                TBinding.Dsyevd(&jobz, &uplo, &n, pa, &lda, pw, work, &lwork, iwork, &liwork, &info, 1, 1);
            }
            finally
            {
                NativeMemory.Free(work);
                NativeMemory.Free(iwork);
            }
        }

        Check("dsyevd", info);
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
