using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.MatrixFree;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.MatrixFree;

public class CsrMatrixTests
{
    [Theory]
    [InlineData(7, 5, 0.4)]
    [InlineData(5000, 3000, 0.002)]     // large enough for the parallel row blocks
    public void Products_match_mathnet_sparse_and_dense_products(int rows, int columns, double density)
    {
        var a = SparseTestMatrices.Random(rows, columns, density, seed: rows);
        var csr = (CsrMatrix)LinearOperator.FromMatrix(a);
        var dense = new DenseMatrixOperator(Matrix<double>.Build.DenseOfMatrix(a));
        var x = Vector<double>.Build.Random(columns, 3);
        var y = Vector<double>.Build.Random(rows, 4);
        var ax = new double[rows];
        var aty = new double[columns];
        var expectedAx = (a * x).ToArray();
        var expectedAty = (a.TransposeThisAndMultiply(y)).ToArray();
        foreach (var op in new ILinearOperator[] { csr, dense })
        {
            op.Multiply(x.ToArray(), ax);
            op.TransposeMultiply(y.ToArray(), aty);
            for (var i = 0; i < rows; i++)
            {
                ax[i].Should().BeApproximately(expectedAx[i], 1e-13 * (1 + Math.Abs(expectedAx[i])));
            }

            for (var j = 0; j < columns; j++)
            {
                aty[j].Should().BeApproximately(expectedAty[j], 1e-13 * (1 + Math.Abs(expectedAty[j])));
            }
        }

        var block = new double[2 * rows];
        ((ILinearOperator)csr).MultiplyBlock([.. x, .. x], block, 2);
        block.AsSpan(0, rows).ToArray().Should().Equal(block.AsSpan(rows, rows).ToArray());
    }

    [Fact]
    public void Parallel_products_equal_the_sequential_fixed_order_row_sums_bit_for_bit()
    {
        var a = (CsrMatrix)LinearOperator.FromMatrix(SparseTestMatrices.Random(9000, 4000, 0.003, seed: 9));
        var x = Vector<double>.Build.Random(4000, 5).ToArray();
        var first = new double[9000];
        a.Multiply(x, first);
        var sequential = new double[9000];
        for (var i = 0; i < 9000; i++)
        {
            var sum = 0.0;
            var lanes = new double[4];
            var (start, end) = (a.RowPointers[i], a.RowPointers[i + 1]);
            var p = start;
            for (; p + 4 <= end; p += 4)
            {
                for (var l = 0; l < 4; l++)
                {
                    lanes[l] += a.Values[p + l] * x[a.ColumnIndices[p + l]];
                }
            }

            sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
            for (; p < end; p++)
            {
                sum += a.Values[p] * x[a.ColumnIndices[p]];
            }

            sequential[i] = sum;
        }

        first.Should().Equal(sequential, "each row is summed in one fixed order whatever the core count");
    }

    [Fact]
    public void Coordinates_are_sorted_duplicates_summed_and_bad_input_named()
    {
        var csr = CsrMatrix.FromCoordinates(3, 3, [2, 0, 2, 0], [1, 2, 1, 0], [1.0, 2.0, 3.0, 4.0]);
        csr.RowPointers.ToArray().Should().Equal(0, 2, 2, 3);
        csr.ColumnIndices.ToArray().Should().Equal(0, 2, 1);
        csr.Values.ToArray().Should().Equal(4.0, 2.0, 4.0);
        csr.Transpose().Transpose().Should().BeSameAs(csr);
        ((Action)(() => CsrMatrix.FromCoordinates(2, 2, [2], [0], [1.0]))).Should().Throw<InvalidSpectralInputException>().WithMessage("*outside*");
        ((Action)(() => CsrMatrix.FromCoordinates(2, 2, [1], [0], [double.NaN]))).Should().Throw<NonFiniteInputException>();
        ((Action)(() => new CsrMatrix(2, 2, [0, 2, 1], [0, 1], [1.0, 1.0]))).Should().Throw<InvalidSpectralInputException>();
        ((Action)(() => new CsrMatrix(1, 2, [0, 2], [1, 0], [1.0, 1.0]))).Should().Throw<InvalidSpectralInputException>().WithMessage("*increasing*");
        var y = new double[3];
        ((Action)(() => csr.Multiply(new double[2], y))).Should().Throw<DimensionMismatchException>();
    }
}
