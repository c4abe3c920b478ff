using SpectralSensitivity.Errors;
using SpectralSensitivity.Studies.Results;
using SpectralSensitivity.Studies.Sources;

namespace SpectralSensitivity.Studies;

/// <summary>What a study computes: trials from a source, the indices k, derivatives of orders 1..N along each trial's
/// direction, and the validations against independent references.</summary>
/// <remarks>
/// A definition fully determines the results, bit for bit: two runs of the same definition on any number of threads or
/// MPI ranks write the same <c>results.csv</c>. Cost per trial: one thin SVD, then O(N (mn + (m + n) r)) per k for the
/// recursion, plus the validations: the closed form exponential in N, the extended-precision refinement 3x to 25x the SVD,
/// finite differences 6 SVDs per k and order, the Kronecker Hessian O((m + n)(mn)²) per k.
/// </remarks>
/// <param name="Source">The trials.</param>
/// <param name="Indices">The singular values followed.</param>
/// <param name="Order">N, 1 ≤ N ≤ <see cref="SingularValueDerivatives.MaxOrder"/>.</param>
/// <param name="Validations">The references compared with.</param>
/// <param name="External">Derivatives computed elsewhere (e.g. PyTorch), compared the same way; null for none.</param>
public sealed record StudyDefinition(StudySource Source, StudyIndices Indices, int Order, StudyValidations Validations = StudyValidations.None, ExternalReference? External = null)
{
    /// <summary>Trials per shard, the unit of work written to disk and of restart. Fixed by the definition (not by the
    /// number of ranks), so the merged results do not depend on how the shards were spread.</summary>
    /// <remarks>Default: enough trials for about 64 shards, at least 1.</remarks>
    public int ShardSize { get; init; } = DefaultShardSize(Source);

    /// <summary>Checks the definition against the source's shape before any work: indices, order, memory of the dense Hessian.</summary>
    /// <returns>The layout of the result columns.</returns>
    public StudyLayout Validate()
    {
        ArgumentNullException.ThrowIfNull(Source);
        ArgumentNullException.ThrowIfNull(Indices);
        if (Order < 1 || Order > SingularValueDerivatives.MaxOrder)
        {
            throw new DerivativeOrderOutOfRangeException(Order, 1, SingularValueDerivatives.MaxOrder, "a study");
        }

        if (ShardSize < 1)
        {
            throw new InvalidSpectralInputException($"the shard size must be at least 1 trial; got {ShardSize}");
        }

        var indices = Indices.Resolve(Math.Min(Source.Rows, Source.Columns));
        if ((Validations & StudyValidations.Hessian) != 0)
        {
            var bytes = Hessian.SingularValueHessian.RequiredBytes(Source.Rows, Source.Columns);
            if (bytes > Hessian.HessianOptions.Default.MemoryBudgetBytes / 2)
            {
                throw new InvalidSpectralInputException(
                    $"the hessian validation builds two dense {Source.Rows * Source.Columns} x {Source.Rows * Source.Columns} Hessians per thread " +
                    $"({2 * bytes / (1 << 30):0.##} GiB), over the budget of {Hessian.HessianOptions.Default.MemoryBudgetBytes / (double)(1 << 30):0.##} GiB; validate smaller matrices");
            }
        }

        return new StudyLayout(indices, Order, Validations, External?.MaxOrder ?? 0);
    }

    private static int DefaultShardSize(StudySource? source) =>
        source is null ? 1 : (int)Math.Max(1, (source.TrialCount + 63) / 64);
}
