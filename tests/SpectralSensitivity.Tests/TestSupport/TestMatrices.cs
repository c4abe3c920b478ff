using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>Seeded test matrices: Gaussian, prescribed singular values, rank-deficient, special.</summary>
internal static class TestMatrices
{
    public static Matrix<double> Gaussian(int rows, int columns, int seed)
    {
        var normal = new Normal(0, 1, new SystemRandomSource(seed));
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => normal.Sample());
    }

    /// <summary>A random orthonormal m × c matrix (Q of a Gaussian's QR).</summary>
    public static Matrix<double> Orthonormal(int rows, int columns, int seed) =>
        Gaussian(rows, columns, seed).QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;

    /// <summary><c>U diag(s) Vᵀ</c> with random orthonormal U, V and the given singular values.</summary>
    public static Matrix<double> WithSingularValues(int rows, int columns, double[] singularValues, int seed)
    {
        var r = singularValues.Length;
        var u = Orthonormal(rows, r, seed);
        var v = Orthonormal(columns, r, seed + 7919);
        return u * Matrix<double>.Build.DenseOfDiagonalArray(singularValues) * v.Transpose();
    }

    /// <summary>A rank-<paramref name="rank"/> matrix with well-separated non-zero singular values 1, 1 − δ, ….</summary>
    public static Matrix<double> RankDeficient(int rows, int columns, int rank, int seed) =>
        WithSingularValues(rows, columns, Enumerable.Range(0, rank).Select(i => 3.0 - 2.0 * i / Math.Max(1, rank)).ToArray(), seed);

    /// <summary>The shapes every engine test runs on: tall, wide, square, and a rank-deficient case flag.</summary>
    public static IEnumerable<object[]> Shapes() =>
    [
        [7, 4, false], [4, 7, false], [5, 5, false], [8, 6, true], [6, 8, true], [1, 5, false], [5, 1, false],
    ];

    public static Matrix<double> ForShape(int rows, int columns, bool rankDeficient, int seed) =>
        rankDeficient ? RankDeficient(rows, columns, Math.Min(rows, columns) - 2, seed) : Gaussian(rows, columns, seed);
}
