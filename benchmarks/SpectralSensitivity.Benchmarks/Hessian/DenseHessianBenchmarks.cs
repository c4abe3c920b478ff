using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Benchmarks.Hessian;

/// <summary>
/// The dense 64 × 64 Hessian (4096 × 4096, 128 MiB) against the time to write an array of the same size: the fill is
/// memory-bound, so writing the array is the floor. Issue 3 target: within 3x. The peer (PyTorch autograd) is timed by
/// scripts/bench-torch-hessian.py.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class DenseHessianBenchmarks
{
    private const int Size = 64;
    private ThinSingularValueDecomposition _svd = null!;
    private double[] _buffer = null!;

    /// <summary>1-based k: the largest and a middle singular value (the fill does not depend on k; the check that it does not).</summary>
    [Params(1, 32)]
    public int Index { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var a = DenseMatrix.CreateRandom(Size, Size, new Normal(0, 1, new Random(20251122)));
        _svd = ThinSingularValueDecomposition.Compute(a);
        _buffer = new double[Size * Size * Size * Size];
    }

    [Benchmark(Baseline = true, Description = "Array.Fill, preallocated (floor)")]
    public double[] FillPreallocated()
    {
        Array.Fill(_buffer, 1.0);
        return _buffer;
    }

    [Benchmark(Description = "allocate + Array.Fill")]
    public double[] AllocateAndFill()
    {
        var array = GC.AllocateUninitializedArray<double>(Size * Size * Size * Size);
        Array.Fill(array, 1.0);
        return array;
    }

    [Benchmark(Description = "SingularValueHessian.Fill, preallocated")]
    public double[] HessianPreallocated()
    {
        SingularValueHessian.Fill(_svd, Index, _buffer);
        return _buffer;
    }

    [Benchmark(Description = "SingularValueHessian.Compute (allocates)")]
    public Matrix<double> HessianAllocating() => SingularValueHessian.Compute(_svd, Index);
}
