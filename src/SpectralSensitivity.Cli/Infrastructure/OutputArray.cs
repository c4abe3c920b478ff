using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>One named array a command writes with <c>--output</c>: a member of an <c>.npz</c> archive, or the whole file in another format.</summary>
/// <param name="Name">The member name in an <c>.npz</c> archive (the JSON field's name).</param>
/// <param name="AddTo">Adds the array to an archive (a vector as 1-D, a matrix as 2-D, a stack as 3-D).</param>
/// <param name="WriteAlone">Writes the array as the only content of a file of the given format.</param>
internal sealed record OutputArray(string Name, Action<NpzWriter> AddTo, Action<Stream, MatrixFileFormat> WriteAlone)
{
    /// <summary>A matrix, 2-D.</summary>
    public static OutputArray Of(string name, Matrix<double> matrix) =>
        new(name, npz => npz.Add(name, matrix), (stream, format) => MatrixFile.Write(stream, matrix, format));

    /// <summary>A vector: 1-D in <c>.npy</c>/<c>.npz</c>, a column in text formats.</summary>
    public static OutputArray Of(string name, Vector<double> vector) =>
        new(name, npz => npz.Add(name, vector), (stream, format) => MatrixFile.Write(stream, vector, format));

    /// <summary>Vectors of one length as the rows of a matrix (e.g. Taylor coefficients of a singular vector, row j the coefficient of t^j).</summary>
    public static OutputArray OfRows(string name, IReadOnlyList<Vector<double>> rows) => Of(name, Matrix<double>.Build.DenseOfRowVectors(rows));

    /// <summary>Matrices of one shape, 3-D with the stack index first (<c>.npy</c> and <c>.npz</c> only), computed only when written.</summary>
    public static OutputArray Of(string name, Func<IReadOnlyList<Matrix<double>>> stack) =>
        new(name, npz => npz.Add(name, stack()), (stream, format) => MatrixFile.WriteStack(stream, stack(), format));
}
