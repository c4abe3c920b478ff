using System.Buffers;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Providers.Mkl.Native;

namespace SpectralSensitivity.Benchmarks.Providers;

/// <summary>
/// The provider's cost over calling MKL's <c>dgesdd_</c> directly (workspace query, workspace allocation, call):
/// argument checks, the NaN/Inf scan, the input backup kept for the dgesvd fallback, and dispatch.
/// Target: under 5 %. Both sides copy the input first, because dgesdd destroys it. MKL runs on one thread here:
/// the overhead does not depend on threading, and single-threaded timings are far less disturbed by other work on a
/// shared machine. <see cref="ProviderAddedWork"/> times the provider's extra work alone, which stays measurable when
/// the end-to-end difference drowns in noise.
/// </summary>
[Config(typeof(OverheadBenchmarkConfig))]
public class SvdOverheadBenchmarks
{
    private SvdWorkspace _workspace = null!;
    private NativeLinearAlgebraProvider _provider = null!;

    [Params(100, 500, 1000)]
    public int N { get; set; }

    private int _threads;

    [GlobalSetup]
    public void Setup()
    {
        _workspace = new SvdWorkspace(N, N);
        _provider = SpectralProviders.GetNative(NativeBackend.Mkl);
        _threads = _provider.ThreadCount;
        _provider.ThreadCount = 1;
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.ThreadCount = _threads;

    [Benchmark(Baseline = true)]
    public unsafe double RawDgesdd()
    {
        var a = _workspace.Fresh();
        byte jobz = (byte)'A';
        int m = _workspace.Rows, n = _workspace.Columns, lda = m, ldu = m, ldvt = n, info = 0, lwork = -1;
        double query = 0;
        var iwork = (int*)NativeMemory.Alloc((nuint)(8 * Math.Min(m, n)), sizeof(int));
        try
        {
            fixed (double* pa = a, ps = _workspace.S, pu = _workspace.U, pvt = _workspace.VT)
            {
                MklBinding.Dgesdd(&jobz, &m, &n, pa, &lda, ps, pu, &ldu, pvt, &ldvt, &query, &lwork, iwork, &info, 1);
                lwork = (int)query;
                var work = (double*)NativeMemory.Alloc((nuint)lwork, sizeof(double));
                try
                {
                    MklBinding.Dgesdd(&jobz, &m, &n, pa, &lda, ps, pu, &ldu, pvt, &ldvt, work, &lwork, iwork, &info, 1);
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

        return info == 0 ? _workspace.S[0] : throw new InvalidOperationException($"dgesdd info = {info}");
    }

    [Benchmark]
    public double Provider() => _workspace.Run(_provider);

    /// <summary>The provider's own work per SVD call (NaN/Inf scan, fallback backup), without the native call.</summary>
    [Benchmark]
    public double ProviderAddedWork()
    {
        var a = _workspace.Fresh();
        var backup = NativeLinearAlgebraProvider.BeginSvd(a, a.Length);
        ArrayPool<double>.Shared.Return(backup);
        return a[0];
    }
}
