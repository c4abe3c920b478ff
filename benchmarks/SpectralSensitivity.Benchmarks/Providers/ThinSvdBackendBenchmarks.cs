using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Benchmarks.Providers;

/// <summary>
/// <see cref="ThinSingularValueDecomposition.Compute(Matrix{double}, SpectralTolerances)"/> before and after the backend
/// seam, on the same native library: <see cref="MathNetPath"/> (the baseline) runs the managed backend over MathNet with
/// the native provider installed (thin QR, square SVD of R with full U and Vᵀ, then <c>Q U_R</c>: what the library did
/// before); <see cref="NativeSeam"/> runs the native backend (one <c>dgesdd</c> call with <c>jobz = 'S'</c>). The library
/// runs on one thread (<see cref="Parallelism.Sequential"/>, applied through the seam): on a shared machine single-threaded
/// timings are far less disturbed by other work, and both paths do the same LAPACK work per thread.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*ThinSvdBackend*'</c>.
/// </summary>
[Config(typeof(SeamBenchmarkConfig))]
public class ThinSvdBackendBenchmarks
{
    private Matrix<double> _a = null!;
    private NativeLinearAlgebraProvider _native = null!;
    private ILinearAlgebraProvider _previousProvider = null!;
    private IDecompositionBackend _previousBackend = null!;
    private Parallelism _previousParallelism = null!;

    /// <summary>m x n of the Gaussian test matrix.</summary>
    [Params("300x200", "1000x1000", "2000x1000")]
    public string Shape { get; set; } = "";

    /// <summary>The native library both paths run on.</summary>
    [Params(NativeBackend.Mkl, NativeBackend.OpenBlas)]
    public NativeBackend Library { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _previousProvider = LinearAlgebraControl.Provider;
        _previousBackend = DecompositionBackends.Current;
        _previousParallelism = SpectralParallelism.Current;
        _native = SpectralProviders.GetNative(Library);
        LinearAlgebraControl.Provider = _native;
        DecompositionBackends.Use(_native.DecompositionBackend);
        SpectralParallelism.Current = Parallelism.Sequential;                // one native thread, through the backend seam
        var size = Shape.Split('x').Select(int.Parse).ToArray();
        var normal = new Normal(0, 1, new SystemRandomSource(300));
        _a = Matrix<double>.Build.Dense(size[0], size[1], (_, _) => normal.Sample());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SpectralParallelism.Current = _previousParallelism;
        LinearAlgebraControl.Provider = _previousProvider;
        DecompositionBackends.Use(_previousBackend);
    }

    /// <summary>Before: MathNet's QR + square SVD + product, each on the native provider.</summary>
    [Benchmark(Baseline = true)]
    public double MathNetPath()
    {
        DecompositionBackends.UseManaged();
        return ThinSingularValueDecomposition.Compute(_a).SingularValue(1);
    }

    /// <summary>After: the native backend's thin dgesdd.</summary>
    [Benchmark]
    public double NativeSeam()
    {
        DecompositionBackends.Use(_native.DecompositionBackend);
        return ThinSingularValueDecomposition.Compute(_a).SingularValue(1);
    }
}

/// <summary>Two warm-ups and fifteen measured calls per case, in-process (both paths in one run, so the ratio is the figure).</summary>
public sealed class SeamBenchmarkConfig() : MonitoringConfig(warmups: 2, iterations: 15);
