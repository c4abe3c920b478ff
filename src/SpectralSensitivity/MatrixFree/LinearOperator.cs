using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Storage;

namespace SpectralSensitivity.MatrixFree;

/// <summary>Builds <see cref="ILinearOperator"/>s from MathNet matrices and user functions.</summary>
public static class LinearOperator
{
    /// <summary>Adapts a MathNet matrix: sparse storage becomes a <see cref="CsrMatrix"/> (its three arrays copied, never a dense copy), anything else a <see cref="DenseMatrixOperator"/>.</summary>
    /// <remarks>Cost O(nnz) for sparse storage, none for dense storage (used in place).</remarks>
    /// <param name="matrix">A, m × n.</param>
    /// <returns>The operator.</returns>
    public static ILinearOperator FromMatrix(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Storage is SparseCompressedRowMatrixStorage<double> sparse)
        {
            var nnz = sparse.RowPointers[sparse.RowCount];
            return new CsrMatrix(
                sparse.RowCount,
                sparse.ColumnCount,
                sparse.RowPointers[..(sparse.RowCount + 1)],
                sparse.ColumnIndices[..nnz],
                sparse.Values[..nnz]);
        }

        return new DenseMatrixOperator(matrix);
    }

    /// <summary>An operator given by its two products (see <see cref="DelegateOperator"/>).</summary>
    /// <param name="rowCount">m.</param>
    /// <param name="columnCount">n.</param>
    /// <param name="multiply">x ↦ A x.</param>
    /// <param name="transposeMultiply">y ↦ Aᵀ y.</param>
    public static ILinearOperator FromDelegates(int rowCount, int columnCount, OperatorProduct multiply, OperatorProduct transposeMultiply) =>
        new DelegateOperator(rowCount, columnCount, multiply, transposeMultiply);
}
