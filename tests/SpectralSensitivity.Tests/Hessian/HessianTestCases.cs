using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Decomposition;

namespace SpectralSensitivity.Tests.Hessian;

/// <summary>The test matrices (tall, wide, square, rank-deficient), the slow Kronecker reference and the error scales tolerances are built from.</summary>
internal static class HessianTestCases
{
    /// <summary>Unit roundoff times two, 2⁻⁵².</summary>
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>A named matrix and the indices k whose s_k is non-zero and isolated.</summary>
    public sealed record Case(string Name, Matrix<double> Matrix, int[] Indices)
    {
        public ThinSingularValueDecomposition Svd { get; } = ThinSingularValueDecomposition.Compute(Matrix);

        public override string ToString() => Name;
    }

    public static IReadOnlyList<Case> All { get; } =
    [
        new("tall 7x4", Gaussian(7, 4, 11), [1, 2, 3, 4]),
        new("wide 4x6", Gaussian(4, 6, 12), [1, 2, 3, 4]),
        new("square 5x5", Gaussian(5, 5, 13), [1, 2, 3, 4, 5]),
        new("rank-deficient 6x5 rank 3", Gaussian(6, 3, 14) * Gaussian(3, 5, 15), [1, 2, 3]),
        new("rank-deficient square 5x5 rank 2", Gaussian(5, 2, 16) * Gaussian(2, 5, 17), [1, 2]),
    ];

    public static Case Named(string name) => All.Single(c => c.Name == name);

    public static Matrix<double> Gaussian(int rows, int columns, int seed) =>
        DenseMatrix.CreateRandom(rows, columns, new Normal(0, 1, new Random(seed)));

    /// <summary>Full orthogonal U (m × m), V (n × n) and the singular values, for the slow Kronecker reference.</summary>
    public sealed record FullFactors(Matrix<double> U, Vector<double> S, Matrix<double> V)
    {
        /// <summary>From MathNet's full SVD of A: a factorization path independent of the library's.</summary>
        public static FullFactors Of(Matrix<double> a)
        {
            var svd = a.Svd(computeVectors: true);
            return new FullFactors(svd.U, svd.S, svd.VT.Transpose());
        }

        /// <summary>The library's own thin factors, completed to square orthogonal U and V by a full QR.</summary>
        public static FullFactors Of(ThinSingularValueDecomposition thin) =>
            new(Complete(thin.LeftVectors), thin.SingularValues, Complete(thin.RightVectors));
    }

    /// <summary>The Hessian from the Kronecker sum formula with full U and V from MathNet's full SVD, <c>s_i := 0</c> for i &gt; r.</summary>
    public static Matrix<double> KroneckerReference(Matrix<double> a, int k) => KroneckerReference(FullFactors.Of(a), k);

