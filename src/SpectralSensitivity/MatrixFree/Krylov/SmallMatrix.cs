using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Decompositions of the small projected matrices of the Krylov methods, made exactly scale-invariant.</summary>
/// <remarks>The matrix is first multiplied by <c>2^−e</c> (e the exponent of its largest entry, exact), so the
/// decomposition of <c>2^p B</c> is the one of B with values times <c>2^p</c>: the Krylov results inherit exact
/// power-of-two homogeneity. Cost O(p³) for a p × p matrix (p is the basis size, tens).</remarks>
internal static class SmallMatrix
{
    /// <summary>SVD <c>B = X diag(σ) Yᵀ</c>, σ descending.</summary>
    public static (double[] Values, Matrix<double> Left, Matrix<double> Right) Svd(Matrix<double> b)
    {
        var e = Exponent(b);
        var svd = b.Multiply(Math.ScaleB(1.0, -e)).Svd(computeVectors: true);
        var values = svd.S.Select(s => Math.ScaleB(s, e)).ToArray();
        return (values, svd.U, svd.VT.Transpose());
    }

    /// <summary>Symmetric eigendecomposition <c>T = Y diag(θ) Yᵀ</c>, θ ascending.</summary>
    public static (double[] Values, Matrix<double> Vectors) SymmetricEvd(Matrix<double> t)
    {
        var e = Exponent(t);
        var evd = t.Multiply(Math.ScaleB(1.0, -e)).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(z => Math.ScaleB(z.Real, e)).ToArray();
        return (values, evd.EigenVectors);
    }

    private static int Exponent(Matrix<double> m)
    {
        var largest = VectorMath.MaxAbs(m.ToColumnMajorArray());
        return largest > 0 && double.IsFinite(largest) ? Math.ILogB(largest) : 0;
    }
}
