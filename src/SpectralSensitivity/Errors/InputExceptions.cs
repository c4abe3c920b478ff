namespace SpectralSensitivity.Errors;

/// <summary>A matrix or vector holds NaN or ±Infinity.</summary>
public sealed class NonFiniteInputException : InvalidSpectralInputException
{
    /// <summary>Creates the exception for the first non-finite entry found.</summary>
    /// <param name="name">What the matrix is called (e.g. "A", "direction E").</param>
    /// <param name="row">0-based row of the entry.</param>
    /// <param name="column">0-based column of the entry.</param>
    /// <param name="value">The entry itself.</param>
    public NonFiniteInputException(string name, int row, int column, double value)
        : base($"{name} has a non-finite entry {value} at row {row}, column {column} (0-based)")
    {
        Row = row;
        Column = column;
    }

    /// <summary>0-based row of the first non-finite entry.</summary>
    public int Row { get; }

    /// <summary>0-based column of the first non-finite entry.</summary>
    public int Column { get; }
}

/// <summary>Two operands have incompatible shapes (e.g. a direction E whose size differs from A's).</summary>
public sealed class DimensionMismatchException : InvalidSpectralInputException
{
    /// <summary>Creates the exception with a message that names both shapes.</summary>
    public DimensionMismatchException(string message) : base(message) { }
}

/// <summary>A matrix has no entries (zero rows or zero columns).</summary>
public sealed class EmptyMatrixException : InvalidSpectralInputException
{
    /// <summary>Creates the exception naming the empty operand.</summary>
    public EmptyMatrixException(string name, int rows, int columns)
        : base($"{name} is empty ({rows} x {columns}); it needs at least one row and one column") { }
}

/// <summary>A 1-based singular-value or eigenvalue index lies outside 1..count.</summary>
public sealed class SpectralIndexOutOfRangeException : InvalidSpectralInputException
{
    /// <summary>Creates the exception naming the index and the valid range.</summary>
    public SpectralIndexOutOfRangeException(int index, int count, string what)
        : base($"{what} index {index} is out of range: it must lie in 1..{count}")
    {
        Index = index;
        Count = count;
    }

    /// <summary>The offending 1-based index.</summary>
    public int Index { get; }

    /// <summary>The number of values there are.</summary>
    public int Count { get; }
}

/// <summary>A derivative order lies outside the range an algorithm supports.</summary>
public sealed class DerivativeOrderOutOfRangeException : InvalidSpectralInputException
{
    /// <summary>Creates the exception naming the order and the valid range.</summary>
    public DerivativeOrderOutOfRangeException(int order, int minimum, int maximum, string algorithm)
        : base($"order {order} is out of range for {algorithm}: it must lie in {minimum}..{maximum}")
    {
        Order = order;
    }

    /// <summary>The offending order.</summary>
    public int Order { get; }
}

/// <summary>A matrix that must be symmetric is not, within tolerance.</summary>
public sealed class NotSymmetricException : InvalidSpectralInputException
{
    /// <summary>Creates the exception naming the worst asymmetric pair.</summary>
    public NotSymmetricException(string name, int row, int column, double asymmetry)
        : base($"{name} is not symmetric: |{name}[{row},{column}] - {name}[{column},{row}]| = {asymmetry:G3}") { }
}
