using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Random;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>Sparse matrices with planted clusters that are exact in binary: a 4 × 4 block <c>Q D Q</c> (Q = H₄/2, the Hadamard matrix
/// over two, orthogonal and symmetric with entries ±1/2) on four scattered rows and columns, the rest of the matrix zero there.</summary>
/// <remarks>The block's entries are dyadic, so its singular values (eigenvalues) are exactly the |d_i| (d_i); the remainder lives on
/// the other rows and columns: a diagonal <c>0.5 · 0.9^i</c> (well-separated values, so the Krylov iterations converge fast) plus random
/// sparse noise scaled by a power of two to Frobenius norm at most 1/16, all below every planted value.</remarks>
internal static class ClusterBlocks
{
    private static readonly double[,] Hadamard = { { 1, 1, 1, 1 }, { 1, -1, 1, -1 }, { 1, 1, -1, -1 }, { 1, -1, -1, 1 } };

    /// <summary>An m × n sparse matrix with singular values <paramref name="values"/> (four, at least 1) planted over a remainder of norm below 0.6.</summary>
    public static Matrix<double> Planted(int rows, int columns, double density, int seed, double[] values)
    {
        var random = new SystemRandomSource(seed + 1000);
        var plantedRows = Distinct(random, rows);
        var plantedColumns = Distinct(random, columns);
        var rest = SparseTestMatrices.Random(rows, columns, density, seed);
        var scale = Math.ScaleB(1.0, -4 - (int)Math.Ceiling(Math.Log2(rest.FrobeniusNorm())));                   // exact power of two: ‖noise‖_F ≤ 1/16
        var diagonal = Enumerable.Range(0, Math.Min(rows, columns)).Where(i => !plantedRows.Contains(i) && !plantedColumns.Contains(i))
            .Select((i, position) => Tuple.Create(i, i, 0.5 * Math.Pow(0.9, position)));                                   // well-separated 0.5·0.9^i below the block
        var entries = rest.EnumerateIndexed(Zeros.AllowSkip)
            .Where(x => !plantedRows.Contains(x.Item1) && !plantedColumns.Contains(x.Item2) && x.Item1 != x.Item2)
            .Select(x => Tuple.Create(x.Item1, x.Item2, scale * x.Item3))
            .Concat(diagonal)
            .Concat(Block(values).Select(x => Tuple.Create(plantedRows[x.Row], plantedColumns[x.Column], x.Value)));
        return SparseMatrix.OfIndexed(rows, columns, entries);
    }

    /// <summary>Writes the symmetric block with eigenvalues <paramref name="values"/> on rows and columns <paramref name="indices"/> of a symmetric matrix, zeroing them first.</summary>
    public static void PlantSymmetric(Matrix<double> matrix, int[] indices, double[] values)
    {
        foreach (var i in indices)
        {
            matrix.ClearRow(i);
            matrix.ClearColumn(i);
        }

        foreach (var (row, column, value) in Block(values))
        {
            matrix[indices[row], indices[column]] = value;
        }
    }

    /// <summary>The entries of <c>Q diag(values) Q</c>, Q = H₄/2: each a sum of four dyadic terms d_k h_ik h_jk / 4, exact.</summary>
    private static IEnumerable<(int Row, int Column, double Value)> Block(double[] values)
    {
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < 4; k++)
                {
                    sum += values[k] * Hadamard[i, k] * Hadamard[j, k] / 4;
                }

                if (sum != 0)
                {
                    yield return (i, j, sum);
                }
            }
        }
    }

    private static int[] Distinct(SystemRandomSource random, int size)
    {
        var chosen = new List<int>();
        while (chosen.Count < 4)
        {
            var next = random.Next(size);
            if (!chosen.Contains(next))
            {
                chosen.Add(next);
            }
        }

        return [.. chosen];
    }
}
