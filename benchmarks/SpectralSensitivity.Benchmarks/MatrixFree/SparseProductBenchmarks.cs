using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.MatrixFree;

namespace SpectralSensitivity.Benchmarks.MatrixFree;

/// <summary>
/// <c>A x</c> and <c>Aᵀ y</c> with <see cref="CsrMatrix"/> against MathNet's <see cref="SparseMatrix"/> (its own CSR storage)
/// on the same random matrix, side by side: 200,000 × 150,000 with 2 million entries (the scale of the matrix-free
/// acceptance run) and 3000 × 2000 at 1 % density. MathNet is the baseline.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class SparseProductBenchmarks
{
    private SparseMatrix _mathNet = null!;
    private CsrMatrix _csr = null!;
    private Vector<double> _x = null!;
    private Vector<double> _y = null!;
    private Vector<double> _ax = null!;
    private Vector<double> _aty = null!;
    private double[] _xArray = null!;
    private double[] _yArray = null!;
    private double[] _axArray = null!;
    private double[] _atyArray = null!;

    /// <summary>"rows x columns x entries".</summary>
    [Params("200000x150000x2000000", "3000x2000x60000")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Shape.Split('x').Select(int.Parse).ToArray();
        var (m, n, nnz) = (parts[0], parts[1], parts[2]);
        var random = new Random(20251129);
        var rows = new int[nnz];
        var columns = new int[nnz];
        var values = new double[nnz];
        for (var p = 0; p < nnz; p++)
        {
            (rows[p], columns[p], values[p]) = (random.Next(m), random.Next(n), random.NextDouble());
        }

        _csr = CsrMatrix.FromCoordinates(m, n, rows, columns, values);
        _csr.Transpose();
        _mathNet = SparseMatrix.OfIndexed(m, n, Enumerable.Range(0, _csr.RowCount).SelectMany(i =>
            Enumerable.Range(_csr.RowPointers[i], _csr.RowPointers[i + 1] - _csr.RowPointers[i]).Select(p => Tuple.Create(i, _csr.ColumnIndices[p], _csr.Values[p]))).ToList());
        _xArray = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        _yArray = Enumerable.Range(0, m).Select(_ => random.NextDouble() - 0.5).ToArray();
        _x = Vector<double>.Build.DenseOfArray(_xArray);
        _y = Vector<double>.Build.DenseOfArray(_yArray);
        _ax = Vector<double>.Build.Dense(m);
        _aty = Vector<double>.Build.Dense(n);
        _axArray = new double[m];
        _atyArray = new double[n];
    }

    [Benchmark(Baseline = true, Description = "MathNet SparseMatrix A x")]
    public void MathNetMultiply() => _mathNet.Multiply(_x, _ax);

    [Benchmark(Description = "CsrMatrix A x")]
    public void CsrMultiply() => _csr.Multiply(_xArray, _axArray);

    [Benchmark(Description = "MathNet SparseMatrix A^T y")]
    public void MathNetTransposeMultiply() => _mathNet.TransposeThisAndMultiply(_y, _aty);

    [Benchmark(Description = "CsrMatrix A^T y")]
    public void CsrTransposeMultiply() => _csr.TransposeMultiply(_yArray, _atyArray);
}
