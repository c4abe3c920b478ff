using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Decomposition;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Benchmarks.Hessian;

/// <summary>
/// The Hessian-vector product on a 2000 × 1000 matrix against computing <c>E v_k</c> and <c>Eᵀ u_k</c> (the first-order
/// work every product needs). Issue 3 target: within 4x. The thin factors are random orthonormal matrices (thin QR of
/// Gaussian matrices) with distinct singular values 1000, 999, …, 1: the product's cost does not depend on where the
/// factors came from, and this avoids a multi-second managed SVD in the setup.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class HessianVectorProductBenchmarks
{
    private const int Rows = 2000;
    private const int Columns = 1000;
    private const int Index = 10;
    private Matrix<double> _direction = null!;
    private Vector<double> _left = null!;
    private Vector<double> _right = null!;
    private Vector<double> _directionTimesRight = null!;
    private Vector<double> _directionTransposeTimesLeft = null!;
    private HessianVectorProduct _product = null!;
    private double[] _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20251122);
        var normal = new Normal(0, 1, random);
        var u = DenseMatrix.CreateRandom(Rows, Columns, normal).QR(QRMethod.Thin).Q;
        var v = DenseMatrix.CreateRandom(Columns, Columns, normal).QR(QRMethod.Thin).Q;
        var s = Vector<double>.Build.Dense(Columns, i => Columns - i);
        var svd = ThinSingularValueDecomposition.FromFactors(u, s, v);
        _direction = DenseMatrix.CreateRandom(Rows, Columns, normal);
        _left = u.Column(Index - 1);
        _right = v.Column(Index - 1);
        _directionTimesRight = Vector<double>.Build.Dense(Rows);
        _directionTransposeTimesLeft = Vector<double>.Build.Dense(Columns);
        _product = HessianVectorProduct.At(svd, Index);
        _result = new double[Rows * Columns];
    }

    [Benchmark(Baseline = true, Description = "E v_k and E^T u_k (MathNet)")]
    public Vector<double> FirstOrderProducts()
    {
        _direction.Multiply(_right, _directionTimesRight);
        _direction.TransposeThisAndMultiply(_left, _directionTransposeTimesLeft);
        return _directionTransposeTimesLeft;
    }

    /// <summary>The same two products in one SIMD pass over E (the first step of the product itself): the tightest floor.</summary>
    [Benchmark(Description = "E v_k and E^T u_k (one fused SIMD pass)")]
    public Vector<double> FirstOrderProductsFused()
    {
        var e = ((DenseMatrix)_direction).Values;
        var ev = ((DenseVector)_directionTimesRight).Values;
        var etu = ((DenseVector)_directionTransposeTimesLeft).Values;
        var u = ((DenseVector)_left).Values;
        var v = ((DenseVector)_right).Values;
        Array.Clear(ev);
        for (var j = 0; j < Columns; j++)
        {
            var column = e.AsSpan(j * Rows, Rows);
            ColumnKernels.Axpy(v[j], column, ev);
            etu[j] = ColumnKernels.Dot(column, u);
        }

        return _directionTransposeTimesLeft;
    }

    [Benchmark(Description = "HessianVectorProduct.Apply, preallocated")]
    public double[] ProductPreallocated()
    {
        _product.Apply(_direction, _result);
        return _result;
    }

    [Benchmark(Description = "HessianVectorProduct.Apply (allocates)")]
    public Matrix<double> ProductAllocating() => _product.Apply(_direction);
}
