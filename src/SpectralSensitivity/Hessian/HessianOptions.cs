namespace SpectralSensitivity.Hessian;

/// <summary>Options of the dense Hessian: how much memory it may take.</summary>
/// <remarks>
/// The dense Hessian of an m × n matrix has <c>(mn)²</c> entries, <c>8 (mn)²</c> bytes: 2 GiB at mn = 16 384 (e.g. 128 × 128).
/// Beyond the budget <see cref="SingularValueHessian.Compute"/> throws
/// <see cref="HessianMemoryBudgetExceededException"/>; <see cref="HessianVectorProduct"/> and
/// <see cref="HessianSpectrum"/> give the same information in O(mn) memory.
/// </remarks>
/// <param name="MemoryBudgetBytes">The largest dense Hessian allowed, in bytes; positive.</param>
public sealed record HessianOptions(long MemoryBudgetBytes = HessianOptions.DefaultMemoryBudgetBytes)
{
    /// <summary>The default budget, 2 GiB.</summary>
    public const long DefaultMemoryBudgetBytes = 2L << 30;

    /// <summary>The default options.</summary>
    public static HessianOptions Default { get; } = new();
}
