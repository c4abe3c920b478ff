using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.Providers.Mkl;
using SpectralSensitivity.Providers.Mkl.Native;

namespace SpectralSensitivity.Benchmarks.MatrixFree;

/// <summary>
/// <c>A x</c> and <c>Aᵀ y</c> for a dense matrix, side by side in one run: <see cref="DenseMatrixOperator"/> (the tile
/// kernels) against its previous kernels (<see cref="LegacyDenseProducts"/>, the baseline), MathNet's managed dense
/// product, and OpenBLAS's and MKL's <c>dgemv</c> called directly (no input scan, their own threads). 4000 × 4000 (the dense
/// acceptance size, 128 MB) and a tall 100,000 × 300 (240 MB). In-process, so no build happens while it runs.
/// </summary>
[Config(typeof(DenseProductBenchmarkConfig))]
public class DenseProductBenchmarks
{
    private double[] _a = null!;
    private DenseMatrix _mathNet = null!;
    private DenseMatrixOperator _operator = null!;
    private Vector<double> _x = null!;
    private Vector<double> _y = null!;
    private Vector<double> _ax = null!;
    private Vector<double> _aty = null!;
    private double[] _xArray = null!;
    private double[] _yArray = null!;
    private double[] _axArray = null!;
    private double[] _atyArray = null!;
    private int _m;
    private int _n;

    /// <summary>"rows x columns".</summary>
    [Params("4000x4000", "100000x300")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x').Select(int.Parse).ToArray();
        (_m, _n) = (parts[0], parts[1]);
        var random = new Random(20261129);
        _a = new double[_m * _n];
        for (var i = 0; i < _a.Length; i++)
        {
            _a[i] = random.NextDouble() - 0.5;
        }

        _mathNet = new DenseMatrix(_m, _n, _a);
        _operator = new DenseMatrixOperator(_mathNet);
        _xArray = Enumerable.Range(0, _n).Select(_ => random.NextDouble() - 0.5).ToArray();
        _yArray = Enumerable.Range(0, _m).Select(_ => random.NextDouble() - 0.5).ToArray();
        (_x, _y) = (Vector<double>.Build.DenseOfArray(_xArray), Vector<double>.Build.DenseOfArray(_yArray));
        (_ax, _aty) = (Vector<double>.Build.Dense(_m), Vector<double>.Build.Dense(_n));
        (_axArray, _atyArray) = (new double[_m], new double[_n]);
        SpectralProviders.GetNative(NativeBackend.OpenBlas);                 // loads libopenblas and libmkl_rt for the raw dgemv calls
        SpectralProviders.GetNative(NativeBackend.Mkl);
        LinearAlgebraControl.UseManaged();
    }

    [Benchmark(Baseline = true, Description = "previous kernel A x")]
    [BenchmarkCategory("A x")]
    public void LegacyMultiply() => LegacyDenseProducts.Multiply(_a, _m, _n, _xArray, _axArray);

    [Benchmark(Description = "DenseMatrixOperator A x")]
    [BenchmarkCategory("A x")]
    public void TileMultiply() => _operator.Multiply(_xArray, _axArray);

    [Benchmark(Description = "MathNet managed A x")]
    [BenchmarkCategory("A x")]
    public void MathNetMultiply() => _mathNet.Multiply(_x, _ax);

    [Benchmark(Description = "OpenBLAS dgemv A x")]
    [BenchmarkCategory("A x")]
    public void OpenBlasMultiply() => Gemv<OpenBlasBinding>((byte)'N', _xArray, _axArray);

    [Benchmark(Description = "MKL dgemv A x")]
    [BenchmarkCategory("A x")]
    public void MklMultiply() => Gemv<MklBinding>((byte)'N', _xArray, _axArray);

    [Benchmark(Baseline = true, Description = "previous kernel A^T y")]
    [BenchmarkCategory("A^T y")]
    public void LegacyTransposeMultiply() => LegacyDenseProducts.TransposeMultiply(_a, _m, _n, _yArray, _atyArray);

    [Benchmark(Description = "DenseMatrixOperator A^T y")]
    [BenchmarkCategory("A^T y")]
    public void TileTransposeMultiply() => _operator.TransposeMultiply(_yArray, _atyArray);

    [Benchmark(Description = "MathNet managed A^T y")]
    [BenchmarkCategory("A^T y")]
    public void MathNetTransposeMultiply() => _mathNet.TransposeThisAndMultiply(_y, _aty);

    [Benchmark(Description = "OpenBLAS dgemv A^T y")]
    [BenchmarkCategory("A^T y")]
    public void OpenBlasTransposeMultiply() => Gemv<OpenBlasBinding>((byte)'T', _yArray, _atyArray);

    [Benchmark(Description = "MKL dgemv A^T y")]
    [BenchmarkCategory("A^T y")]
    public void MklTransposeMultiply() => Gemv<MklBinding>((byte)'T', _yArray, _atyArray);

    /// <summary><c>destination ← op(A) source</c> by <c>dgemv_</c>, straight through the binding.</summary>
    private unsafe void Gemv<TBinding>(byte transpose, double[] source, double[] destination)
        where TBinding : ILapackBinding
    {
        int m = _m, n = _n, one = 1;
        double alpha = 1, beta = 0;
        fixed (double* a = _a, x = source, y = destination)
        {
            TBinding.Dgemv(&transpose, &m, &n, &alpha, a, &m, x, &one, &beta, y, &one, 1);
        }
    }
}
