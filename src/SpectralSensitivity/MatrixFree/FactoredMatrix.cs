using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.MatrixFree;

/// <summary>An m × n matrix held as factors <c>L Rᵀ</c> (L m × r, R n × r): a gradient (r = 1) or a Hessian-vector product (r = 2) without the dense matrix.</summary>
/// <remarks>Memory <c>8 (m + n) r</c> bytes; <see cref="ToDense"/> forms the m × n matrix (O(m n r)) only when asked.</remarks>
public sealed class FactoredMatrix
{
    internal FactoredMatrix(Matrix<double> left, Matrix<double> right, double errorEstimate)
    {
        Left = left;
        Right = right;
        ErrorEstimate = errorEstimate;
    }

    /// <summary>L, m × r.</summary>
    public Matrix<double> Left { get; }

    /// <summary>R, n × r.</summary>
    public Matrix<double> Right { get; }

    /// <summary>r, the number of rank-one terms.</summary>
    public int Rank => Left.ColumnCount;

    /// <summary>An estimate of the error in Frobenius norm (from the residuals of the computation that produced the factors).</summary>
    public double ErrorEstimate { get; }

    /// <summary>The dense m × n matrix <c>L Rᵀ</c>.</summary>
    public Matrix<double> ToDense() => Left.TransposeAndMultiply(Right);

    /// <summary><c>⟨L Rᵀ, X⟩ = Σ_c l_cᵀ X r_c</c> for an operator X: the directional derivative the factors encode, without forming them.</summary>
    /// <remarks>Cost: r products with X and r dot products, O(r nnz(X) + r m).</remarks>
    /// <param name="x">X, m × n.</param>
    /// <exception cref="Errors.ResultOutOfRangeException">The inner product (or a product on the way) is beyond the double range at this scale of the factors and X.</exception>
    public double InnerProduct(ILinearOperator x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var product = new double[Left.RowCount];
        var sum = 0.0;
        for (var c = 0; c < Rank; c++)
        {
            x.Multiply(Right.Column(c).AsArray() ?? Right.Column(c).ToArray(), product);
            sum += VectorMath.Dot(Left.Column(c).AsArray() ?? Left.Column(c).ToArray(), product);
        }

        return double.IsFinite(sum) ? sum : throw new Errors.ResultOutOfRangeException("the inner product ⟨L Rᵀ, X⟩");   // finite factors and X: only an overflow
    }

    /// <summary>One line: shape, rank and error estimate, in the invariant culture (the factors themselves are not printed).</summary>
    /// <returns>E.g. <c>FactoredMatrix { Rows = 3000, Columns = 2000, Rank = 2, ErrorEstimate = 1.2E-11 }</c>.</returns>
    public override string ToString() => Results.ResultText.Members(
        nameof(FactoredMatrix), $"Rows = {Left.RowCount}", $"Columns = {Right.RowCount}", $"Rank = {Rank}", $"ErrorEstimate = {Results.ResultText.Number(ErrorEstimate)}");
}
