using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Benchmarks.Providers;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Benchmarks.Series;

/// <summary>Which linear-algebra provider MathNet runs on during a benchmark.</summary>
public enum BenchmarkProvider
{
    /// <summary>MathNet's managed code.</summary>
    Managed,

    /// <summary>Intel MKL through this project's native provider.</summary>
    Mkl,
}

/// <summary>
/// Issue 2's target: derivatives of orders 1..8 on a 2000 × 1000 matrix cost under 5 % of the thin SVD itself.
/// Both sides run on the same provider; the ratio column is series / SVD.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*SeriesVersusSvd*'</c>.
/// </summary>
[Config(typeof(SeriesBenchmarkConfig))]
public class SeriesVersusSvdBenchmarks
{
    private Matrix<double> _a = null!;
    private PerturbationPath _path = null!;
    private ThinSingularValueDecomposition _svd = null!;
    private ILinearAlgebraProvider _previous = null!;

    [Params(BenchmarkProvider.Mkl, BenchmarkProvider.Managed)]
    public BenchmarkProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _previous = LinearAlgebraControl.Provider;
        if (Provider == BenchmarkProvider.Mkl)
        {
            SpectralProviders.UseMkl();
        }
        else
        {
            SpectralProviders.UseManaged();
        }

        var normal = new Normal(0, 1, new SystemRandomSource(2000));
        _a = Matrix<double>.Build.Dense(2000, 1000, (_, _) => normal.Sample());
        _path = PerturbationPath.Linear(Matrix<double>.Build.Dense(2000, 1000, (_, _) => normal.Sample()));
        _svd = ThinSingularValueDecomposition.Compute(_a);
    }

    [GlobalCleanup]
    public void Cleanup() => LinearAlgebraControl.Provider = _previous;

    [Benchmark(Baseline = true)]
    public double ThinSvd() => ThinSingularValueDecomposition.Compute(_a).SingularValues[0];

    [Benchmark]
    public double Orders1To8() => SingularValueDerivatives.Expand(_svd, _path, 1, 8).Derivative(8);
}

/// <summary>Two warm-ups and ten measured calls: the series takes tens of milliseconds, so a few percent need more samples.</summary>
public sealed class SeriesBenchmarkConfig() : MonitoringConfig(warmups: 2, iterations: 10);
