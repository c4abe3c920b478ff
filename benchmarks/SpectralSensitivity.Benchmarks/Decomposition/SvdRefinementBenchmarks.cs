using BenchmarkDotNet.Attributes;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Benchmarks.Decomposition;

/// <summary>
/// What <see cref="DecompositionRefinement.ExtendedPrecision"/> costs: the double thin SVD (baseline, MKL) against the same SVD refined
/// by one-sided Jacobi sweeps in double-double, on Gaussian matrices of the accuracy suite's shapes and larger.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*SvdRefinement*'</c>.
/// </summary>
[Config(typeof(RefinementBenchmarkConfig))]
public class SvdRefinementBenchmarks : GaussianOnMkl
{
    [Params("30x20", "100x60", "300x200")]
    public override string Shape { get; set; } = "30x20";

    [Benchmark(Baseline = true)]
    public double DoubleSvd() => ThinSingularValueDecomposition.Compute(A).SingularValues[0];

    [Benchmark]
    public double ExtendedPrecisionSvd() => ThinSingularValueDecomposition.Compute(A, DecompositionRefinement.ExtendedPrecision).SingularValues[0];
}
