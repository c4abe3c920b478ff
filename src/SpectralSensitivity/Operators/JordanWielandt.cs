using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Validation;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Operators;

/// <summary>The Jordan–Wielandt embedding <c>H(A) = [[0, A], [Aᵀ, 0]]</c> of a real m × n matrix into a symmetric (m+n) × (m+n) one.</summary>
/// <remarks>
/// <para>From a thin SVD <c>A = U diag(s) Vᵀ</c>: <c>H</c> has eigenvalue <c>+s_i</c> with unit eigenvector
/// <c>(u_i; v_i)/√2</c>, eigenvalue <c>−s_i</c> with <c>(u_i; −v_i)/√2</c>, and eigenvalue 0 on
/// <c>{(x; 0): Uᵀx = 0} ⊕ {(0; y): Vᵀy = 0}</c>. <c>H</c> is linear in <c>A</c>, so
/// <c>H(A + tE) = H(A) + t H(E)</c>: singular-value perturbation becomes symmetric eigenvalue perturbation.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), §2; Horn &amp; Johnson, <i>Matrix Analysis</i>, Thm 7.3.3.</para>
/// </remarks>
public static class JordanWielandt
{
    /// <summary>Forms the dense <c>H(A)</c>. Cost O((m+n)²) memory: for tests and small problems only.</summary>
    /// <param name="a">The m × n matrix.</param>
    public static Matrix<double> Dense(Matrix<double> a)
    {
        MatrixGuard.RequireFinite(a, "A");
        int m = a.RowCount, n = a.ColumnCount;
        var h = Matrix<double>.Build.Dense(m + n, m + n);
        h.SetSubMatrix(0, m, a);
        h.SetSubMatrix(m, 0, a.Transpose());
        return h;
    }

    /// <summary>Applies <c>H(A)</c> to a vector without forming it: <c>H(A) (x; y) = (A y; Aᵀ x)</c>. Cost O(mn).</summary>
    /// <param name="a">The m × n matrix.</param>
    /// <param name="vector">A vector of length m + n, <c>(x; y)</c> with <c>x</c> of length m.</param>
    public static Vector<double> Apply(Matrix<double> a, Vector<double> vector)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(vector);
        int m = a.RowCount, n = a.ColumnCount;
        if (vector.Count != m + n)
        {
            throw new Errors.DimensionMismatchException($"the vector has length {vector.Count} but H(A) of a {m} x {n} matrix needs length {m + n}");
        }

        var result = Vector<double>.Build.Dense(m + n);
        result.SetSubVector(0, m, a * vector.SubVector(m, n));
        result.SetSubVector(m, n, a.TransposeThisAndMultiply(vector.SubVector(0, m)));
        return result;
    }
}
