using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;
using SpectralSensitivity.MatrixFree;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>
/// Loads the matrix named by an option through <see cref="MatrixFile"/>, with errors that name the option; or, for a
/// placeholder registered by <c>serve</c>, the matrix given inline in the request.
/// </summary>
internal sealed class MatrixInput
{
    private readonly Dictionary<string, Matrix<double>> _inline = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="matrix"/>, given inline for <paramref name="option"/>, and returns the placeholder to pass as its path.</summary>
    /// <remarks>The placeholder starts with a NUL character, which no file path contains, so it cannot shadow a file.</remarks>
    public string Register(string option, Matrix<double> matrix)
    {
        var placeholder = $"\0inline {option}";
        _inline[placeholder] = matrix;
        return placeholder;
    }

    /// <summary>How a report names the input: the file name, or "the request (inline)" for an inline matrix.</summary>
    public string Describe(string path) => _inline.ContainsKey(path) ? "the request (inline)" : Path.GetFileName(path);

    /// <summary>m·n of a Matrix Market coordinate file, from its banner and size line only; null for anything else (other formats, inline matrices, unreadable headers).</summary>
    public long? SparseEntries(string path)
    {
        if (_inline.ContainsKey(path) || !IsMatrixMarket(path) || !File.Exists(path))
        {
            return null;
        }

        using var reader = new StreamReader(path);
        if (reader.ReadLine() is not { } banner || !banner.Contains("coordinate", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? line;
        while ((line = reader.ReadLine()) is not null && (line.StartsWith('%') || string.IsNullOrWhiteSpace(line)))
        {
        }

        var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 2 } && long.TryParse(fields[0], System.Globalization.CultureInfo.InvariantCulture, out var m) && long.TryParse(fields[1], System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? m * n
            : null;
    }

    /// <summary>Reads <paramref name="path"/> as an operator: a Matrix Market file straight into compressed sparse rows (memory O(nnz), no dense copy),
    /// anything else (and an inline matrix) as the dense matrix <see cref="Load"/> reads.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidSpectralInputException">The file is malformed.</exception>
    public ILinearOperator LoadOperator(string path, string option)
    {
        if (_inline.ContainsKey(path) || !IsMatrixMarket(path))
        {
            return LinearOperator.FromMatrix(Load(path, option));
        }

        Load(path, option, probeOnly: true);
        try
        {
            return MatrixFile.ReadSparse(path);
        }
        catch (InvalidSpectralInputException e)
        {
            throw new InvalidSpectralInputException($"{option}: {e.Message}", e);
        }
    }

    /// <summary>Reads <paramref name="path"/> (given to <paramref name="option"/>): .npy, .npz, .csv/.tsv/.txt or .mtx; or an inline matrix's placeholder.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UsageException">The path is empty or names a folder.</exception>
    /// <exception cref="InvalidSpectralInputException">The file is malformed (the message names the file and the place).</exception>
    public Matrix<double> Load(string path, string option) => Load(path, option, probeOnly: false)!;

    private static bool IsMatrixMarket(string path) => string.Equals(Path.GetExtension(path), ".mtx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the path (empty, folder, missing) and, unless <paramref name="probeOnly"/>, reads the dense matrix.</summary>
    private Matrix<double>? Load(string path, string option, bool probeOnly)
    {
        if (_inline.TryGetValue(path, out var given))
        {
            return given;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException($"{option}: the path is empty");
        }

        var file = MatrixFile.SplitArrayName(path).FilePath;
        if (Directory.Exists(file))
        {
            throw new UsageException($"{option}: '{path}' is a folder, not a matrix file");
        }

        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{option}: file '{file}' does not exist", file);
        }

        if (probeOnly)
        {
            return null;
        }

        try
        {
            return MatrixFile.Read(path);
        }
        catch (InvalidSpectralInputException e)
        {
            throw new InvalidSpectralInputException($"{option}: {e.Message}", e);
        }
    }
}
