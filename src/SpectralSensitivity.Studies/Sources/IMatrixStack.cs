using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Studies.Sources;

/// <summary>A sequence of equally shaped matrices read on demand (a 3-D <c>.npy</c>, a folder of matrix files, …).</summary>
public interface IMatrixStack
{
    /// <summary>A short name for results (the file or folder name).</summary>
    string Name { get; }

    /// <summary>A description that changes when the contents would (names, sizes, modification times).</summary>
    string Fingerprint { get; }

    /// <summary>The number of matrices.</summary>
    int Count { get; }

    /// <summary>Rows of every matrix.</summary>
    int Rows { get; }

    /// <summary>Columns of every matrix.</summary>
    int Columns { get; }

    /// <summary>Reads matrix <paramref name="index"/> (0-based); safe to call from several threads at once.</summary>
    Matrix<double> Read(int index);
}
