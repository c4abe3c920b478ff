using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Random;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>Seeded random sparse matrices (MathNet sparse storage) for the matrix-free tests.</summary>
internal static class SparseTestMatrices
{
    /// <summary>An m × n matrix with about <c>density · m · n</c> entries at random positions, values uniform in (−1, 1).</summary>
    public static Matrix<double> Random(int rows, int columns, double density, int seed)
    {
        var random = new SystemRandomSource(seed);
        var count = (int)Math.Round(density * rows * columns);
        var entries = new Dictionary<(int, int), double>(count);
        while (entries.Count < count)
        {
            entries[(random.Next(rows), random.Next(columns))] = (2 * random.NextDouble()) - 1;
        }

        return SparseMatrix.OfIndexed(rows, columns, entries.Select(e => Tuple.Create(e.Key.Item1, e.Key.Item2, e.Value)));
    }
}
