using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Hessian;

/// <summary>The dense mn × mn Hessian would exceed the memory budget (or the largest array .NET allows).</summary>
/// <remarks>The message names the size needed and points to the matrix-free alternatives: <see cref="HessianVectorProduct"/> and <see cref="HessianSpectrum"/>.</remarks>
public sealed class HessianMemoryBudgetExceededException : InvalidSpectralInputException
{
    /// <summary>Creates the exception for an m × n matrix.</summary>
    /// <param name="rows">m.</param>
    /// <param name="columns">n.</param>
    /// <param name="requiredBytes">8 (mn)², the size of the dense Hessian.</param>
    /// <param name="budgetBytes">The budget in force (or the array-size limit, whichever is smaller).</param>
    public HessianMemoryBudgetExceededException(int rows, int columns, double requiredBytes, long budgetBytes)
        : base(
            $"the dense Hessian of a {rows} x {columns} matrix is {(long)rows * columns} x {(long)rows * columns} and needs {Gibibytes(requiredBytes)} GiB, " +
            $"over the limit of {Gibibytes(budgetBytes)} GiB; use HessianVectorProduct (Hess[E] in O(mn + (m + n) r) without the dense matrix) " +
            "or HessianSpectrum (closed-form eigendecomposition), or raise HessianOptions.MemoryBudgetBytes")
    {
        RequiredBytes = requiredBytes;
        BudgetBytes = budgetBytes;
    }

    /// <summary>Bytes the dense Hessian needs, <c>8 (mn)²</c>.</summary>
    public double RequiredBytes { get; }

    /// <summary>The limit in force, in bytes.</summary>
    public long BudgetBytes { get; }

    private static string Gibibytes(double bytes) => (bytes / (1L << 30)).ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
