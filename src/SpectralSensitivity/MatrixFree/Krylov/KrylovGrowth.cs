namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>How the matrix-free decompositions grow the number of computed values until the one wanted and its cluster are known; shared by
/// <see cref="PartialSingularValueDecomposition"/> and <see cref="PartialSymmetricEigendecomposition"/>.</summary>
/// <remarks>The count starts at index + 1 and grows by max(2, count/2) while the chain (cluster) of the wanted value reaches the last
/// computed one, until a given number of successive runs with different counts agree on the chain (Lanczos from one start vector
/// finds the copies of an exactly repeated value only through rounding, so agreement of two runs is the test for a complete cluster). With
/// <c>gapOnly = 1</c> the last value is converged only to bound the gap; when the chain turns out to be a cluster, every value is converged
/// instead. Cost: one decomposition per run.</remarks>
internal static class KrylovGrowth
{
    /// <summary>Runs <paramref name="compute"/> (count, converged) with growing counts up to <paramref name="limit"/> as described above.</summary>
    /// <param name="limit">The most values there are: min(m, n) or n.</param>
    /// <param name="index">1-based index of the wanted value.</param>
    /// <param name="agreeing">How many successive runs must agree on the chain.</param>
    /// <param name="gapOnly">1 when the value after the chain is wanted only for the gap, 0 when every value is converged.</param>
    /// <param name="compute">The decomposition with that many values, the first so many converged to the tolerance.</param>
    /// <param name="chainOf">The chain (1-based first, count) of the wanted value in a decomposition.</param>
    public static T Grow<T>(int limit, int index, int agreeing, int gapOnly, Func<int, int, T> compute, Func<T, (int First, int Count)> chainOf)
    {
        var count = Math.Min(limit, index + 1);
        (int First, int Count)? previous = null;
        var agreed = 0;
        while (true)
        {
            var result = compute(count, count > index ? count - gapOnly : count);
            var chain = chainOf(result);
            if (gapOnly > 0 && chain.Count > 1)
            {
                gapOnly = 0;                                                                              // a cluster: converge every value, so rounding brings in its copies
                continue;
            }

            var open = count < limit && chain.First + chain.Count - 1 == count;                         // the chain of the wanted value reaches the last one
            agreed = open ? 0 : chain == previous ? agreed + 1 : 1;
            if (count == limit || agreed >= agreeing)
            {
                return result;
            }

            previous = chain;
            count = Math.Min(limit, count + Math.Max(2, count / 2));
        }
    }
}
