using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Storage;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Spectrum;

/// <summary>
/// The perturbation recursion for every requested eigenvalue at once, in coordinates where the operator is diagonal:
/// one column per eigenvalue, each order a few matrix–matrix products and one fused elementwise pass.
/// </summary>
/// <remarks>
/// <para>Column c runs Kato's recursion for its own eigenvalue λ_c along <c>T + Σ_β t^β T_β</c>, with the intermediate
/// normalisation <c>w₀ᵀ w_j = 0</c>:</para>
/// <para><c>λ_j = Σ_{β=1}^{min(j,L)} w₀ᵀ T_β w_{j−β}</c>, <c>w_j = S_c(−Σ_β T_β w_{j−β} + Σ_{i=1}^{j−1} λ_i w_{j−i})</c>,</para>
/// <para>where the reduced resolvent <c>S_c</c> is diagonal in these coordinates, <c>1/(σ_row − λ_c)</c> off the eigenvector's
/// own row and 0 on it (Kato, Ch. II §2.2). The last order needs only the
/// eigenvector row of <c>T_β w_{N−β}</c>, so unless its vector is asked for it costs O(Rows K) instead of products.</para>
/// <para>Cost: per order below N, <see cref="CoordinateOperator.Apply"/> for each path term (for singular values: three
/// r × r × K products on a line) and one pass over the blocks; memory: the blocks of <c>w₁ … w_N</c>, O(N · blocks · r K).</para>
/// </remarks>
internal static class CoordinateRecursion
{
    /// <summary>Runs the recursion to order N in the operator's scaled units.</summary>
    /// <param name="op">The operator in coordinates.</param>
    /// <param name="order">N ≥ 1.</param>
    /// <param name="lastVector">Whether the blocks of <c>w_N</c> are wanted too (for eigenvector coefficients).</param>
    /// <returns><c>Values[j][c] = λ′_j</c> of column c (j = 0..N) and <c>Vectors[j]</c> the blocks of <c>w′_j</c> (j = 1..N; index 0
    /// and, without <paramref name="lastVector"/>, index N are null).</returns>
    /// <exception cref="SeriesOverflowException">A scaled coefficient is not finite: some requested value is too close to the rest of the spectrum for this order.</exception>
    public static (double[][] Values, Matrix<double>[]?[] Vectors) Run(CoordinateOperator op, int order, bool lastVector)
    {
        var columns = op.Columns;
        var values = new double[order + 1][];
        var vectors = new Matrix<double>[]?[order + 1];
        values[0] = (double[])op.ColumnEigenvalues.Clone();
        var product = op.CreateBlocks();
        for (var j = 1; j <= order; j++)
        {
            var value = new double[columns];
            var degree = Math.Min(j, op.PathDegree);
            if (j < order || lastVector)
            {
                foreach (var block in product)
                {
                    block.Clear();
                }

                for (var term = 1; term <= degree; term++)
                {
                    if (j == term)
                    {
                        op.ApplyToEigenvectors(term, product);              // T_β w₀
                    }
                    else
                    {
                        op.Apply(term, vectors[j - term]!, product);        // T_β w_{j−β}
                    }
                }

                var eigenBlock = Storage(product[0]);
                for (var c = 0; c < columns; c++)
                {
                    value[c] = eigenBlock[c * op.Rows + op.EigenvectorRows[c]]; // λ_j = w₀ᵀ Σ_β T_β w_{j−β}
                }

                values[j] = value;
                vectors[j] = Resolve(op, product, values, vectors, j);
            }
            else
            {
                for (var term = 1; term <= degree; term++)
                {
                    if (j == term)
                    {
                        op.AddDiagonal(term, value);
                    }
                    else
                    {
                        op.AddEigenvectorComponent(term, vectors[j - term]!, value);
                    }
                }

                values[j] = value;
            }

            if (!value.All(double.IsFinite))
            {
                throw new SeriesOverflowException(j);
            }
        }

        return (values, vectors);
    }

    /// <summary><c>w_j = S_c(−P + Σ_{i=1}^{j−1} λ_i w_{j−i})</c> column by column, in one fused vectorised pass per block.</summary>
    private static Matrix<double>[] Resolve(CoordinateOperator op, Matrix<double>[] product, double[][] values, Matrix<double>[]?[] vectors, int j)
    {
        var rows = op.Rows;
        var columns = op.Columns;
        var result = op.CreateBlocks();
        var parts = ColumnKernels.Parts(rows * product.Length, columns);
        var finite = new bool[parts];
        Parallel.For(0, parts, SpectralParallelism.Options(), part =>
        {
            var (first, end) = ColumnKernels.Range(columns, parts, part);
            var ok = true;
            for (var b = 0; b < product.Length; b++)
            {
                var source = Storage(product[b]);
                var destination = Storage(result[b]);
                var eigenvalues = op.RowEigenvalues[b];
                for (var c = first; c < end; c++)
                {
                    var column = destination.AsSpan(c * rows, rows);
                    ColumnKernels.Combine(-1.0, source.AsSpan(c * rows, rows), 0.0, column, column);       // −P
                    for (var i = 1; i < j; i++)
                    {
                        ColumnKernels.Axpy(values[i][c], Storage(vectors[j - i]![b]).AsSpan(c * rows, rows), column); // + λ_i w_{j−i}
                    }

                    DivideByShift(column, eigenvalues, op.ColumnEigenvalues[c]);                         // 1/(σ_row − λ_c)
                    if (b == 0)
                    {
                        column[op.EigenvectorRows[c]] = 0.0;                                                // S_c w₀ = 0
                    }

                    ok &= AllFinite(column);
                }
            }

            finite[part] = ok;
        });
        if (!finite.All(ok => ok))
        {
            throw new SeriesOverflowException(j);
        }

        return result;
    }

    /// <summary><c>x_i ← x_i / (σ_i − λ)</c>, vectorised.</summary>
    private static void DivideByShift(Span<double> x, ReadOnlySpan<double> sigma, double lambda)
    {
        var width = System.Numerics.Vector<double>.Count;
        var shift = new System.Numerics.Vector<double>(lambda);
        var i = 0;
        for (; i <= x.Length - width; i += width)
        {
            (new System.Numerics.Vector<double>(x.Slice(i, width)) / (new System.Numerics.Vector<double>(sigma.Slice(i, width)) - shift)).CopyTo(x.Slice(i, width));
        }

        for (; i < x.Length; i++)
        {
            x[i] /= sigma[i] - lambda;
        }
    }

    /// <summary>Whether every entry is finite (x·0 is 0 for finite x, NaN otherwise).</summary>
    internal static bool AllFinite(ReadOnlySpan<double> x)
    {
        var width = System.Numerics.Vector<double>.Count;
        var check = System.Numerics.Vector<double>.Zero;
        var i = 0;
        for (; i <= x.Length - width; i += width)
        {
            check += new System.Numerics.Vector<double>(x.Slice(i, width)) * System.Numerics.Vector<double>.Zero;
        }

        var sum = System.Numerics.Vector.Sum(check);
        for (; i < x.Length; i++)
        {
            sum += x[i] * 0.0;
        }

        return !double.IsNaN(sum);
    }

    /// <summary>The column-major storage of a dense matrix (no copy).</summary>
    internal static double[] Storage(Matrix<double> matrix) => ((DenseColumnMajorMatrixStorage<double>)matrix.Storage).Data;
}
