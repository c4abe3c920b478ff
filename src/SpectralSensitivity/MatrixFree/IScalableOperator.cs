namespace SpectralSensitivity.MatrixFree;

/// <summary>An operator with stored entries: it can report its largest entry and norm, and copy itself scaled.</summary>
internal interface IScalableOperator : ILinearOperator
{
    /// <summary><c>max |a_ij|</c>.</summary>
    double MaxAbsEntry();

    /// <summary>An upper bound on <c>‖A‖₂</c>: <c>min(‖A‖_F, √(‖A‖₁ ‖A‖_∞))</c>.</summary>
    double SpectralNormBound();

    /// <summary>A copy with every entry multiplied by <c>2^e</c> (exact for normal results).</summary>
    ILinearOperator ScaledCopy(int exponent);
}
