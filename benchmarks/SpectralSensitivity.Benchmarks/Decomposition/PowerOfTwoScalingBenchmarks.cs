using BenchmarkDotNet.Attributes;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Benchmarks.Decomposition;

/// <summary>
/// What scaling every matrix by the power of two of its largest entry costs beside the thin SVD it precedes (MKL, the fastest
/// backend, so the largest share): the SVD (baseline), the scaled copy the pipeline makes (largest entry, then copy and scale in
/// one pass) and the plain copy that was made before for a matrix left unscaled.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*PowerOfTwoScaling*'</c>.
/// </summary>
[Config(typeof(RefinementBenchmarkConfig))]
public class PowerOfTwoScalingBenchmarks : GaussianOnMkl
{
    [Params("300x200", "1000x600", "2000x1000")]
    public override string Shape { get; set; } = "300x200";

    [Benchmark(Baseline = true)]
    public double ThinSvd() => ThinSingularValueDecomposition.Compute(A).SingularValues[0];

    [Benchmark]
    public double ScaledCopy() => PowerOfTwoScaling.ScaledArray(A, PowerOfTwoScaling.ExponentFor(A), false)[0];

    [Benchmark]
    public double PlainCopy() => ((double[])ColumnKernels.Storage(A).Clone())[0];
}
