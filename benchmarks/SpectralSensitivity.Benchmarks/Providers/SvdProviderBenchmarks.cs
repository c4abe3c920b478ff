using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Providers.Mkl;

namespace SpectralSensitivity.Benchmarks.Providers;

/// <summary>
/// Full SVD (U, S, V^T, as MathNet's <c>Svd()</c> computes it) of a random n x n matrix through each provider's
/// array-level contract. Managed is the baseline; the ratio column is the speed-up.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*Svd*'</c>.
/// </summary>
[Config(typeof(ProviderBenchmarkConfig))]
public class SvdProviderBenchmarks
{
    private SvdWorkspace _workspace = null!;

    [Params(500, 1000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _workspace = new SvdWorkspace(N, N);

    [Benchmark(Baseline = true)]
    public double Managed() => _workspace.Run(ManagedLinearAlgebraProvider.Instance);

    [Benchmark]
    public double Mkl() => _workspace.Run(SpectralProviders.GetNative(NativeBackend.Mkl));

    [Benchmark]
    public double OpenBlas() => _workspace.Run(SpectralProviders.GetNative(NativeBackend.OpenBlas));
}

/// <summary>
/// Full SVD at n = 2000 on the native backends only (the managed SVD takes tens of seconds per call there);
/// MKL is the baseline.
/// </summary>
[Config(typeof(ProviderBenchmarkConfig))]
public class SvdLargeProviderBenchmarks
{
    private SvdWorkspace _workspace = null!;

    [Params(2000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _workspace = new SvdWorkspace(N, N);

    [Benchmark(Baseline = true)]
    public double Mkl() => _workspace.Run(SpectralProviders.GetNative(NativeBackend.Mkl));

    [Benchmark]
    public double MklThin() => _workspace.RunThin(SpectralProviders.GetNative(NativeBackend.Mkl));

    [Benchmark]
    public double OpenBlas() => _workspace.Run(SpectralProviders.GetNative(NativeBackend.OpenBlas));
}

/// <summary>Input and output buffers of one SVD; the input is copied before every call because LAPACK destroys it.</summary>
internal sealed class SvdWorkspace(int rows, int columns)
{
    private readonly double[] _source = Matrix<double>.Build.Random(rows, columns, 20261122).ToColumnMajorArray();
    private readonly double[] _a = new double[rows * columns];
    private readonly double[] _s = new double[Math.Min(rows, columns)];
    private readonly double[] _u = new double[rows * rows];
    private readonly double[] _vt = new double[columns * columns];
    private readonly double[] _uThin = new double[rows * Math.Min(rows, columns)];
    private readonly double[] _vtThin = new double[Math.Min(rows, columns) * columns];

    internal int Rows => rows;

    internal int Columns => columns;

    internal double[] Fresh()
    {
        Array.Copy(_source, _a, _a.Length);
        return _a;
    }

    internal double[] S => _s;

    internal double[] U => _u;

    internal double[] VT => _vt;

    internal double Run(ILinearAlgebraProvider<double> provider)
    {
        provider.SingularValueDecomposition(true, Fresh(), rows, columns, _s, _u, _vt);
        return _s[0];
    }

    internal double RunThin(NativeLinearAlgebraProvider provider)
    {
        provider.ThinSingularValueDecomposition(Fresh(), rows, columns, _s, _uThin, _vtThin);
        return _s[0];
    }
}
