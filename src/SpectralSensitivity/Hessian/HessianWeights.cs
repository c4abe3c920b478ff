using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;

using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Hessian;

/// <summary>The per-index scalars every second-order formula of <c>s_k</c> uses, computed once from the thin SVD.</summary>
/// <remarks>
/// <para>For i ≠ k: <c>c_i = s_k/(s_k² − s_i²)</c>, <c>d_i = s_i/(s_k² − s_i²)</c>; <c>c_k = d_k = 0</c>. The denominator is
/// formed as <c>(s_k − s_i)(s_k + s_i)</c>, which is exact to a few ulps even when s_i is close to s_k.</para>
/// <para>Also holds <c>u_k</c>, <c>v_k</c> and the column-major storage of thin U and V so the kernels can run on spans.
/// Cost O((m + n) r) to build (a copy of U and V only when they are not dense). Derivation: docs/hessian.md §2.</para>
/// </remarks>
internal sealed class HessianWeights
{
    private HessianWeights(ThinSingularValueDecomposition svd, int index)
    {
        Svd = svd;
        Index = index;
        RowCount = svd.RowCount;
        ColumnCount = svd.ColumnCount;
        Size = svd.Size;
        SingularValue = svd.SingularValue(index);
        Left = ColumnKernels.Storage(svd.LeftVectors);
        Right = ColumnKernels.Storage(svd.RightVectors);
        LeftVector = Left.AsSpan((index - 1) * RowCount, RowCount).ToArray();
        RightVector = Right.AsSpan((index - 1) * ColumnCount, ColumnCount).ToArray();
        Diagonal = new double[Size];
        Cross = new double[Size];
        for (var i = 0; i < Size; i++)
        {
            if (i == index - 1)
            {
                continue;
            }

            var si = svd.SingularValues[i];
            var denominator = (SingularValue - si) * (SingularValue + si);
            Diagonal[i] = SingularValue / denominator;
            Cross[i] = si / denominator;
        }
    }

    public ThinSingularValueDecomposition Svd { get; }

    /// <summary>1-based k.</summary>
    public int Index { get; }

    public int RowCount { get; }

    public int ColumnCount { get; }

    /// <summary>r = min(m, n).</summary>
    public int Size { get; }

    /// <summary><c>s_k</c>.</summary>
    public double SingularValue { get; }

    /// <summary>Thin U, column-major m × r.</summary>
    public double[] Left { get; }

    /// <summary>Thin V, column-major n × r.</summary>
    public double[] Right { get; }

    /// <summary><c>u_k</c>, length m.</summary>
    public double[] LeftVector { get; }

    /// <summary><c>v_k</c>, length n.</summary>
    public double[] RightVector { get; }

    /// <summary><c>c_i = s_k/(s_k² − s_i²)</c>, zero at i = k.</summary>
    public double[] Diagonal { get; }

    /// <summary><c>d_i = s_i/(s_k² − s_i²)</c>, zero at i = k.</summary>
    public double[] Cross { get; }

    /// <summary>Builds the weights after checking that <c>s_k</c> is non-zero and simple.</summary>
    /// <exception cref="Errors.DegenerateSpectrumException"><c>s_k</c> is zero or repeated.</exception>
    public static HessianWeights At(ThinSingularValueDecomposition svd, int index)
    {
        ArgumentNullException.ThrowIfNull(svd);
        svd.RequireIsolated(index);
        return new HessianWeights(svd, index);
    }

}
