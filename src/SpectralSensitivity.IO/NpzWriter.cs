using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>Writes named arrays into a NumPy <c>.npz</c> archive, which <c>np.load</c> opens as a mapping from names to arrays.</summary>
/// <remarks>
/// Each array is a member <c>name.npy</c> written as <see cref="MatrixFile"/> writes <c>.npy</c> files (version 1.0,
/// float64, C order): a matrix as a 2-D array, a vector as a 1-D array, a stack of equally shaped matrices as a 3-D
/// array. Member timestamps are fixed (1980-01-01), so the same arrays always give the same bytes. The archive is
/// complete when the writer is disposed.
/// <code>
/// using (var npz = new NpzWriter(stream))
/// {
///     npz.Add("u", svd.LeftVectors);
///     npz.Add("s", svd.SingularValues);
/// }
/// </code>
/// </remarks>
public sealed class NpzWriter : IDisposable
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive _archive;
    private readonly CompressionLevel _level;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Starts an archive on <paramref name="stream"/>, which stays open after <see cref="Dispose"/>.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="compression">Stored (as <c>np.savez</c>) or deflated (as <c>np.savez_compressed</c>).</param>
    public NpzWriter(Stream stream, NpzCompression compression = NpzCompression.Stored)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        _level = compression == NpzCompression.Deflated ? CompressionLevel.Optimal : CompressionLevel.NoCompression;
    }

    /// <summary>Adds <paramref name="matrix"/> as the 2-D array <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty, contains '/' or is already used.</exception>
    public void Add(string name, Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        AddMember(name, stream => NpyWriter.Write(stream, matrix));
    }

    /// <summary>Adds <paramref name="vector"/> as the 1-D array <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty, contains '/' or is already used.</exception>
    public void Add(string name, Vector<double> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        AddMember(name, stream => NpyWriter.Write(stream, vector));
    }

    /// <summary>Adds <paramref name="stack"/> (matrices of one shape) as the 3-D array <paramref name="name"/>, the stack index first.</summary>
    /// <exception cref="ArgumentException">The name is invalid or used, or the stack is empty or mixes shapes.</exception>
    public void Add(string name, IReadOnlyList<Matrix<double>> stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        NpyWriter.CheckStack(stack);
        AddMember(name, stream => NpyWriter.WriteStack(stream, stack));
    }

    /// <summary>Completes the archive (writes its central directory).</summary>
    public void Dispose() => _archive.Dispose();

    private void AddMember(string name, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/') || !_names.Add(name))
        {
            throw new ArgumentException($"array name '{name}' contains '/' or is already in the archive", nameof(name));
        }

        var entry = _archive.CreateEntry(name + ".npy", _level);
        entry.LastWriteTime = FixedTime;
        using var member = entry.Open();
        write(member);
    }
}
