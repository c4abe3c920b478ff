using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

namespace SpectralSensitivity.Tests;

/// <summary>The one thread setting bounds the threads, never the partition: the core's parallel kernels give the same bits
/// whatever it is. Process-wide, so these run alone (<see cref="GlobalProviderCollection"/>).</summary>
[Collection(GlobalProviderCollection.Name)]
public sealed class SpectralParallelismTests
{
    [Fact]
    public void The_embedding_action_gives_the_same_bits_on_one_thread_two_threads_and_the_default()
    {
        const int m = 700, n = 500;                                        // above ColumnKernels.ParallelThreshold
        var e = Matrix<double>.Build.Random(m, n, 41).ToColumnMajorArray();
        var source = Matrix<double>.Build.Random(m + n, 1, 42).ToColumnMajorArray();
        var results = new List<double[]>();
        using var saved = new GlobalLinearAlgebraState();
        foreach (var setting in new[] { Parallelism.Sequential, new Parallelism(2), Parallelism.Default })
        {
            SpectralParallelism.Current = setting;
            var destination = new double[m + n];
            ColumnKernels.ApplyEmbedded(e, m, n, source, destination);
            results.Add(destination);
        }

        results[1].Should().Equal(results[0]);
        results[2].Should().Equal(results[0]);
        var reference = new double[m + n];
        ColumnKernels.ApplyEmbedded(e.AsSpan(), m, n, source, reference);    // the single-pass kernel, no split
        for (var i = 0; i < m + n; i++)
        {
            Math.Abs(results[0][i] - reference[i]).Should().BeLessThanOrEqualTo(1e-12 * (1 + Math.Abs(reference[i])), $"entry {i}");
        }
    }
}
