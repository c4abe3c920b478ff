using System.Numerics;

namespace SpectralSensitivity.IO;

/// <summary>Checks a declared matrix size against <see cref="MatrixReadOptions.MaxEntries"/> before anything is allocated.</summary>
internal static class MatrixShape
{
    /// <summary>Returns <c>rows * columns</c> when it is positive and within the limit; throws otherwise.</summary>
    /// <param name="source">The file path or stream name, for the message.</param>
    /// <param name="declaredBy">Who declares the size, e.g. "header" or "size line".</param>
    /// <param name="rows">Declared rows.</param>
    /// <param name="columns">Declared columns.</param>
    /// <param name="options">The limits.</param>
    /// <param name="line">The line of the declaration in a text file, if any.</param>
    public static int CheckedEntryCount(string source, string declaredBy, BigInteger rows, BigInteger columns, MatrixReadOptions options, long? line = null)
    {
        var entries = rows * columns;
        if (entries.IsZero)
        {
            throw new MatrixFileFormatException(source, $"{declaredBy} declares an empty {rows} x {columns} matrix; a matrix needs at least one row and one column", line);
        }

        if (entries > options.MaxEntries)
        {
            throw new MatrixFileFormatException(source, $"{declaredBy} declares {rows} x {columns} = {entries} entries, more than the limit of {options.MaxEntries} (MatrixReadOptions.MaxEntries)", line);
        }

        return (int)entries;
    }

    /// <summary>Returns <c>count * rows * columns</c> for a stack of <paramref name="count"/> matrices of <paramref name="rows"/> x <paramref name="columns"/> when it is non-empty and within the limits; throws otherwise.</summary>
    /// <param name="source">The file path or stream name, for the message.</param>
    /// <param name="declaredBy">Who declares the size, e.g. "the header".</param>
    /// <param name="count">Declared number of matrices.</param>
    /// <param name="rows">Declared rows of each.</param>
    /// <param name="columns">Declared columns of each.</param>
    /// <param name="options">The limits (<see cref="MatrixReadOptions.MaxEntries"/> for all entries together, <see cref="MatrixReadOptions.MaxMatrices"/>).</param>
    public static int CheckedStackEntryCount(string source, string declaredBy, BigInteger count, BigInteger rows, BigInteger columns, MatrixReadOptions options)
    {
        if (count.IsZero)
        {
            throw new MatrixFileFormatException(source, $"{declaredBy} declares a stack of 0 matrices of {rows} x {columns}; a stack needs at least one matrix");
        }

        if (count > options.MaxMatrices)
        {
            throw new MatrixFileFormatException(source, $"{declaredBy} declares a stack of {count} matrices, more than the limit of {options.MaxMatrices} (MatrixReadOptions.MaxMatrices)");
        }

        var each = CheckedEntryCount(source, declaredBy, rows, columns, options);
        var entries = count * each;
        if (entries > options.MaxEntries)
        {
            throw new MatrixFileFormatException(source, $"{declaredBy} declares {count} matrices of {rows} x {columns} = {entries} entries, more than the limit of {options.MaxEntries} (MatrixReadOptions.MaxEntries)");
        }

        return (int)entries;
    }

    /// <summary>Throws the error for a non-finite entry unless the options allow it.</summary>
    /// <param name="source">The file path or stream name, for the message.</param>
    /// <param name="value">The entry.</param>
    /// <param name="row">0-based row of the entry in the matrix.</param>
    /// <param name="column">0-based column of the entry in the matrix.</param>
    /// <param name="options">The policy.</param>
    /// <param name="line">The 1-based line in a text file, if any.</param>
    /// <param name="field">The 1-based field within the line, if any.</param>
    public static void CheckFinite(string source, double value, int row, int column, MatrixReadOptions options, long? line = null, int? field = null)
    {
        if (double.IsFinite(value) || options.AllowNonFinite)
        {
            return;
        }

        throw new MatrixFileFormatException(
            source,
            $"entry at row {row + 1}, column {column + 1} (1-based) is {NumberText.Format(value)}; non-finite entries are rejected (library option: MatrixReadOptions.AllowNonFinite)",
            line,
            field);
    }

    /// <summary>Checks every entry of column-major <paramref name="storage"/> with <see cref="CheckFinite"/>.</summary>
    /// <param name="source">The file path or stream name, for the message.</param>
    /// <param name="storage">Column-major entries.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="options">The policy.</param>
    public static void CheckAllFinite(string source, double[] storage, int rows, MatrixReadOptions options)
    {
        if (options.AllowNonFinite)
        {
            return;
        }

        var firstBad = Array.FindIndex(storage, v => !double.IsFinite(v));
        if (firstBad >= 0)
        {
            CheckFinite(source, storage[firstBad], firstBad % rows, firstBad / rows, options);
        }
    }
}
