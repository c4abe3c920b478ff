using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;
using SpectralSensitivity.Studies.Sources;

namespace SpectralSensitivity.Studies.Storage;

/// <summary>A folder of matrix files (<c>.npy</c>, <c>.csv</c>, <c>.mtx</c>), in ordinal order of their names, all of one shape.</summary>
/// <remarks>The first file fixes the shape; a file of another shape is an error when it is read. Cost: one file read per matrix.</remarks>
public sealed class MatrixFolder : IMatrixStack
{
    private static readonly string[] Extensions = [".npy", ".csv", ".mtx"];
    private readonly string[] _files;

    private MatrixFolder(string path, string[] files, int rows, int columns)
    {
        Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        _files = files;
        Rows = rows;
        Columns = columns;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Fingerprint => string.Join(' ', _files.Select(f => new FileInfo(f)).Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc:O}"));

    /// <inheritdoc />
    public int Count => _files.Length;

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public int Columns { get; }

    /// <summary>Lists the matrix files of <paramref name="path"/> and reads the first one's shape.</summary>
    /// <exception cref="InvalidSpectralInputException">The folder has no matrix files.</exception>
    public static MatrixFolder Open(string path)
    {
        var files = Directory.EnumerateFiles(path)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new InvalidSpectralInputException($"{path} holds no matrix files ({string.Join(", ", Extensions)})");
        }

        var first = MatrixFile.Read(files[0]);
        return new MatrixFolder(path, files, first.RowCount, first.ColumnCount);
    }

    /// <inheritdoc />
    public Matrix<double> Read(int index)
    {
        var matrix = MatrixFile.Read(_files[index]);
        if (matrix.RowCount != Rows || matrix.ColumnCount != Columns)
        {
            throw new DimensionMismatchException($"{_files[index]} is {matrix.RowCount} x {matrix.ColumnCount}; the study's matrices are {Rows} x {Columns} (from {Path.GetFileName(_files[0])})");
        }

        return matrix;
    }
}
