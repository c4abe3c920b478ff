using SpectralSensitivity.Errors;

namespace SpectralSensitivity.MatrixFree;

/// <summary>Shape and length checks shared by every linear operator.</summary>
internal static class OperatorGuard
{
    /// <summary>Both dimensions at least 1.</summary>
    public static void RequireShape(int rows, int columns, string name)
    {
        if (rows < 1 || columns < 1)
        {
            throw new EmptyMatrixException(name, rows, columns);
        }
    }

    /// <summary>Source and destination lengths match the operator (or its transpose).</summary>
    public static void RequireLengths(ILinearOperator a, int source, int destination, bool transpose)
    {
        var (inLength, outLength) = transpose ? (a.RowCount, a.ColumnCount) : (a.ColumnCount, a.RowCount);
        if (source != inLength || destination != outLength)
        {
            var product = transpose ? "A^T y" : "A x";
            throw new DimensionMismatchException(
                $"{product} with a {a.RowCount} x {a.ColumnCount} operator needs an input of length {inLength} and an output of length {outLength}, got {source} and {destination}");
        }
    }

    /// <summary>Two operators have the same shape.</summary>
    public static void RequireSameShape(ILinearOperator a, ILinearOperator e, string name)
    {
        if (a.RowCount != e.RowCount || a.ColumnCount != e.ColumnCount)
        {
            throw new DimensionMismatchException(
                $"{name} is {e.RowCount} x {e.ColumnCount} but A is {a.RowCount} x {a.ColumnCount}; they must have the same shape");
        }
    }

    /// <summary>The operator is square (a symmetric eigenproblem).</summary>
    public static void RequireSquare(ILinearOperator a, string name)
    {
        if (a.RowCount != a.ColumnCount)
        {
            throw new DimensionMismatchException($"{name} must be square for a symmetric eigenproblem, but it is {a.RowCount} x {a.ColumnCount}");
        }
    }
}