    /// <summary>Appends an orthonormal basis of the complement of the columns of a thin factor.</summary>
    public static Matrix<double> Complete(Matrix<double> thin)
    {
        if (thin.RowCount == thin.ColumnCount)
        {
            return thin;
        }

        var full = thin.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Full).Q;
        return thin.Append(full.SubMatrix(0, thin.RowCount, thin.ColumnCount, thin.RowCount - thin.ColumnCount));
    }

    /// <summary>The Kronecker sum formula of the notes, summed term by term from full factors.</summary>
    public static Matrix<double> KroneckerReference(FullFactors factors, int k)
    {
        var (u, singularValues, v) = factors;
        int m = u.RowCount, n = v.RowCount, r = Math.Min(m, n);
        double S(int i) => i < r ? singularValues[i] : 0.0;
        var sk = S(k - 1);
        var uk = u.Column(k - 1);
        var vk = v.Column(k - 1);
        var hessian = new DenseMatrix(m * n, m * n);
        for (var i = 0; i < m; i++)
        {
            if (i != k - 1)
            {
                var x = Vec(u.Column(i), vk);
                AddOuter(hessian, sk / (sk * sk - S(i) * S(i)), x, x);
            }
        }

        for (var j = 0; j < n; j++)
        {
            if (j != k - 1)
            {
                var y = Vec(uk, v.Column(j));
                AddOuter(hessian, sk / (sk * sk - S(j) * S(j)), y, y);
            }
        }

        for (var l = 0; l < r; l++)
        {
            if (l != k - 1)
            {
                var x = Vec(u.Column(l), vk);
                var y = Vec(uk, v.Column(l));
                var coefficient = S(l) / (sk * sk - S(l) * S(l));
                AddOuter(hessian, coefficient, x, y);
                AddOuter(hessian, coefficient, y, x);
            }
        }

        return hessian;
    }

    /// <summary><c>H ← H + c x yᵀ</c>, in place.</summary>
    private static void AddOuter(DenseMatrix hessian, double coefficient, Vector<double> x, Vector<double> y)
    {
        var size = x.Count;
        var (left, right, values) = (x.ToArray(), y.ToArray(), hessian.Values);
        for (var q = 0; q < size; q++)
        {
            var scaled = coefficient * right[q];
            for (var p = 0; p < size; p++)
            {
                values[p + q * size] += scaled * left[p];
            }
        }
    }

    /// <summary><c>vec(x yᵀ) = y ⊗ x</c>, column-major.</summary>
    public static Vector<double> Vec(Vector<double> x, Vector<double> y) => DenseVector.OfArray(x.OuterProduct(y).ToColumnMajorArray());

    public static Vector<double> Vec(Matrix<double> e) => DenseVector.OfArray(e.ToColumnMajorArray());

    /// <summary>
    /// Error scale of a Hessian computed from a backward-stable SVD: the SVD is exact for some A + δA with
    /// ‖δA‖ ~ ε‖A‖₂, and the Hessian moves by about ‖D³s_k‖ ‖δA‖ ≲ ε‖A‖₂/d² per entry (d the gap); the Frobenius
    /// norm of an error spread over the rank-(m + n − 2) Hessian picks up √(mn) at most.
    /// </summary>
    public static double HessianErrorScale(ThinSingularValueDecomposition svd, int k)
    {
        var d = svd.Gap(k);
        return Epsilon * Math.Sqrt(svd.RowCount * svd.ColumnCount) * svd.SingularValues[0] / (d * d);
    }

    /// <summary>
    /// Error scale when both sides come from the same SVD, so only the arithmetic differs: each entry of
    /// <c>Hess</c> (or of <c>Hess[E]</c> per unit ‖E‖_F) sums O(m + n) terms bounded by ‖Hess‖₂ ≤ 1/d, and the
    /// Frobenius norm over the mn × mn matrix picks up √(mn) at most.
    /// </summary>
    public static double HessianArithmeticScale(ThinSingularValueDecomposition svd, int k) =>
        Epsilon * (svd.RowCount + svd.ColumnCount) * Math.Sqrt(svd.RowCount * svd.ColumnCount) / svd.Gap(k);

    /// <summary>Same SVD on both sides: ε (m + n) times Cauchy's bound <c>n! ρ / r₀ⁿ</c> on the n-th derivative (see <see cref="CauchyBound"/>).</summary>
    public static double DerivativeArithmeticScale(ThinSingularValueDecomposition svd, int k, int order, double directionNorm) =>
        Epsilon * (svd.RowCount + svd.ColumnCount) * CauchyBound(svd, k, order, directionNorm);

    /// <summary>Cauchy's bound on the n-th derivative along E: <c>|Dⁿ s_k[E]| ≤ n! ρ / r₀ⁿ</c>, ρ = d/2, r₀ = d/(2‖E‖_F) (‖E‖_F ≥ ‖E‖₂).</summary>
    private static double CauchyBound(ThinSingularValueDecomposition svd, int k, int order, double directionNorm)
    {
        var d = svd.Gap(k);
        return MathNet.Numerics.SpecialFunctions.Factorial(order) * (d / 2) * Math.Pow(2 * directionNorm / d, order);
    }
}
