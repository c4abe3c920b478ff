using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>Matrices whose SVD or eigendecomposition has values at the rounding level or exactly zero, for the homogeneity checks,
/// and the scalings across the range that those checks try.</summary>
internal static class RankDeficientMatrices
{
    /// <summary>The exponents p of the scales <c>2^p</c>: the ends of the range and both sides of <c>2^±128</c>.</summary>
    public static readonly int[] Exponents = [-1000, -600, -129, -128, -5, 5, 127, 128, 129, 600, 1000];

    /// <summary>A and E both by <c>2^p</c>, and A alone.</summary>
    public static readonly (int A, int E)[] Scalings = [.. Exponents.SelectMany(p => new[] { (p, p), (p, 0) })];

    /// <summary>Rank-deficient matrices of each shape (most scaled by a small power of two so that their largest entry does not lie in
    /// [1, 2), where the factorization would see the same array with or without scaling), each with the 1-based index of an isolated non-zero singular value.</summary>
    public static readonly Dictionary<string, (Matrix<double> A, int Index)> Rectangular = new()
    {
        ["rank 1, tall 6x4"] = (Scaled(Outer(6, 4, 11), 3), 1),
        ["rank 2, square 5x5"] = (Scaled(TestMatrices.RankDeficient(5, 5, 2, 12), -3), 2),
        ["rank 2, wide 3x6"] = (Scaled(TestMatrices.RankDeficient(3, 6, 2, 13), 6), 1),
        ["rank 3, tall 8x6"] = (Scaled(TestMatrices.RankDeficient(8, 6, 3, 14), -6), 2),
        ["a zero column, tall 5x4"] = (Scaled(WithZeroColumn(TestMatrices.Gaussian(5, 4, 15), 2), 4), 1),
        ["exact zeros, tall 9x6 rank 3"] = (ClusterFixture.Named("tall 9x6, rank 3: zero cluster of 3").Matrix, 1),
    };

    /// <summary>Symmetric matrices with eigenvalues at the rounding level or exactly zero, with an isolated eigenvalue's index and
    /// whether every eigenvalue is simple (the spectrum at once is refused otherwise).</summary>
    public static readonly Dictionary<string, (Matrix<double> T, int Index, bool Simple)> Symmetric = new()
    {
        ["rank 2 Gram matrix 6x6"] = (Scaled(Gram(6, 2, 21), -4), 6, false),
        ["rank 3 indefinite 5x5"] = (Scaled(WithEigenvalues(5, [3, -2, 1], 22), 5), 1, false),
        ["rank 4 indefinite 5x5"] = (WithEigenvalues(5, [3, -2, 1, -0.5], 25), 1, true),
        ["a zero row and column 5x5"] = (WithZeroRowAndColumn(Symmetrized(TestMatrices.Gaussian(5, 5, 23)), 3), 5, true),
        ["H(A) of a rank-1 A"] = (JordanWielandt.Dense(Scaled(Outer(4, 3, 24), -5)), 7, false),
    };

    /// <summary>A symmetric direction of the size of T.</summary>
    public static Matrix<double> SymmetricDirection(Matrix<double> t) => Symmetrized(TestMatrices.Gaussian(t.RowCount, t.ColumnCount, 98));

    /// <summary>A direction of the shape of A.</summary>
    public static Matrix<double> Direction(Matrix<double> a) => TestMatrices.Gaussian(a.RowCount, a.ColumnCount, 99);

    private static Matrix<double> WithEigenvalues(int size, double[] values, int seed)
    {
        var q = TestMatrices.Orthonormal(size, values.Length, seed);
        return Symmetrized(q * Matrix<double>.Build.DenseOfDiagonalArray(values) * q.Transpose());
    }

    private static Matrix<double> Scaled(Matrix<double> m, int exponent) => m.Map(x => Math.ScaleB(x, exponent));

    private static Matrix<double> Outer(int rows, int columns, int seed) =>
        TestMatrices.Gaussian(rows, 1, seed) * TestMatrices.Gaussian(1, columns, seed + 1);

    private static Matrix<double> Gram(int size, int rank, int seed)
    {
        var b = TestMatrices.Gaussian(size, rank, seed);
        return b * b.Transpose();
    }

    private static Matrix<double> Symmetrized(Matrix<double> m) => (m + m.Transpose()) / 2;

    private static Matrix<double> WithZeroColumn(Matrix<double> m, int column)
    {
        m.ClearColumn(column);
        return m;
    }

    private static Matrix<double> WithZeroRowAndColumn(Matrix<double> m, int k)
    {
        m.ClearRow(k);
        m.ClearColumn(k);
        return m;
    }
}
