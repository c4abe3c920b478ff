namespace SpectralSensitivity.Hessian;

/// <summary>Which closed-form eigenvector of the Hessian of <c>s_k</c> a pair has (u_i, v_i the singular vectors of A).</summary>
public enum HessianEigenvectorKind
{
    /// <summary><c>(u_i v_kᵀ + u_k v_iᵀ)/√2</c>, i ≤ r, i ≠ k: eigenvalue <c>1/(s_k − s_i)</c>.</summary>
    SymmetricPair,

    /// <summary><c>(u_i v_kᵀ − u_k v_iᵀ)/√2</c>, i ≤ r, i ≠ k: eigenvalue <c>1/(s_k + s_i)</c>.</summary>
    AntisymmetricPair,

    /// <summary><c>u_i v_kᵀ</c> with u_i orthogonal to every column of thin U (r &lt; i ≤ m, tall A): eigenvalue <c>1/s_k</c>.</summary>
    LeftComplement,

    /// <summary><c>u_k v_jᵀ</c> with v_j orthogonal to every column of thin V (r &lt; j ≤ n, wide A): eigenvalue <c>1/s_k</c>.</summary>
    RightComplement,
}

/// <summary>One non-zero eigenvalue of the Hessian of <c>s_k</c> and the recipe of its unit eigenvector.</summary>
/// <remarks>
/// The eigenvector, an m × n matrix of unit Frobenius norm, comes from <see cref="HessianSpectrum.Eigenvector"/>.
/// On <c>span{u_i v_kᵀ, u_k v_iᵀ}</c> the Hessian acts as <c>[[c_i, d_i], [d_i, c_i]]</c> with <c>c_i = s_k/(s_k² − s_i²)</c>,
/// <c>d_i = s_i/(s_k² − s_i²)</c>, whose eigenvalues <c>c_i ± d_i</c> are <c>1/(s_k ∓ s_i)</c>.
/// Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), Thm 3.1 to second order.
/// </remarks>
/// <param name="Value">The eigenvalue.</param>
/// <param name="Kind">Which closed form the eigenvector has.</param>
/// <param name="Partner">The 1-based index i of the partner singular vector (i ≠ k; i &gt; r for the complement kinds, numbering an orthonormal basis of the complement).</param>
public sealed record HessianEigenpair(double Value, HessianEigenvectorKind Kind, int Partner)
{
    /// <summary>One line in the invariant culture (six significant digits).</summary>
    /// <returns>E.g. <c>HessianEigenpair { Value = 1.8, Kind = SymmetricPair, Partner = 3 }</c>.</returns>
    public override string ToString() =>
        Results.ResultText.Members(nameof(HessianEigenpair), $"Value = {Results.ResultText.Number(Value)}", $"Kind = {Kind}", $"Partner = {Partner}");
}
