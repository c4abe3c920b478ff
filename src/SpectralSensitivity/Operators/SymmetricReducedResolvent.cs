using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Operators;

/// <summary>The reduced resolvent <c>S = Σ_{i ≠ k} q_i q_iᵀ / (μ_i − μ_k)</c> of a symmetric matrix at an isolated eigenvalue <c>μ_k</c>.</summary>
/// <remarks>
/// <para><c>S (T − μ_k) = I − P</c>, <c>S P = 0</c>, <c>‖S‖₂ = 1/d</c> with <c>d = min_{i≠k} |μ_i − μ_k|</c>
/// (Kato, Ch. I §5.3, eq. (5.28)). Applied as <c>Q (c ∘ (Qᵀ x))</c> with <c>c_i = 1/(μ_i − μ_k)</c>, <c>c_k = 0</c>.</para>
/// <para>Cost: O(n²) per vector.</para>
/// </remarks>
public sealed class SymmetricReducedResolvent
{
    private readonly SymmetricEigendecomposition _eig;
    private readonly double[] _weights;

    private SymmetricReducedResolvent(SymmetricEigendecomposition eig, int index)
    {
        _eig = eig;
        Index = index;
        Eigenvalue = eig.Eigenvalue(index);
        Gap = eig.Gap(index);
        _weights = new double[eig.Size];
        for (var i = 0; i < eig.Size; i++)
        {
            _weights[i] = i == index - 1 ? 0.0 : 1.0 / (eig.Eigenvalues[i] - Eigenvalue);
        }
    }

    /// <summary>The 1-based index k (ascending order).</summary>
    public int Index { get; }

    /// <summary>The eigenvalue <c>μ_k</c>.</summary>
    public double Eigenvalue { get; }

    /// <summary>Distance d from <c>μ_k</c> to the rest of the spectrum (+∞ for a 1 × 1 matrix).</summary>
    public double Gap { get; }

    /// <summary>The spectral norm <c>‖S‖₂ = 1/d</c>.</summary>
    public double Norm => 1.0 / Gap;

    /// <summary>Builds the reduced resolvent at <c>μ_k</c>.</summary>
    /// <exception cref="DegenerateSpectrumException"><c>μ_k</c> is repeated within tolerance.</exception>
    public static SymmetricReducedResolvent At(SymmetricEigendecomposition eig, int index)
    {
        ArgumentNullException.ThrowIfNull(eig);
        eig.RequireIsolated(index);
        return new SymmetricReducedResolvent(eig, index);
    }

    /// <summary>Returns <c>S v</c>. Cost O(n²).</summary>
    public Vector<double> Apply(Vector<double> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Count != _eig.Size)
        {
            throw new DimensionMismatchException($"the reduced resolvent acts on vectors of length {_eig.Size}; got {vector.Count}");
        }

        var coefficients = _eig.Eigenvectors.TransposeThisAndMultiply(vector);
        coefficients.PointwiseMultiply(DenseVector.OfArray(_weights), coefficients);
        return _eig.Eigenvectors * coefficients;
    }

    /// <summary>Forms the dense n × n matrix <c>S = Q diag(c) Qᵀ</c>.</summary>
    public Matrix<double> ToDense() =>
        _eig.Eigenvectors * DenseMatrix.OfDiagonalArray(_weights) * _eig.Eigenvectors.Transpose();
}
