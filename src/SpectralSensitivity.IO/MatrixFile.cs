using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>Reads and writes matrices as <c>.npy</c>, <c>.csv</c> and MatrixMarket <c>.mtx</c> files.</summary>
/// <remarks>
/// The format follows the file extension (case-insensitive): <c>.npy</c>; <c>.csv</c>, <c>.tsv</c> and <c>.txt</c>
/// (delimited text, delimiter detected); <c>.mtx</c>. The stream overloads take the format explicitly. Every
/// problem with a file's content raises <see cref="MatrixFileFormatException"/>; a file that cannot be opened or
/// an unknown extension raises <see cref="MatrixFileException"/>. Both derive from
/// <see cref="Errors.InvalidSpectralInputException"/>. See <c>docs/file-formats.md</c>.
/// </remarks>
public static class MatrixFile
{
    private const string StreamSourceName = "<stream>";

    /// <summary>Reads the matrix in the file at <paramref name="path"/>, in the format its extension names.</summary>
    /// <param name="path">The file path; it names the file in error messages.</param>
    /// <param name="options">Limits and policies; <see cref="MatrixReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="MatrixFileException">The extension is unknown or the file cannot be opened.</exception>
    /// <exception cref="MatrixFileFormatException">The content is malformed, too large, unsupported or non-finite.</exception>
    public static Matrix<double> Read(string path, MatrixReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = FormatFromPath(path);
        using var stream = Open(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536));
        return Read(stream, format, options, path);
    }

    /// <summary>Reads a matrix from <paramref name="stream"/>, which holds exactly one file of <paramref name="format"/>.</summary>
    /// <param name="stream">The input, read to its end and left open.</param>
    /// <param name="format">The format of the content.</param>
    /// <param name="options">Limits and policies; <see cref="MatrixReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="sourceName">The name error messages give the input, e.g. a file name; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="MatrixFileFormatException">The content is malformed, too large, unsupported or non-finite.</exception>
    public static Matrix<double> Read(Stream stream, MatrixFileFormat format, MatrixReadOptions? options = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = sourceName ?? StreamSourceName;
        var effective = options ?? MatrixReadOptions.Default;
        return format switch
        {
            MatrixFileFormat.Npy => NpyReader.Read(stream, source, effective),
            MatrixFileFormat.Csv => CsvReader.Read(stream, source, effective),
            MatrixFileFormat.MatrixMarket => MatrixMarketReader.Read(stream, source, effective),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown matrix file format"),
        };
    }

    /// <summary>Writes <paramref name="matrix"/> to the file at <paramref name="path"/>, in the format its extension names, replacing any file there.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="matrix">The matrix.</param>
    /// <exception cref="MatrixFileException">The extension is unknown or the file cannot be created.</exception>
    public static void Write(string path, Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(matrix);
        var format = FormatFromPath(path);
        using var stream = Open(path, () => new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 65536));
        Write(stream, matrix, format);
    }

    /// <summary>Writes <paramref name="matrix"/> to <paramref name="stream"/> in <paramref name="format"/>.</summary>
    /// <param name="stream">The output, left open.</param>
    /// <param name="matrix">The matrix.</param>
    /// <param name="format">The format: <c>.npy</c> is version 1.0, float64, C order; <c>.csv</c> is comma separated without header;
    /// <c>.mtx</c> is <c>array real general</c>. Numbers are written so that reading them back is exact.</param>
    public static void Write(Stream stream, Matrix<double> matrix, MatrixFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(matrix);
        switch (format)
        {
            case MatrixFileFormat.Npy:
                NpyWriter.Write(stream, matrix);
                break;
            case MatrixFileFormat.Csv:
                CsvWriter.Write(stream, matrix);
                break;
            case MatrixFileFormat.MatrixMarket:
                MatrixMarketWriter.Write(stream, matrix);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown matrix file format");
        }
    }

    /// <summary>The format a file extension names: <c>.npy</c>; <c>.csv</c>, <c>.tsv</c>, <c>.txt</c>; <c>.mtx</c> (case-insensitive).</summary>
    /// <param name="path">A file path or name.</param>
    /// <returns>The format.</returns>
    /// <exception cref="MatrixFileException">The extension is none of these.</exception>
    public static MatrixFileFormat FormatFromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".npy" => MatrixFileFormat.Npy,
            ".csv" or ".tsv" or ".txt" => MatrixFileFormat.Csv,
            ".mtx" => MatrixFileFormat.MatrixMarket,
            var other => throw new MatrixFileException(
                path,
                $"unknown matrix file extension {(other.Length == 0 ? "(none)" : NumberText.Quote(other))}; expected .npy, .csv, .tsv, .txt or .mtx"),
        };
    }

    private static FileStream Open(string path, Func<FileStream> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new MatrixFileException(path, $"cannot open the file: {e.Message}", e);
        }
    }
}
