using FluentAssertions;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree;

/// <summary>The dense products give the same bits on one thread, two threads and the default: the tile grid is fixed by
/// the shape. Process-wide setting, so these run alone (<see cref="GlobalProviderCollection"/>).</summary>
[Collection(GlobalProviderCollection.Name)]
public sealed class DenseMatrixOperatorParallelismTests
{
    [Theory]
    [InlineData(4099, 2101)]     // A x: 2 row blocks (the second of 3 rows) × 2 parts; Aᵀ y: 9 column blocks
    [InlineData(20_011, 37)]     // Aᵀ y: one column block × 8 parts of the rows
    [InlineData(37, 20_011)]     // A x: one row block × 8 parts of the columns
    public void Products_are_bit_identical_for_any_thread_setting(int m, int n)
    {
        var op = new DenseMatrixOperator(TestMatrices.Gaussian(m, n, 29));
        var x = TestMatrices.Gaussian(n, 2, 30).ToColumnMajorArray();
        var y = TestMatrices.Gaussian(m, 2, 31).ToColumnMajorArray();
        var results = new List<double[]>();
        using var saved = new GlobalLinearAlgebraState();
        foreach (var setting in new[] { Parallelism.Sequential, new Parallelism(2), new Parallelism(3), Parallelism.Default })
        {
            SpectralParallelism.Current = setting;
            var (ax, aty, block) = (new double[m], new double[n], new double[2 * n]);
            op.Multiply(x.AsSpan(0, n), ax);
            op.TransposeMultiply(y.AsSpan(0, m), aty);
            op.TransposeMultiplyBlock(y, block, 2);
            var gram = new double[m];
            ((IOuterGramOperator)op).MultiplyOuterGram(y.AsSpan(0, m), gram);
            results.Add([.. ax, .. aty, .. block, .. gram]);
        }

        foreach (var result in results.Skip(1))
        {
            result.Should().Equal(results[0]);
        }
    }
}
