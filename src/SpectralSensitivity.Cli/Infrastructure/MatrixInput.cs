using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Loads the matrix named by an option through <see cref="MatrixFile"/>, with errors that name the option.</summary>
internal static class MatrixInput
{
    /// <summary>Reads <paramref name="path"/> (given to <paramref name="option"/>): .npy, .csv/.tsv/.txt or .mtx.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UsageException">The path is empty or names a folder.</exception>
    /// <exception cref="InvalidSpectralInputException">The file is malformed (the message names the file and the place).</exception>
    public static Matrix<double> Load(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException($"{option}: the path is empty");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"{option}: '{path}' is a folder, not a matrix file");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{option}: file '{path}' does not exist", path);
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
