using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Operators;

/// <summary>The reduced resolvent <c>S</c> of the Jordan–Wielandt operator <c>H(A)</c> at an isolated singular value <c>λ = s_k &gt; 0</c>, applied from the thin SVD.</summary>
/// <remarks>
/// <para><c>S = Σ_{μ ≠ λ} P_μ / (μ − λ)</c>, so <c>S (H − λ) = I − P</c> and <c>S P = 0</c> (Kato, Ch. I §5.3, eq. (5.28)).
/// For <c>(x; y)</c> with <c>a = Uᵀx</c>, <c>b = Vᵀy</c>:</para>
/// <para>i ≠ k: <c>α_i = (a_i s_k + b_i s_i)/(s_i² − s_k²)</c>, <c>β_i = (a_i s_i + b_i s_k)/(s_i² − s_k²)</c>;
/// i = k: <c>α_k = −(a_k − b_k)/(4 s_k)</c>, <c>β_k = (a_k − b_k)/(4 s_k)</c>;</para>
/// <para><c>S (x; y) = (U α − (x − U a)/s_k ; V β − (y − V b)/s_k)</c>, the last terms acting on the kernel of <c>H</c>.</para>
/// <para>The code folds the kernel term into the coefficients, <c>S (x; y) = (U (α + a/s_k) − x/s_k ; V (β + b/s_k) − y/s_k)</c>,
/// so one application costs O((m + n) r), never forming <c>H</c> or full U, V. The vector form takes the singular pairs one
/// at a time: <c>a_i = u_iᵀx</c>, <c>b_i = v_iᵀy</c>, then <c>u_i</c>, <c>v_i</c> are added into the result while still in
/// cache, so U and V are read from memory once per application (the series is memory-bound; docs/benchmarks.md §1).
/// <c>‖S‖₂ = 1/d</c>, d = <see cref="ThinSingularValueDecomposition.Gap"/>.</para>
/// <para>Reference: Luo, O'Riordan, McDermott, JMAA 2025 (arXiv 2506.03764), §3; derivation in docs/theory.md §2.</para>
/// </remarks>
public sealed class ReducedResolvent
{
    private readonly ThinSingularValueDecomposition _svd;
    private readonly double _sk;
    private readonly double[] _diagonalWeight;
    private readonly double[] _crossWeight;
    private readonly double[] _left;
    private readonly double[] _right;

    private ReducedResolvent(ThinSingularValueDecomposition svd, int index)
    {
        _svd = svd;
        Index = index;
        _sk = svd.SingularValue(index);
        Gap = svd.Gap(index);
        var r = svd.Size;
        _left = ColumnKernels.Storage(svd.LeftVectors);
        _right = ColumnKernels.Storage(svd.RightVectors);
        _diagonalWeight = new double[r];
        _crossWeight = new double[r];
        for (var i = 0; i < r; i++)
        {
            if (i == index - 1)
            {
                // α_k + a_k/s_k = (3 a_k + b_k)/(4 s_k),  β_k + b_k/s_k = (a_k + 3 b_k)/(4 s_k)
                _diagonalWeight[i] = 3.0 / (4.0 * _sk);
                _crossWeight[i] = 1.0 / (4.0 * _sk);
                continue;
            }

            var si = svd.SingularValues[i];
            var denominator = (si - _sk) * (si + _sk); // s_i² − s_k², factored to avoid cancellation
            // α_i + a_i/s_k = (s_k/(s_i² − s_k²) + 1/s_k) a_i + (s_i/(s_i² − s_k²)) b_i, and symmetrically for β_i
            _diagonalWeight[i] = _sk / denominator + 1.0 / _sk;
            _crossWeight[i] = si / denominator;
        }
    }

    /// <summary>The 1-based index k of the singular value.</summary>
    public int Index { get; }

    /// <summary>The eigenvalue <c>λ = s_k</c> of <c>H(A)</c> at which the resolvent is reduced.</summary>
    public double Eigenvalue => _sk;

    /// <summary>Distance d from <c>s_k</c> to the rest of the spectrum of <c>H(A)</c>.</summary>
    public double Gap { get; }

    /// <summary>The spectral norm <c>‖S‖₂ = 1/d</c>.</summary>
    public double Norm => 1.0 / Gap;

