using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Benchmarks.Series;

/// <summary>
/// The cost of a cluster: the mean of a cluster of g exactly repeated singular values (g = 2, 3, 5; the block recursion,
/// orders 1..8) against the simple expansion of a simple value (orders 1..8), both from the same thin SVD of a 2000 × 1000
/// matrix on MKL. The ratio column is cluster / simple; the target is at most g + 1.
/// The decomposition is the thin SVD of a Gaussian matrix with <c>s_10 … s_{9+g}</c> set to <c>s_10</c>: the exact SVD of
/// <c>U diag(s′) Vᵀ</c>, a matrix with an exact cluster of g members in the middle of the spectrum.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*ClusterVersusSimple*'</c>.
/// </summary>
[Config(typeof(SeriesBenchmarkConfig))]
public class ClusterVersusSimpleBenchmarks
{
    /// <summary>The first member of the cluster (1-based).</summary>
    private const int First = 10;

    /// <summary>The simple value expanded for comparison, outside the cluster.</summary>
    private const int Simple = 20;

    private PerturbationPath _path = null!;
    private ThinSingularValueDecomposition _svd = null!;
    private ILinearAlgebraProvider _previous = null!;

    [Params(2, 3, 5)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _previous = LinearAlgebraControl.Provider;
        SpectralProviders.UseMkl();
        var normal = new Normal(0, 1, new SystemRandomSource(2000));
        var a = Matrix<double>.Build.Dense(2000, 1000, (_, _) => normal.Sample());
        _path = PerturbationPath.Linear(Matrix<double>.Build.Dense(2000, 1000, (_, _) => normal.Sample()));
        var svd = ThinSingularValueDecomposition.Compute(a);
        var values = svd.SingularValues;
        for (var c = 1; c < Members; c++)
        {
            values[First - 1 + c] = values[First - 1];                              // s_10 = … = s_{9+g}: descending still
        }

        _svd = ThinSingularValueDecomposition.FromFactors(svd.LeftVectors, values, svd.RightVectors);
        var cluster = _svd.Cluster(First);
        if (cluster.Count != Members || cluster.Contains(Simple))
        {
            throw new InvalidOperationException($"expected a cluster of {Members} at {First}; got {cluster}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => LinearAlgebraControl.Provider = _previous;

    [Benchmark(Baseline = true)]
    public double SimpleOrders1To8() => SingularValueDerivatives.Expand(_svd, _path, Simple, 8).Derivative(8);

    [Benchmark]
    public double ClusterMeanOrders1To8() => SingularValueDerivatives.ClusterMean(_svd, _path, First, 8).Derivative(8);
}
