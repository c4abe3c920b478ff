using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>Reads a MatrixMarket file into a dense column-major array (memory 8 m n bytes, limited by <see cref="MatrixReadOptions.MaxEntries"/>).</summary>
internal sealed class DenseMatrixMarketTarget : MatrixMarketTarget
{
    private double[] storage = [];
    private int rows;
    private int columns;

    /// <summary>The matrix read.</summary>
    public Matrix<double> Result => Matrix<double>.Build.Dense(rows, columns, storage);

    /// <inheritdoc/>
    public override void Allocate(string source, long rows, long columns, long? entries, MatrixReadOptions options, long line)
    {
        storage = new double[MatrixShape.CheckedEntryCount(source, "the size line", rows, columns, options, line)];
        (this.rows, this.columns) = ((int)rows, (int)columns);
    }

    /// <inheritdoc/>
    public override void Set(int i, int j, double value) => storage[i + ((long)j * rows)] = value;

    /// <inheritdoc/>
    public override void Add(int i, int j, double value) => storage[i + ((long)j * rows)] += value;   // coordinate duplicates are summed

    /// <inheritdoc/>
    public override void Complete(string source, MatrixMarketSymmetry symmetry, MatrixReadOptions options)
    {
        if (symmetry != MatrixMarketSymmetry.General)
        {
            var skew = symmetry == MatrixMarketSymmetry.SkewSymmetric;
            for (var j = 0; j < columns; j++)
            {
                for (var i = j + 1; i < rows; i++)
                {
                    var lower = storage[i + ((long)j * rows)];
                    storage[j + ((long)i * rows)] = skew ? 0.0 - lower : lower;
                }
            }
        }

        MatrixShape.CheckAllFinite(source, storage, rows, options);
    }
}
