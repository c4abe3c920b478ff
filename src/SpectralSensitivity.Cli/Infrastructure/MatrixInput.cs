using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Cli.Input;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Loads the matrix named by an option, with errors that name the option and the file.</summary>
internal static class MatrixInput
{
    /// <summary>Reads <paramref name="path"/> (given to <paramref name="option"/>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidSpectralInputException">The file is malformed.</exception>
    public static Matrix<double> Load(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{option}: file '{path}' does not exist", path);
        }

        try
        {
            return InterimMatrixReader.Read(path);
        }
        catch (InvalidSpectralInputException e)
        {
            throw new InvalidSpectralInputException($"{option} '{path}': {e.Message}", e);
        }
    }
}
