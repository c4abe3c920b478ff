using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;

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

    /// <summary>Reads <paramref name="path"/> (given to <paramref name="option"/>): .npy, .npz, .csv/.tsv/.txt or .mtx; or an inline matrix's placeholder.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UsageException">The path is empty or names a folder.</exception>
    /// <exception cref="InvalidSpectralInputException">The file is malformed (the message names the file and the place).</exception>
    public Matrix<double> Load(string path, string option)
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
