using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Hessian;

/// <summary>The memory check every dense Hessian makes before it allocates its <c>(mn)²</c> doubles.</summary>
internal static class HessianBudget
{
    /// <summary>Throws unless the mn × mn matrix of an m × n argument fits the budget of <paramref name="options"/> (null: the default).</summary>
    /// <exception cref="InvalidSpectralInputException">The budget is not positive.</exception>
    /// <exception cref="HessianMemoryBudgetExceededException">The mn × mn matrix exceeds the budget (or the largest array).</exception>
    public static void Require(int rows, int columns, HessianOptions? options)
    {
        options ??= HessianOptions.Default;
        if (options.MemoryBudgetBytes <= 0)
        {
            throw new InvalidSpectralInputException($"the Hessian memory budget must be positive; got {options.MemoryBudgetBytes} bytes");
        }

        var required = SingularValueHessian.RequiredBytes(rows, columns);
        var limit = Math.Min(options.MemoryBudgetBytes, (long)Array.MaxLength * sizeof(double));
        if (required > limit)
        {
            throw new HessianMemoryBudgetExceededException(rows, columns, required, limit);
        }
    }
}
