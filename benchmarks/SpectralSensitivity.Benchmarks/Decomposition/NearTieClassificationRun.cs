using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Backends;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Benchmarks.Decomposition;

/// <summary>
/// <c>classification m n density seed [whole]</c>: the dense path's classification of an exact tie, once (one run takes seconds to
/// minutes, outside BenchmarkDotNet's repeated-iteration model). A seeded random sparse A (entries uniform in [−0.5, 0.5)) with four
/// rows and columns replaced by the block <c>Q diag(64, 32, 32, 32) Q</c>, Q = H₄/2 (exact in binary: an exact cluster
/// {s₂, s₃, s₄} = 32 above the rest); the double thin SVD on the best installed backend, then the classification that refines the
/// cluster's window only, then (with <c>whole</c>) the whole-SVD refinement the classification ran before, on the same factors.
/// Prints the three times and their ratio.
/// </summary>
internal static class NearTieClassificationRun
{
    private static readonly double[,] Hadamard = { { 1, 1, 1, 1 }, { 1, -1, 1, -1 }, { 1, 1, -1, -1 }, { 1, -1, -1, 1 } };

    public static void Run(string[] args)
    {
        int m = Int(args[1]), n = Int(args[2]), seed = Int(args[4]);
        var density = double.Parse(args[3], CultureInfo.InvariantCulture);
        var whole = args.Length > 5 && args[5] == "whole";
        SpectralSensitivity.Providers.Mkl.SpectralProviders.UseBest();
        var random = new Random(seed);
        var a = Matrix<double>.Build.DenseOfMatrix(MatrixFree.KrylovScaleRun.RandomSparse(m, n, density, random, 0.5));
        Plant(a, [64.0, 32.0, 32.0, 32.0]);
        var scaled = PowerOfTwoScaling.ScaledArray(a, 0, false);
        var clock = Stopwatch.StartNew();
        var factors = SingularValueFactorization.Instance.Factor(DecompositionBackends.Current, (double[])scaled.Clone(), m, n);
        var svd = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var classified = NearTieClassification.Classified(a, 0, false, SingularValueFactorization.Instance, factors, SpectralTolerances.Default);
        var window = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{m} x {n}, density {density}: double SVD {svd:F2} s; window classification {window:F3} s; s_1..s_5 = {string.Join(", ", classified.ClassificationValues[..5].ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}");
        if (whole)
        {
            clock.Restart();
            var refined = SingularValueFactorization.Instance.Refine(scaled, m, n, factors);
            var wholeTime = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"whole-SVD refinement {wholeTime:F1} s = {wholeTime / window:F0} x the window classification; s_1..s_5 = {string.Join(", ", refined.ScaledValues[..5].ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}");
        }
    }

    /// <summary>Replaces rows and columns 0..3 (A is random, so any four will do) by <c>Q diag(values) Q</c>: each entry a sum of four dyadic terms, exact.</summary>
    private static void Plant(Matrix<double> a, double[] values)
    {
        for (var i = 0; i < 4; i++)
        {
            a.ClearRow(i);
            a.ClearColumn(i);
        }

        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < 4; k++)
                {
                    sum += values[k] * Hadamard[i, k] * Hadamard[j, k] / 4;          // (Q D Q)_ij, Q = H₄/2
                }

                a[i, j] = sum;
            }
        }
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
