using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Benchmarks.Decomposition;

/// <summary>
/// What <see cref="DecompositionRefinement.ExtendedPrecision"/> costs: the double thin SVD (baseline, MKL) against the same SVD refined
/// by one-sided Jacobi sweeps in double-double, on Gaussian matrices of the accuracy suite's shapes and larger.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*SvdRefinement*'</c>.
/// </summary>
[Config(typeof(RefinementBenchmarkConfig))]
public class SvdRefinementBenchmarks
{
    private Matrix<double> _a = null!;
    private ILinearAlgebraProvider _previous = null!;

    [Params("30x20", "100x60", "300x200")]
    public string Shape { get; set; } = "30x20";

    [GlobalSetup]
    public void Setup()
    {
        _previous = LinearAlgebraControl.Provider;
        SpectralProviders.TryUseMkl();
        var sizes = Shape.Split('x').Select(int.Parse).ToArray();
        var normal = new Normal(0, 1, new SystemRandomSource(7));
        _a = Matrix<double>.Build.Dense(sizes[0], sizes[1], (_, _) => normal.Sample());
    }

    [GlobalCleanup]
    public void Cleanup() => LinearAlgebraControl.Provider = _previous;

    [Benchmark(Baseline = true)]
    public double DoubleSvd() => ThinSingularValueDecomposition.Compute(_a).SingularValues[0];

    [Benchmark]
    public double ExtendedPrecisionSvd() => ThinSingularValueDecomposition.Compute(_a, DecompositionRefinement.ExtendedPrecision).SingularValues[0];
}
