using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Spectrum;

/// <summary>A symmetric matrix <c>T = Q diag(μ) Qᵀ</c> and its path terms in its eigenbasis: <c>T̂_β = Qᵀ T_β Q</c>.</summary>
/// <remarks>
/// One block, row i carrying <c>μ_i</c>; the reduced resolvent at <c>μ_k</c> is <c>1/(μ_i − μ_k)</c> off row k. Setup: two
/// n × n × n products per term; each order one n × n × K product per term.
/// </remarks>
internal sealed class EigenCoordinates : CoordinateOperator
{
    private readonly Matrix<double>[] _projected;   // T̂_β = Qᵀ T_β Q
    private readonly Matrix<double>[] _transposed;  // T̂_βᵀ (its columns are the rows of T̂_β)

    /// <summary>Builds the coordinates of every path term.</summary>
    /// <param name="vectors">Q, n × n orthogonal.</param>
    /// <param name="values">μ scaled by 2^−e.</param>
    /// <param name="terms">The scaled path terms <c>g_β T_β</c>.</param>
    /// <param name="indices">The requested 1-based indices k.</param>
    public EigenCoordinates(Matrix<double> vectors, double[] values, IReadOnlyList<Matrix<double>> terms, int[] indices)
    {
        Vectors = vectors;
        var n = values.Length;
        RowEigenvalues = [values];
        EigenvectorRows = indices.Select(k => k - 1).ToArray();
        ColumnEigenvalues = indices.Select(k => values[k - 1]).ToArray();
        _projected = new Matrix<double>[terms.Count];
        _transposed = new Matrix<double>[terms.Count];
        var half = Matrix<double>.Build.Dense(n, n);
        for (var beta = 0; beta < terms.Count; beta++)
        {
            Gemm.Run(1.0, terms[beta], false, vectors, false, 0.0, half);            // T_β Q
            _projected[beta] = Matrix<double>.Build.Dense(n, n);
            Gemm.Run(1.0, vectors, true, half, false, 0.0, _projected[beta]);        // T̂_β = Qᵀ (T_β Q)
            _transposed[beta] = _projected[beta].Transpose();
        }
    }

    /// <summary>Q.</summary>
    public Matrix<double> Vectors { get; }

    /// <inheritdoc/>
    public override int Rows => Vectors.RowCount;

    /// <inheritdoc/>
    public override double[][] RowEigenvalues { get; }

    /// <inheritdoc/>
    public override int[] EigenvectorRows { get; }

    /// <inheritdoc/>
    public override double[] ColumnEigenvalues { get; }

    /// <inheritdoc/>
    public override int PathDegree => _projected.Length;

    /// <inheritdoc/>
    public override void Apply(int term, Matrix<double>[] source, Matrix<double>[] destination) =>
        Gemm.Run(1.0, _projected[term - 1], false, source[0], false, 1.0, destination[0]); // += T̂_β c

    /// <inheritdoc/>
    public override void ApplyToEigenvectors(int term, Matrix<double>[] destination)
    {
        var projected = CoordinateRecursion.Storage(_projected[term - 1]);
        var d = CoordinateRecursion.Storage(destination[0]);
        for (var c = 0; c < Columns; c++)
        {
            ColumnKernels.Axpy(1.0, projected.AsSpan(EigenvectorRows[c] * Rows, Rows), d.AsSpan(c * Rows, Rows)); // += T̂_β e_k
        }
    }

    /// <inheritdoc/>
    public override void AddEigenvectorComponent(int term, Matrix<double>[] source, double[] values)
    {
        var transposed = CoordinateRecursion.Storage(_transposed[term - 1]);
        var s = CoordinateRecursion.Storage(source[0]);
        for (var c = 0; c < Columns; c++)
        {
            values[c] += ColumnKernels.Dot(transposed.AsSpan(EigenvectorRows[c] * Rows, Rows), s.AsSpan(c * Rows, Rows)); // e_kᵀ T̂_β c
        }
    }

    /// <inheritdoc/>
    public override void AddDiagonal(int term, double[] values)
    {
        for (var c = 0; c < Columns; c++)
        {
            values[c] += _projected[term - 1][EigenvectorRows[c], EigenvectorRows[c]];
        }
    }
}
