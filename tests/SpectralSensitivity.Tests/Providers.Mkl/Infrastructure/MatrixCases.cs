using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Tests.Providers.Mkl.Infrastructure;

/// <summary>Named test matrices covering the shapes and conditioning the providers must agree on.</summary>
internal static class MatrixCases
{
    private static readonly MatrixBuilder<double> Build = Matrix<double>.Build;

    /// <summary>General (not necessarily square) matrices for SVD and products.</summary>
    internal static IEnumerable<(string Name, Matrix<double> A)> General()
    {
        yield return ("1x1", Build.Dense(1, 1, [-3.5]));
        yield return ("1xn", Build.Random(1, 7, 11));
        yield return ("mx1", Build.Random(9, 1, 12));
        yield return ("zero", Build.Dense(5, 4));
        yield return ("identity", Build.DenseIdentity(6));
        yield return ("square", Build.Random(30, 30, 13));
        yield return ("tall", Build.Random(40, 12, 14));
        yield return ("wide", Build.Random(12, 40, 15));
        yield return ("rank-deficient", RankDeficient(30, 20, 5, 16));
        yield return ("ill-conditioned", WithSingularValues(25, 25, Enumerable.Range(0, 25).Select(i => Math.Pow(10, -14.0 * i / 24)).ToArray(), 17));
    }

    /// <summary>Symmetric matrices for the eigen-decomposition.</summary>
    internal static IEnumerable<(string Name, Matrix<double> A)> Symmetric()
    {
        yield return ("1x1", Build.Dense(1, 1, [2.25]));
        yield return ("zero", Build.Dense(4, 4));
        yield return ("identity", Build.DenseIdentity(5));
        foreach (var (name, n, seed) in new[] { ("random-20", 20, 21), ("random-64", 64, 22) })
        {
            var b = Build.Random(n, n, seed);
            yield return (name, b + b.Transpose());
        }

        var q = Orthogonal(15, 23);
        var values = Build.DiagonalOfDiagonalArray(Enumerable.Range(0, 15).Select(i => i < 5 ? 0.0 : Math.Pow(10, -i)).ToArray());
        yield return ("singular-graded", Symmetrize(q * values * q.Transpose()));
        yield return ("repeated", Symmetrize(q * Build.DenseIdentity(15).Multiply(3.0) * q.Transpose()));
    }

    /// <summary>A random m x n matrix of rank r.</summary>
    internal static Matrix<double> RankDeficient(int m, int n, int r, int seed) =>
        Build.Random(m, r, seed) * Build.Random(r, n, seed + 1000);

    /// <summary>A matrix with the given singular values and random singular vectors.</summary>
    internal static Matrix<double> WithSingularValues(int m, int n, double[] values, int seed)
    {
        var s = Build.Dense(m, n);
        for (var i = 0; i < values.Length; i++)
        {
            s[i, i] = values[i];
        }

        return Orthogonal(m, seed) * s * Orthogonal(n, seed + 1).Transpose();
    }

    private static Matrix<double> Orthogonal(int n, int seed) => Build.Random(n, n, seed).QR().Q;

    private static Matrix<double> Symmetrize(Matrix<double> a) => (a + a.Transpose()) / 2;
}
