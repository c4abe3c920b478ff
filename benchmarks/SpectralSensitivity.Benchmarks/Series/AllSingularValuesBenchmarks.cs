using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Benchmarks.Providers;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Spectrum;

namespace SpectralSensitivity.Benchmarks.Series;

/// <summary>
/// All 1000 singular values of a 2000 × 1000 matrix, orders 1..8, in singular coordinates, against the thin SVD on MKL
/// (target: at most 2x the SVD) and the per-k recursion on a subset of 20 indices (1, 51, 101, …, 951; scale by 50 for
/// all 1000). Ratios are to the SVD.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*AllSingularValues*'</c>.
/// </summary>
[Config(typeof(ProviderBenchmarkConfig))]
public class AllSingularValuesBenchmarks
{
    /// <summary>The indices the per-k path times: every 50th of 1000.</summary>
    public static readonly int[] Subset = Enumerable.Range(0, 20).Select(i => 1 + 50 * i).ToArray();

    private Matrix<double> _a = null!;
    private PerturbationPath _path = null!;
    private ThinSingularValueDecomposition _svd = null!;
    private ILinearAlgebraProvider _previous = null!;

    [GlobalSetup]
    public void Setup()
    {
        _previous = LinearAlgebraControl.Provider;
        SpectralProviders.UseMkl();
        var normal = new Normal(0, 1, new SystemRandomSource(2000));
        _a = Matrix<double>.Build.Dense(2000, 1000, (_, _) => normal.Sample());
        _path = PerturbationPath.Linear(Matrix<double>.Build.Dense(2000, 1000, (_, _) => normal.Sample()));
        _svd = ThinSingularValueDecomposition.Compute(_a);
    }

    [GlobalCleanup]
    public void Cleanup() => LinearAlgebraControl.Provider = _previous;

    [Benchmark(Baseline = true)]
    public double ThinSvd() => ThinSingularValueDecomposition.Compute(_a).SingularValue(1);

    [Benchmark]
    public double AllValuesOrders1To8() => SpectrumDerivatives.OfSingularValues(_svd, _path, 8).Expansions[^1].Derivative(8);

    [Benchmark]
    public double PerKOrders1To8For20Values() => Subset.Sum(k => SingularValueDerivatives.Expand(_svd, _path, k, 8).Derivative(8));
}
