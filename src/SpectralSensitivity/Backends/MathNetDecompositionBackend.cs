using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Backends;

/// <summary>The default <see cref="IDecompositionBackend"/>: MathNet.Numerics' factorizations, through whatever provider
/// <c>LinearAlgebraControl.Provider</c> holds.</summary>
/// <remarks>
/// MathNet has no thin SVD: a tall A (m &gt; n) is reduced by a thin QR, <c>A = QR</c>, the n × n factor by a square SVD
/// <c>R = U_R Σ Vᵀ</c>, and <c>U = Q U_R</c>; a wide one goes through <c>Aᵀ</c>. So no m × m factor is formed.
/// Cost O(m n r) flops plus copies of the spans into MathNet matrices (O(m n)). Golub, Van Loan, Matrix Computations,
/// 4th ed., §8.6.3 (R-SVD).
/// </remarks>
internal sealed class MathNetDecompositionBackend : IDecompositionBackend
{
    /// <summary>The single instance.</summary>
    internal static readonly MathNetDecompositionBackend Instance = new();

    private MathNetDecompositionBackend()
    {
    }

    public string Name => "managed";

    public void ThinSingularValueDecomposition(Span<double> a, int rows, int columns, Span<double> singularValues, Span<double> leftVectors, Span<double> rightVectors)
    {
        BackendArguments.RequireSvd(a, rows, columns, singularValues, leftVectors, rightVectors);
        BackendArguments.RequireFinite(a, "svd");
        var matrix = Matrix<double>.Build.Dense(rows, columns, a.ToArray());
        var wide = rows < columns;
        var (u, s, v) = Catching("svd", () => TallOrSquare(wide ? matrix.Transpose() : matrix));
        s.ToArray().CopyTo(singularValues);
        (wide ? v : u).ToColumnMajorArray().CopyTo(leftVectors);
        (wide ? u : v).ToColumnMajorArray().CopyTo(rightVectors);
    }

    public void SymmetricEigendecomposition(Span<double> a, int order, Span<double> eigenvalues)
    {
        BackendArguments.RequireEigen(a, order, eigenvalues);
        BackendArguments.RequireFinite(a, "evd");
        var lower = Matrix<double>.Build.Dense(order, order, a.ToArray());
        var symmetric = Matrix<double>.Build.Dense(order, order, (i, j) => i >= j ? lower.At(i, j) : lower.At(j, i)); // the lower triangle, mirrored
        var evd = Catching("evd", () => symmetric.Evd(Symmetricity.Symmetric));
        var order0 = Enumerable.Range(0, order).OrderBy(i => evd.EigenValues[i].Real).ToArray();    // ascending
        var vectors = evd.EigenVectors;
        for (var j = 0; j < order; j++)
        {
            eigenvalues[j] = evd.EigenValues[order0[j]].Real;
            for (var i = 0; i < order; i++)
            {
                a[j * order + i] = vectors.At(i, order0[j]);
            }
        }
    }

    public void MatrixMultiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double beta, Span<double> c)
    {
        BackendArguments.RequireProduct(m, n, k, a, b, c);
        var result = c.ToArray();
        LinearAlgebraControl.Provider.MatrixMultiplyWithUpdate(
            transposeA ? Transpose.Transpose : Transpose.DontTranspose, transposeB ? Transpose.Transpose : Transpose.DontTranspose,
            alpha, a.ToArray(), transposeA ? k : m, transposeA ? m : k, b.ToArray(), transposeB ? n : k, transposeB ? k : n, beta, result);
        result.CopyTo(c);
    }

    /// <summary>MathNet's managed parallelism follows <see cref="SpectralParallelism"/> directly; nothing else to set.</summary>
    public void ApplyParallelism(Parallelism parallelism)
    {
    }

    /// <summary>U (m × n), s, V (n × n) of a tall or square matrix.</summary>
    private static (Matrix<double> U, Vector<double> S, Matrix<double> V) TallOrSquare(Matrix<double> a)
    {
        if (a.RowCount == a.ColumnCount)
        {
            return Square(a);
        }

        var qr = a.QR(QRMethod.Thin);
        var (ur, s, v) = Square(qr.R);
        return (qr.Q * ur, s, v);                                       // U = Q U_R
    }

    private static (Matrix<double> U, Vector<double> S, Matrix<double> V) Square(Matrix<double> square)
    {
        var svd = square.Svd(computeVectors: true);
        return (svd.U, svd.S, svd.VT.Transpose());
    }

    /// <summary>Turns MathNet's non-convergence into the backend contract's typed exception.</summary>
    private static T Catching<T>(string routine, Func<T> factor)
    {
        try
        {
            return factor();
        }
        catch (NonConvergenceException e)
        {
            throw new DecompositionFailedException(routine, 1, e);
        }
    }
}
