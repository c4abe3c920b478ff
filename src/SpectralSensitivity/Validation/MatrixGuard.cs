using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Operators;

namespace SpectralSensitivity.Validation;

/// <summary>Input checks shared by every entry point: they throw the typed exceptions of <see cref="Errors"/>.</summary>
internal static class MatrixGuard
{
    /// <summary>Throws unless <paramref name="matrix"/> is non-null, non-empty and finite.</summary>
    public static void RequireFinite(Matrix<double>? matrix, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.RowCount == 0 || matrix.ColumnCount == 0)
        {
            throw new EmptyMatrixException(name, matrix.RowCount, matrix.ColumnCount);
        }

        var values = ColumnKernels.Storage(matrix);
        for (var p = 0; p < values.Length; p++)
        {
            if (!double.IsFinite(values[p]))
            {
                throw new NonFiniteInputException(name, p % matrix.RowCount, p / matrix.RowCount, values[p]); // column-major
            }
        }
    }

    /// <summary>Throws unless <paramref name="matrix"/> is finite and has the given shape.</summary>
    public static void RequireShape(Matrix<double>? matrix, string name, int rows, int columns, string reference)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.RowCount != rows || matrix.ColumnCount != columns)
        {
            throw new DimensionMismatchException(
                $"{name} is {matrix.RowCount} x {matrix.ColumnCount} but {reference} is {rows} x {columns}; they must have the same shape");
        }

        RequireFinite(matrix, name);
    }

    /// <summary>Throws unless <paramref name="matrix"/> is square, finite and symmetric to <c>tolerance · max|entry|</c>.</summary>
    public static void RequireSymmetric(Matrix<double>? matrix, string name, double relativeTolerance)
    {
        RequireFinite(matrix, name);
        if (matrix!.RowCount != matrix.ColumnCount)
        {
            throw new DimensionMismatchException($"{name} is {matrix.RowCount} x {matrix.ColumnCount}; a symmetric matrix must be square");
        }

        var scale = double.Epsilon;                                             // the largest |entry|: never overflows, unlike a norm
        foreach (var entry in ColumnKernels.Storage(matrix))
        {
            scale = Math.Max(scale, Math.Abs(entry));
        }

        for (var j = 0; j < matrix.ColumnCount; j++)
        {
            for (var i = j + 1; i < matrix.RowCount; i++)
            {
                var asymmetry = Math.Abs(matrix.At(i, j) - matrix.At(j, i));
                if (asymmetry > relativeTolerance * scale)
                {
                    throw new NotSymmetricException(name, i, j, asymmetry);
                }
            }
        }
    }

    /// <summary>Throws unless 1 ≤ <paramref name="index"/> ≤ <paramref name="count"/>.</summary>
    public static void RequireIndex(int index, int count, string what)
    {
        if (index < 1 || index > count)
        {
            throw new SpectralIndexOutOfRangeException(index, count, what);
        }
    }

    /// <summary>Throws unless <paramref name="minimum"/> ≤ <paramref name="order"/> ≤ <paramref name="maximum"/>.</summary>
    public static void RequireOrder(int order, int minimum, int maximum, string algorithm)
    {
        if (order < minimum || order > maximum)
        {
            throw new DerivativeOrderOutOfRangeException(order, minimum, maximum, algorithm);
        }
    }
}