    /// <summary>The dimension m + n of the space <c>S</c> acts on.</summary>
    public int Dimension => _svd.RowCount + _svd.ColumnCount;

    /// <summary>Builds the reduced resolvent at <c>s_k</c>.</summary>
    /// <param name="svd">The thin SVD of A.</param>
    /// <param name="index">1-based k.</param>
    /// <exception cref="DegenerateSpectrumException"><c>s_k</c> is zero or repeated within tolerance.</exception>
    public static ReducedResolvent At(ThinSingularValueDecomposition svd, int index)
    {
        ArgumentNullException.ThrowIfNull(svd);
        svd.RequireIsolated(index);
        return new ReducedResolvent(svd, index);
    }

    /// <summary>Creates a workspace for the allocation-free <see cref="Apply(ReadOnlySpan{double}, Span{double}, ResolventWorkspace)"/>.</summary>
    public ResolventWorkspace CreateWorkspace() => new(_svd.RowCount + _svd.ColumnCount, _svd.Size);

    /// <summary>Computes <c>destination = S source</c> without allocating. Cost O((m + n) r).</summary>
    /// <param name="source">A vector of length m + n, <c>(x; y)</c>.</param>
    /// <param name="destination">Receives <c>S (x; y)</c>; may be the same memory as <paramref name="source"/>.</param>
    /// <param name="workspace">From <see cref="CreateWorkspace"/>; one per thread.</param>
    public void Apply(ReadOnlySpan<double> source, Span<double> destination, ResolventWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int m = _svd.RowCount, n = _svd.ColumnCount;
        if (source.Length != m + n || destination.Length != m + n)
        {
            throw new DimensionMismatchException($"the reduced resolvent acts on vectors of length {m + n}; got {source.Length} and {destination.Length}");
        }

        var w = workspace;
        if (w.Source.Length != m + n || w.Size != _svd.Size)
        {
            throw new ArgumentException("the workspace was created by a resolvent of another size; use CreateWorkspace() of this one", nameof(workspace));
        }

        source.CopyTo(w.Source);
        PairedColumnSweep.Apply(_left, m, _right, n, _diagonalWeight, _crossWeight, w.Source, w.Result, w.Partials);
        ColumnKernels.Axpy(-1.0 / _sk, w.Source, w.Result);                                 //   − (x; y)/s_k
        w.Result.CopyTo(destination);
    }

    /// <summary>Returns <c>S v</c> for a vector of length m + n. Cost O((m + n) r).</summary>
    public Vector<double> Apply(Vector<double> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var result = new double[Dimension];
        Apply(vector.ToArray(), result, CreateWorkspace());
        return DenseVector.OfArray(result);
    }

    /// <summary>Returns <c>S X</c> for an (m + n) × c matrix with level-3 products. Cost O((m + n) r c).</summary>
    public Matrix<double> Apply(Matrix<double> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int m = _svd.RowCount, n = _svd.ColumnCount;
        if (columns.RowCount != m + n)
        {
            throw new DimensionMismatchException($"the reduced resolvent acts on (m + n) = {m + n} rows; got {columns.RowCount}");
        }

        var top = columns.SubMatrix(0, m, 0, columns.ColumnCount);
        var bottom = columns.SubMatrix(m, n, 0, columns.ColumnCount);
        var a = _svd.LeftVectors.TransposeThisAndMultiply(top);
        var b = _svd.RightVectors.TransposeThisAndMultiply(bottom);
        var diagonal = DenseMatrix.OfDiagonalArray(_diagonalWeight);
        var cross = DenseMatrix.OfDiagonalArray(_crossWeight);
        var alphaPlus = diagonal * a + cross * b;
        var betaPlus = cross * a + diagonal * b;
        var result = Matrix<double>.Build.Dense(m + n, columns.ColumnCount);
        result.SetSubMatrix(0, 0, _svd.LeftVectors * alphaPlus - top / _sk);
        result.SetSubMatrix(m, 0, _svd.RightVectors * betaPlus - bottom / _sk);
        return result;
    }

    /// <summary>Forms the dense (m + n) × (m + n) matrix <c>S</c>. O((m + n)²) memory: for tests and small problems.</summary>
    public Matrix<double> ToDense() => Apply(Matrix<double>.Build.DenseIdentity(Dimension));
}
