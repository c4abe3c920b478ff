using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Benchmarks.Decomposition;

/// <summary>Base of the decomposition benchmarks on a seeded Gaussian A of the shape "m x n" with MKL as the provider (restored after).</summary>
public abstract class GaussianOnMkl
{
    private ILinearAlgebraProvider _previous = null!;

    /// <summary>"m x n", e.g. "300x200".</summary>
    public abstract string Shape { get; set; }

    /// <summary>The Gaussian A (seed 7).</summary>
    protected Matrix<double> A { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _previous = LinearAlgebraControl.Provider;
        SpectralProviders.TryUseMkl();
        var sizes = Shape.Split('x').Select(int.Parse).ToArray();
        var normal = new Normal(0, 1, new SystemRandomSource(7));
        A = Matrix<double>.Build.Dense(sizes[0], sizes[1], (_, _) => normal.Sample());
    }

    [GlobalCleanup]
    public void Cleanup() => LinearAlgebraControl.Provider = _previous;
}
