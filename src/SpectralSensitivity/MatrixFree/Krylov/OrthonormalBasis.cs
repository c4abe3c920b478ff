using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.MatrixFree.Krylov;

/// <summary>Up to <c>capacity</c> orthonormal columns of length <c>dimension</c>, stored column after column, with
/// classical Gram–Schmidt applied twice ("twice is enough", Giraud, Langou, Rozložník, Numer. Math. 101 (2005)).</summary>
/// <remarks>
/// Projections are computed over a fixed partition of rows (<see cref="RowBlocks"/>) whose partial dot products are
/// added in block order, so the result does not depend on the number of cores. Cost per projection against c columns:
/// 4 c · dimension flops (two sweeps, three passes over the columns). Memory: 8 · dimension · capacity bytes.
/// </remarks>
internal sealed class OrthonormalBasis
{
    private readonly double[] _columns;

    public OrthonormalBasis(int dimension, int capacity)
    {
        Dimension = dimension;
        Capacity = capacity;
        _columns = new double[(long)dimension * capacity];
    }

    public int Dimension { get; }

    public int Capacity { get; }

    /// <summary>The number of columns held.</summary>
    public int Count { get; private set; }

    public Span<double> Column(int index) => _columns.AsSpan(index * Dimension, Dimension);

    /// <summary>Appends <c>x / norm</c> as the next column.</summary>
    public void Append(ReadOnlySpan<double> x, double norm)
    {
        var column = Column(Count++);
        for (var i = 0; i < Dimension; i++)
        {
            column[i] = x[i] / norm;
        }
    }

    /// <summary>Drops every column from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = count;

    /// <summary><c>x ← (I − Q_c Q_cᵀ)² x</c> with <c>Q_c</c> the first <paramref name="count"/> columns; the total coefficients <c>Q_cᵀ x</c> (both passes) go to <paramref name="coefficients"/>.</summary>
    /// <remarks>Three passes over <c>Q_c</c> rather than four: the first sweep's subtraction and the second sweep's
    /// coefficients run block by block in one pass, while the block of Q is in cache (the same operations in the same
    /// order as two separate sweeps, so the same bits).</remarks>
    public void Orthogonalize(double[] x, int count, Span<double> coefficients)
    {
        var first = new double[count];
        var second = new double[count];
        ProjectionCoefficients(x, count, first);                       // h₁ = Q_cᵀ x
        SubtractThenProject(x, count, first, second);                  // x −= Q_c h₁, then h₂ = Q_cᵀ x
        SubtractCombination(x, count, second);                         // x −= Q_c h₂
        for (var i = 0; i < count; i++)
        {
            coefficients[i] = first[i] + second[i];
        }
    }

    /// <summary><c>x ← (I − Q Qᵀ) x</c> over all columns, one pass (for vectors already nearly orthogonal to Q).</summary>
    public void ProjectOut(double[] x, double[] scratch)
    {
        ProjectionCoefficients(x, Count, scratch);
        SubtractCombination(x, Count, scratch);
    }

    /// <summary>Replaces the first <paramref name="keep"/> columns by <c>Q Y[:, 0..keep−1]</c> (Q the first <c>Y.RowCount</c> columns) and truncates to them.</summary>
    /// <remarks>The thick restart: Ritz vectors from the small matrix's singular or eigen vectors Y. Cost 2 · dimension · rows(Y) · keep.</remarks>
    public void Rotate(Matrix<double> y, int keep)
    {
        var used = y.RowCount;
        var columns = _columns;
        var dimension = Dimension;
        var weights = y.ToColumnMajorArray();
        RowBlocks.Run(dimension, (long)dimension * used * keep, (first, end) =>
        {
            var length = end - first;
            var rotated = new double[length * keep];
            for (var c = 0; c < keep; c++)
            {
                var target = rotated.AsSpan(c * length, length);
                for (var i = 0; i < used; i++)
                {
                    VectorMath.Axpy(weights[i + (c * used)], columns.AsSpan((i * dimension) + first, length), target);   // Σ_i Y[i, c] q_i
                }
            }

            for (var c = 0; c < keep; c++)
            {
                rotated.AsSpan(c * length, length).CopyTo(columns.AsSpan((c * dimension) + first, length));
            }
        });
        Count = keep;
    }

    /// <summary><c>y = Q_c z</c> for the first <c>z.Length</c> columns.</summary>
    public void Combine(ReadOnlySpan<double> z, Span<double> y)
    {
        y.Clear();
        for (var i = 0; i < z.Length; i++)
        {
            VectorMath.Axpy(z[i], Column(i), y);
        }
    }

    private void ProjectionCoefficients(double[] x, int count, double[] h) => SubtractThenProject(x, count, null, h);

    /// <summary>Block by block: <c>x −= Q_c s</c> on the block (when <paramref name="subtract"/> is given), then the
    /// block's partial sums of <c>h = Q_cᵀ x</c>, added in block order.</summary>
    private void SubtractThenProject(double[] x, int count, double[]? subtract, double[] h)
    {
        var dimension = Dimension;
        var blocks = RowBlocks.BlockCount(dimension);
        var partial = new double[blocks * count];
        var columns = _columns;
        RowBlocks.Run(dimension, (long)dimension * count, (first, end) =>
        {
            var b = first / RowBlocks.BlockSize;
            var part = x.AsSpan(first, end - first);
            if (subtract is not null)
            {
                for (var i = 0; i < count; i++)
                {
                    VectorMath.Axpy(-subtract[i], columns.AsSpan((i * dimension) + first, end - first), part);
                }
            }

            for (var i = 0; i < count; i++)
            {
                partial[(b * count) + i] = VectorMath.Dot(columns.AsSpan((i * dimension) + first, end - first), part);
            }
        });
        Array.Clear(h);
        for (var b = 0; b < blocks; b++)
        {
            for (var i = 0; i < count; i++)
            {
                h[i] += partial[(b * count) + i];                      // block partial sums added in block order
            }
        }
    }

    private void SubtractCombination(double[] x, int count, double[] h)
    {
        var dimension = Dimension;
        var columns = _columns;
        RowBlocks.Run(dimension, (long)dimension * count, (first, end) =>
        {
            var part = x.AsSpan(first, end - first);
            for (var i = 0; i < count; i++)
            {
                VectorMath.Axpy(-h[i], columns.AsSpan((i * dimension) + first, end - first), part);
            }
        });
    }
}
