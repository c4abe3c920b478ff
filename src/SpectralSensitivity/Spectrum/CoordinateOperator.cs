using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Spectrum;

/// <summary>
/// A symmetric operator <c>T</c> and its path terms <c>T_β</c> written in coordinates in which <c>T</c> is diagonal, one
/// column per requested eigenvalue: what <see cref="CoordinateRecursion"/> needs to expand all of them at once.
/// </summary>
/// <remarks>
/// <para>A vector is a list of coordinate blocks, each <c>Rows × K</c> (K the number of requested values); row i of block
/// b is the coefficient of a vector on which T acts as the number <see cref="RowEigenvalues"/>[b][i]. The reduced
/// resolvent at the eigenvalue <c>λ_c</c> of column c is then diagonal: <c>1/(σ_{b,i} − λ_c)</c>, except on the
/// eigenvector's own coordinate (row <see cref="EigenvectorRows"/>[c] of block 0), where it is 0.</para>
/// <para>Everything is in scaled units (the spectrum divided by <c>2^e</c>, each term multiplied by a power of two) so
/// that the numbers are of order one whatever the scale of the input.</para>
/// </remarks>
internal abstract class CoordinateOperator
{
    /// <summary>Rows of each block.</summary>
    public abstract int Rows { get; }

    /// <summary>The number of requested values K (columns of every block).</summary>
    public int Columns => EigenvectorRows.Length;

    /// <summary>For each block, the eigenvalue of T on each of its rows (scaled units).</summary>
    public abstract double[][] RowEigenvalues { get; }

    /// <summary>For each column, the row of block 0 that holds its eigenvector (<c>w₀</c> of column c is that unit coordinate).</summary>
    public abstract int[] EigenvectorRows { get; }

    /// <summary>For each column, its eigenvalue λ_c (scaled units).</summary>
    public abstract double[] ColumnEigenvalues { get; }

    /// <summary>The number of path terms L.</summary>
    public abstract int PathDegree { get; }

    /// <summary><c>destination += T_β source</c> for every column (a few matrix–matrix products).</summary>
    public abstract void Apply(int term, Matrix<double>[] source, Matrix<double>[] destination);

    /// <summary><c>destination += T_β w₀</c> for every column (w₀ the column's unit eigenvector coordinate): O(Rows K).</summary>
    public abstract void ApplyToEigenvectors(int term, Matrix<double>[] destination);

    /// <summary><c>values[c] += w₀ᵀ T_β source</c> for every column: only the eigenvector row of the product, O(Rows K).</summary>
    public abstract void AddEigenvectorComponent(int term, Matrix<double>[] source, double[] values);

    /// <summary><c>values[c] += w₀ᵀ T_β w₀</c> for every column: O(K).</summary>
    public abstract void AddDiagonal(int term, double[] values);

    /// <summary>A fresh set of zero blocks.</summary>
    public Matrix<double>[] CreateBlocks() => RowEigenvalues.Select(_ => Matrix<double>.Build.Dense(Rows, Columns)).ToArray();
}
