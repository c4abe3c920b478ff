using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>What the matrix-free path says when the requested <c>s_k</c> is zero: which values are zero, what is defined there, and which of it
/// this path can give.</summary>
/// <remarks>
/// <para>The computed values are the largest, in decreasing order, so when one of them is zero (at most
/// <see cref="PartialSingularValueDecomposition.ClusterTolerance"/>) every value below it is zero too: the zero cluster is
/// <c>s_z … s_min(m, n)</c>, z the first computed zero, although only the computed ones were seen. At a zero cluster <c>s_k(t) = |λ(t)|</c>
/// has a kink; its one-sided derivatives exist as the signed branches (Kato, Ch. II §2.3; Rellich 1969), but finding them needs every
/// non-zero singular triplet (the left vectors of the whole complement), that is the full decomposition, not a few triplets. The matrix-free
/// path serves the non-zero values <c>s_1 … s_(z−1)</c>. Cost O(z).</para>
/// </remarks>
internal static class ZeroSingularValue
{
    /// <summary>The refusal of a derivative, mean, gradient or HVP of a zero <c>s_k</c>: undefined (a <see cref="DegenerateSpectrumException"/> of kind zero).</summary>
    /// <param name="svd">The computed triplets.</param>
    /// <param name="index">1-based k, with <c>s_k</c> zero.</param>
    public static DegenerateSpectrumException Undefined(PartialSingularValueDecomposition svd, int index)
    {
        var (first, last) = Cluster(svd);
        return new DegenerateSpectrumException(Degeneracy.Zero, index, svd.SingularValues[index - 1], [.. Enumerable.Range(first, last - first + 1)],
            svd.ClusterTolerance, "singular value",
            $"Every singular value below s_{first} is zero too (they decrease). What is defined there: the signed branches and one-sided derivatives of the zero values, " +
            "which need every non-zero singular triplet, so only the full decomposition gives them (SingularValueDerivatives.Branches; CLI --branches --decomposition dense)" +
            Served(first));
    }

    /// <summary>The refusal of the branches of a zero <c>s_k</c> on this path: they exist, but need the full decomposition (an
    /// <see cref="InvalidSpectralInputException"/>: the request, not the mathematics, is what cannot be served).</summary>
    /// <param name="svd">The computed triplets.</param>
    /// <param name="index">1-based k, with <c>s_k</c> zero.</param>
    public static InvalidSpectralInputException BranchesNeedTheFullDecomposition(PartialSingularValueDecomposition svd, int index)
    {
        var (first, last) = Cluster(svd);
        return new InvalidSpectralInputException(
            $"s_{index} = {svd.SingularValues[index - 1]:G3} is zero (<= tolerance {svd.ClusterTolerance:G3}; the zero cluster is indices {first}..{last}, every value below s_{first} being zero too): " +
            "the signed branches of zero singular values need every non-zero singular triplet: use the full decomposition (SingularValueDerivatives.Branches, or --decomposition dense)" +
            Served(first));
    }

    /// <summary>The 1-based first computed zero z and min(m, n).</summary>
    private static (int First, int Last) Cluster(PartialSingularValueDecomposition svd)
    {
        var s = svd.SingularValues;
        var z = 0;
        while (s[z] > svd.ClusterTolerance)
        {
            z++;
        }

        return (z + 1, Math.Min(svd.RowCount, svd.ColumnCount));
    }

    private static string Served(int first) => first switch
    {
        1 => "; A is zero to the tolerance",
        2 => "; the matrix-free path serves s_1, the only non-zero value (CLI -k 1)",
        _ => $"; the matrix-free path serves the non-zero values s_1..s_{first - 1} (CLI -k 1..{first - 1})",
    };
}
