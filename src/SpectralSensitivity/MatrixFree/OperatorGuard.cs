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

    /// <summary>Source and destination hold at least <paramref name="count"/> vectors of the operator's (or its transpose's) input and output lengths.</summary>
    public static void RequireBlockLengths(ILinearOperator a, int source, int destination, int count, bool transpose)
    {
        var (inLength, outLength) = transpose ? (a.RowCount, a.ColumnCount) : (a.ColumnCount, a.RowCount);
        if (source < (long)inLength * count || destination < (long)outLength * count)
        {
            var product = transpose ? "A^T Y" : "A X";
            throw new DimensionMismatchException(
                $"{product} of {count} vectors with a {a.RowCount} x {a.ColumnCount} operator needs an input of at least {(long)inLength * count} and an output of at least {(long)outLength * count} entries, got {source} and {destination}");
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

    /// <summary>Checks <c>yᵀ(A x) = xᵀ(A y)</c> for two fixed pseudo-random vectors, to rounding (<c>16 √n ε ‖A x‖ ‖y‖</c>).</summary>
    public static void RequireSymmetric(ILinearOperator a, string name)
    {
        var n = a.RowCount;
        var (x, y, ax, ay) = (new double[n], new double[n], new double[n], new double[n]);
        Krylov.StartVector.Fill(x, 101);
        Krylov.StartVector.Fill(y, 102);
        a.Multiply(x, ax);
        a.Multiply(y, ay);
        var asymmetry = Math.Abs(VectorMath.Dot(y, ax) - VectorMath.Dot(x, ay));
        var scale = (VectorMath.Norm(ax) * VectorMath.Norm(y)) + (VectorMath.Norm(ay) * VectorMath.Norm(x));
        if (asymmetry > 16 * Math.Sqrt(n) * 2.220446049250313e-16 * scale)
        {
            throw new InvalidSpectralInputException($"{name} is not symmetric: y^T ({name} x) - x^T ({name} y) = {asymmetry:G3} for two test vectors (relative {asymmetry / scale:G3})");
        }
    }
}
