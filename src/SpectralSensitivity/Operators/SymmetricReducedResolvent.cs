using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Operators;

/// <summary>The reduced resolvent <c>S = Σ_{i ≠ k} q_i q_iᵀ / (μ_i − μ_k)</c> of a symmetric matrix at an isolated eigenvalue <c>μ_k</c>.</summary>
/// <remarks>
/// <para><c>S (T − μ_k) = I − P</c>, <c>S P = 0</c>, <c>‖S‖₂ = 1/d</c> with <c>d = min_{i≠k} |μ_i − μ_k|</c>
/// (Kato, Ch. I §5.3, eq. (5.28)). Applied as <c>Q (c ∘ (Qᵀ x))</c> with <c>c_i = 1/(μ_i − μ_k)</c>, <c>c_k = 0</c>.</para>
/// <para>The weights are kept in scaled units, <c>σ c_i = 1/(μ_i/σ − μ_k/σ)</c> with <c>σ = 2^e</c> the power of two at the top
/// of <c>|μ|</c>, and <c>S = (σ S)/σ</c> exactly. Cost: O(n²) per vector, two passes over Q.</para>
/// </remarks>
public sealed class SymmetricReducedResolvent
{
    private readonly double[] _vectors;
    private readonly double[] _weights;
    private readonly int _size;

    private SymmetricReducedResolvent(SymmetricEigendecomposition eig, int first, int count, double shift)
    {
        _size = eig.Size;
        _vectors = ColumnKernels.Storage(eig.Vectors);
        Index = first;
        Eigenvalue = shift;
        var gap = double.PositiveInfinity;
        for (var i = 0; i < _size; i++)
        {
            if (i < first - 1 || i >= first - 1 + count)
            {
                gap = Math.Min(gap, Math.Abs(eig.Factors.Values[i] - shift));
            }
        }

        Gap = gap;
        var largest = 0.0;
        foreach (var mu in eig.Factors.Values)
        {
            largest = Math.Max(largest, Math.Abs(mu));
        }

        ScaleExponent = largest > 0 ? Math.ILogB(largest) : 0;
        var scaledValue = Math.ScaleB(Eigenvalue, -ScaleExponent);
        _weights = new double[_size];
        for (var i = 0; i < _size; i++)
        {
            var removed = i >= first - 1 && i < first - 1 + count;
            _weights[i] = removed ? 0.0 : 1.0 / (Math.ScaleB(eig.Factors.Values[i], -ScaleExponent) - scaledValue); // σ/(μ_i − μ_k)
        }
    }

    /// <summary>The 1-based index k.</summary>
    public int Index { get; }

    /// <summary>The eigenvalue <c>μ_k</c>.</summary>
    public double Eigenvalue { get; }

    /// <summary>Distance d from the shift to the eigenvalues that were not removed (<c>μ_k</c> to the others for a simple one).</summary>
    public double Gap { get; }

    /// <summary>The spectral norm <c>‖S‖₂ = 1/d</c>.</summary>
    public double Norm => 1.0 / Gap;

    /// <summary>e with <c>σ = 2^e</c>.</summary>
    internal int ScaleExponent { get; }

    /// <summary>Builds the reduced resolvent at <c>μ_k</c>.</summary>
    /// <param name="eig">The symmetric eigendecomposition.</param>
    /// <param name="index">1-based k (ascending order).</param>
    /// <exception cref="DegenerateSpectrumException"><c>μ_k</c> is repeated within tolerance.</exception>
    public static SymmetricReducedResolvent At(SymmetricEigendecomposition eig, int index)
    {
        ArgumentNullException.ThrowIfNull(eig);
        eig.RequireIsolated(index);
        return new SymmetricReducedResolvent(eig, index, 1, eig.Eigenvalue(index));
    }

    /// <summary>The reduced resolvent at the shift λ with the eigenvalues <c>first … first + count − 1</c> removed (a cluster).</summary>
    /// <remarks><c>S = Σ_{i ∉ cluster} q_i q_iᵀ / (μ_i − λ)</c>; column c of the block recursion uses λ = μ_c (Kato, Ch. II §2.2).</remarks>
    internal static SymmetricReducedResolvent ForCluster(SymmetricEigendecomposition eig, int first, int count, double shift) =>
        new(eig, first, count, shift);

    /// <summary>Returns <c>S x</c>. Cost O(n²).</summary>
    /// <exception cref="ResultOutOfRangeException">An entry of the result is beyond the double range.</exception>
    public Vector<double> Apply(Vector<double> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Count != _size)
        {
            throw new DimensionMismatchException($"the reduced resolvent acts on vectors of length {_size}; got {vector.Count}");
        }

        var result = new double[_size];
        ApplyScaled(vector.ToArray(), result);
        ReducedResolvent.ScaleAndCheck(result, -ScaleExponent, "the reduced resolvent applied to a vector");
        return DenseVector.OfArray(result);
    }

    /// <summary><c>destination = σ S source</c>: the resolvent of <c>T/σ</c>.</summary>
    internal void ApplyScaled(ReadOnlySpan<double> source, Span<double> destination)
    {
        var coefficients = new double[_size];
        ColumnKernels.TransposeMultiplyColumns(_vectors, _size, source, coefficients);   // Qᵀ x
        for (var i = 0; i < _size; i++)
        {
            coefficients[i] *= _weights[i];                                                // σ c_i (q_iᵀ x)
        }

        ColumnKernels.MultiplyColumns(_vectors, _size, coefficients, destination);        // Q (…)
    }

    /// <summary>The dense <c>σ S = Q diag(σ c) Qᵀ</c> (n × n), by one GEMM on the column-scaled eigenvectors. Cost O(n³).</summary>
    internal Matrix<double> ScaledDense()
    {
        var q = DenseMatrix.OfColumnMajor(_size, _size, _vectors);
        return ReducedResolvent.ColumnsScaled(q, _weights).TransposeAndMultiply(q);     // (Q diag(σ c)) Qᵀ
    }

    /// <summary>Forms the dense matrix <c>S</c>. O(n³): for tests and small problems.</summary>
    public Matrix<double> ToDense()
    {
        var q = DenseMatrix.OfColumnMajor(_size, _size, _vectors);
        var dense = q * DenseMatrix.OfDiagonalArray(_weights) * q.Transpose();
        ReducedResolvent.ScaleAndCheck(((DenseMatrix)dense).Values, -ScaleExponent, "the reduced resolvent");
        return dense;
    }
}
