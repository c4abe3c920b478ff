namespace SpectralSensitivity.Studies;

/// <summary>The independent references a study compares the recursion's derivatives (and the dense Hessian) with.</summary>
/// <remarks>Each adds error columns to the results (see <see cref="Results.StudyLayout"/>), each the relative error <c>|x − x_ref| / max(|x_ref|, σ_j)</c> of order j
/// against its reference, with the natural scale <c>σ_j = j! ‖E‖_F^j / g^(j−1)</c> (g the gap of <c>s_k</c>; Kato, Ch. II §3).</remarks>
[Flags]
public enum StudyValidations
{
    /// <summary>No validation: values and derivatives only.</summary>
    None = 0,

    /// <summary>The dense Hessian of <c>s_k</c> against the Kronecker sum formula built from MathNet's full SVD of A (the paper's reference).</summary>
    Hessian = 1,

    /// <summary>Derivatives of orders 1..4 (and, with <see cref="Hessian"/>, the Hessian along E) against Richardson-extrapolated central differences.</summary>
    FiniteDifferences = 2,

    /// <summary>Derivatives against Kato's closed-form trace sum (orders up to 12).</summary>
    ClosedForm = 4,

    /// <summary>Derivatives from the double SVD against those from the SVD refined in double-double arithmetic.</summary>
    ExtendedPrecision = 8,
}
