namespace SpectralSensitivity.Operators;

/// <summary>Which part of the reduced resolvent an application uses.</summary>
internal enum ResolventPart
{
    /// <summary>All of <c>S</c>.</summary>
    Full,

    /// <summary>
    /// <c>S</c> without the terms <c>P_{−s_i}/(−s_i − λ)</c> of the removed pairs: the same operator on the vectors
    /// <c>(E v_i; Eᵀ u_i)</c> that second-order quantities apply it to, once the result is contracted with <c>Gᵀ</c>.
    /// </summary>
    FirstOrderRange,
}
