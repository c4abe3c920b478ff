using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The gradient of a singular value, <c>∇ s_k(A) = u_k v_kᵀ</c> (an m × n matrix).</summary>
/// <remarks>
/// <para>First-order perturbation: <c>d/dt s_k(A + tE) = u_kᵀ E v_k = ⟨u_k v_kᵀ, E⟩_F</c>. Flipping the signs of
/// <c>u_k</c> and <c>v_k</c> together leaves <c>u_k v_kᵀ</c> unchanged, so the gradient does not depend on the sign
/// convention of the SVD. It exists where <c>s_k</c> is non-zero and simple.</para>
/// <para>Cost: O(mn) per index after the SVD.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), first-order term of Thm 3.1.</para>
/// </remarks>
public static class SingularValueGradient
{
    /// <summary>Returns <c>u_k v_kᵀ</c>, the gradient of <c>s_k</c> with respect to A.</summary>
    /// <remarks><c>∇ s_k = u_k v_kᵀ</c>; cost O(mn).</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="Errors.SpectralIndexOutOfRangeException">k outside 1..r.</exception>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static Matrix<double> Compute(ThinSingularValueDecomposition svd, int index)
    {
        ArgumentNullException.ThrowIfNull(svd);
        svd.RequireIsolated(index);
        return svd.LeftFactor.Column(index - 1).OuterProduct(svd.RightFactor.Column(index - 1));
    }

    /// <summary>Returns the gradients <c>u_k v_kᵀ</c> of several singular values, in the order of <paramref name="indices"/>.</summary>
    /// <remarks>Each is <c>u_k v_kᵀ</c>; every index is checked before any gradient is formed. Cost O(mn) per index.</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="indices">1-based indices.</param>
    /// <exception cref="Errors.DegenerateSpectrumException">One of the <c>s_k</c> is zero or repeated.</exception>
    public static IReadOnlyList<Matrix<double>> Compute(ThinSingularValueDecomposition svd, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(svd);
        ArgumentNullException.ThrowIfNull(indices);
        foreach (var index in indices)
        {
            svd.RequireIsolated(index);
        }

        return indices.Select(index => Compute(svd, index)).ToArray();
    }

    /// <summary>Returns the directional derivative <c>d/dt s_k(A + tE) = u_kᵀ E v_k</c> at t = 0.</summary>
    /// <remarks><c>⟨u_k v_kᵀ, E⟩_F</c> without forming the gradient; cost O(mn).</remarks>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <param name="direction">E, m × n, finite.</param>
    public static double Directional(ThinSingularValueDecomposition svd, int index, Matrix<double> direction)
    {
        ArgumentNullException.ThrowIfNull(svd);
        MatrixGuard.RequireShape(direction, "direction E", svd.RowCount, svd.ColumnCount, "A");
        svd.RequireIsolated(index);
        return svd.LeftFactor.Column(index - 1) * (direction * svd.RightFactor.Column(index - 1));
    }
}
