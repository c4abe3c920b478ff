using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Benchmarks.Decomposition;

/// <summary>
/// What <see cref="DecompositionRefinement.ExtendedPrecision"/> costs for a symmetric eigendecomposition: the double EVD
/// (baseline, MKL) against the same EVD refined by cyclic Jacobi sweeps in double-double, on <c>G + Gᵀ</c>, G Gaussian.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*SymmetricRefinement*'</c>.
/// </summary>
[Config(typeof(RefinementBenchmarkConfig))]
public class SymmetricRefinementBenchmarks
{
    private Matrix<double> _t = null!;
    private ILinearAlgebraProvider _previous = null!;

    [Params(25, 60, 200)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _previous = LinearAlgebraControl.Provider;
        SpectralProviders.TryUseMkl();
        var normal = new Normal(0, 1, new SystemRandomSource(8));
        var g = Matrix<double>.Build.Dense(Size, Size, (_, _) => normal.Sample());
        _t = g + g.Transpose();
    }

    [GlobalCleanup]
    public void Cleanup() => LinearAlgebraControl.Provider = _previous;

    [Benchmark(Baseline = true)]
    public double DoubleEvd() => SymmetricEigendecomposition.Compute(_t).Eigenvalues[0];

    [Benchmark]
    public double ExtendedPrecisionEvd() => SymmetricEigendecomposition.Compute(_t, DecompositionRefinement.ExtendedPrecision).Eigenvalues[0];
}
