namespace SpectralSensitivity.MatrixFree;

/// <summary>An operator with stored entries: it can report its largest entry and copy itself scaled.</summary>
internal interface IScalableOperator : ILinearOperator
{
    /// <summary>The number of stored entries: the multiply-adds of one product (m n dense, nnz sparse).</summary>
    long StoredEntryCount { get; }

    /// <summary><c>max |a_ij|</c>.</summary>
    double MaxAbsEntry();

    /// <summary>A copy with every entry multiplied by <c>2^e</c> (exact for normal results).</summary>
    ILinearOperator ScaledCopy(int exponent);
}
