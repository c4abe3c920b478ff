using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests.Providers.Mkl;

/// <summary>Thread safety: many threads calling one provider at once get the single-threaded results.</summary>
public abstract class ConcurrencyConformanceTests : ProviderSuite
{
    [ProviderFact]
    public void Concurrent_calls_give_the_single_threaded_results()
    {
        var inputs = Enumerable.Range(0, 8).Select(i => Matrix<double>.Build.Random(60 + i, 40, 500 + i)).ToArray();
        var expected = inputs.Select(a => Run(Provider, a)).ToArray();

        var actual = new (double[] S, double[] Product)[64];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            i => actual[i] = Run(Provider, inputs[i % inputs.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Residuals.ShouldAgree(actual[i].S, expected[i % inputs.Length].S, $"call {i}: singular values");
            Residuals.ShouldAgree(actual[i].Product, expected[i % inputs.Length].Product, $"call {i}: product");
        }
    }

    private static (double[] S, double[] Product) Run(ILinearAlgebraProvider provider, Matrix<double> a)
    {
        var (s, _, _) = FullSvd(provider, a);
        var product = new double[a.ColumnCount * a.ColumnCount];
        var data = a.ToColumnMajorArray();
        provider.MatrixMultiplyWithUpdate(Transpose.Transpose, Transpose.DontTranspose, 1.0, data, a.RowCount, a.ColumnCount,
            data, a.RowCount, a.ColumnCount, 0.0, product);
        product.Should().NotContain(double.NaN);
        return (s, product);
    }
}

[RunsOnProvider("managed")]
public sealed class ManagedConcurrencyTests : ConcurrencyConformanceTests;

[RunsOnProvider("mkl")]
public sealed class MklConcurrencyTests : ConcurrencyConformanceTests;

[RunsOnProvider("openblas")]
public sealed class OpenBlasConcurrencyTests : ConcurrencyConformanceTests;
