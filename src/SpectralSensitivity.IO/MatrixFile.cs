using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>Reads and writes matrices, and stacks of matrices, as <c>.npy</c>, <c>.npz</c>, <c>.csv</c> and MatrixMarket <c>.mtx</c> files.</summary>
/// <remarks>
/// The format follows the file extension (case-insensitive): <c>.npy</c>; <c>.npz</c>; <c>.csv</c>, <c>.tsv</c> and
/// <c>.txt</c> (delimited text, delimiter detected); <c>.mtx</c>. One array of an <c>.npz</c> archive is named by a
/// suffix: <c>data.npz:U</c> is the array <c>U</c> of <c>data.npz</c> (without a suffix, the archive must hold exactly one
/// array). The stream overloads take the format explicitly. Every problem with a file's content raises
/// <see cref="MatrixFileFormatException"/>; a file that cannot be opened or an unknown extension raises
/// <see cref="MatrixFileException"/>. Both derive from <see cref="Errors.InvalidSpectralInputException"/>; messages
/// name the file and the line, column or byte offset.
/// </remarks>
public static class MatrixFile
{
    private const string StreamSourceName = "<stream>";
    private const string ArchiveSuffix = ".npz:";

    /// <summary>Reads the matrix in the file at <paramref name="path"/>, in the format its extension names.</summary>
    /// <param name="path">The file path, optionally <c>archive.npz:name</c>; it names the file in error messages.</param>
    /// <param name="options">Limits and policies; <see cref="MatrixReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="MatrixFileException">The extension is unknown or the file cannot be opened.</exception>
    /// <exception cref="MatrixFileFormatException">The content is malformed, too large, unsupported or non-finite (a 3-D array included: see <see cref="ReadStack(string, MatrixReadOptions?)"/>).</exception>
    public static Matrix<double> Read(string path, MatrixReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (file, arrayName) = SplitArrayName(path);
        var format = FormatFromPath(file);
        using var stream = Open(file, () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 65536));
        return format == MatrixFileFormat.Npz
            ? NpzReader.Read(stream, file, options ?? MatrixReadOptions.Default, arrayName)
            : Read(stream, format, options, file);
    }

    /// <summary>Reads a matrix from <paramref name="stream"/>, which holds exactly one file of <paramref name="format"/>.</summary>
    /// <param name="stream">The input, read to its end and left open.</param>
    /// <param name="format">The format of the content (an <c>.npz</c> archive must hold exactly one array).</param>
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
            MatrixFileFormat.Npz => NpzReader.Read(stream, source, effective, arrayName: null),
            MatrixFileFormat.Csv => CsvReader.Read(stream, source, effective),
            MatrixFileFormat.MatrixMarket => MatrixMarketReader.Read(stream, source, effective),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown matrix file format"),
        };
    }

    /// <summary>Reads the file at <paramref name="path"/> as a batch of matrices.</summary>
    /// <remarks>
    /// A 3-D <c>.npy</c> array of shape <c>(p, m, n)</c> is p matrices of m x n, in the order of its first axis. An
    /// <c>.npz</c> archive gives the named array (<c>data.npz:name</c>; a 3-D array is its slices), its only array, or
    /// else each of its arrays as one matrix in the archive's order (<c>np.savez(f, *matrices)</c>; shapes may differ).
    /// Any other file, and a 1-D or 2-D array, is a batch of one. <see cref="MatrixReadOptions.MaxEntries"/> bounds the
    /// entries of the whole batch and <see cref="MatrixReadOptions.MaxMatrices"/> its length, both checked before allocating.
    /// </remarks>
    /// <param name="path">The file path, optionally <c>archive.npz:name</c>.</param>
    /// <param name="options">Limits and policies; <see cref="MatrixReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The matrices, at least one.</returns>
    /// <exception cref="MatrixFileException">The extension is unknown or the file cannot be opened.</exception>
    /// <exception cref="MatrixFileFormatException">The content is malformed, too large, unsupported or non-finite.</exception>
    public static IReadOnlyList<Matrix<double>> ReadStack(string path, MatrixReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (file, arrayName) = SplitArrayName(path);
        var format = FormatFromPath(file);
        using var stream = Open(file, () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 65536));
        return format == MatrixFileFormat.Npz
            ? NpzReader.ReadStack(stream, file, options ?? MatrixReadOptions.Default, arrayName)
            : ReadStack(stream, format, options, file);
    }

    /// <summary>Reads <paramref name="stream"/>, one file of <paramref name="format"/>, as a batch of matrices (see <see cref="ReadStack(string, MatrixReadOptions?)"/>).</summary>
    /// <param name="stream">The input, read to its end and left open.</param>
    /// <param name="format">The format of the content.</param>
    /// <param name="options">Limits and policies; <see cref="MatrixReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="sourceName">The name error messages give the input; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The matrices, at least one.</returns>
    /// <exception cref="MatrixFileFormatException">The content is malformed, too large, unsupported or non-finite.</exception>
    public static IReadOnlyList<Matrix<double>> ReadStack(Stream stream, MatrixFileFormat format, MatrixReadOptions? options = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = sourceName ?? StreamSourceName;
        var effective = options ?? MatrixReadOptions.Default;
        return format switch
        {
            MatrixFileFormat.Npy => NpyReader.ReadStack(stream, source, effective),
            MatrixFileFormat.Npz => NpzReader.ReadStack(stream, source, effective, arrayName: null),
            _ => [Read(stream, format, effective, source)],
        };
    }

    /// <summary>Reads a MatrixMarket (<c>.mtx</c>) file straight into compressed sparse rows, never forming a dense copy.</summary>
    /// <remarks>Memory about 16 bytes per stored entry while reading, 12 afterwards; <see cref="MatrixReadOptions.MaxEntries"/>
    /// limits the stored entries, not m · n. Coordinate and array layouts, general, symmetric and skew-symmetric
    /// files are accepted (symmetric ones are expanded to both triangles).</remarks>
    /// <param name="path">The file path; its extension must be <c>.mtx</c>.</param>
    /// <param name="options">Limits and policies; <see cref="MatrixReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The sparse matrix, an <see cref="MatrixFree.ILinearOperator"/>.</returns>
    /// <exception cref="MatrixFileException">The file is not a <c>.mtx</c> file or cannot be opened.</exception>
    /// <exception cref="MatrixFileFormatException">The content is malformed, too large, unsupported or non-finite.</exception>
    public static MatrixFree.CsrMatrix ReadSparse(string path, MatrixReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (FormatFromPath(path) != MatrixFileFormat.MatrixMarket)
        {
            throw new MatrixFileException(path, "sparse input must be a MatrixMarket .mtx file");
        }

        using var stream = Open(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536));
        return MatrixMarketReader.ReadSparse(stream, path, options ?? MatrixReadOptions.Default);
    }

    /// <summary>Writes <paramref name="matrix"/> to the file at <paramref name="path"/>, in the format its extension names, replacing any file there.</summary>
    /// <remarks>The write is atomic (<see cref="AtomicFile"/>): readers see the old file or the whole new one, and a failed write
    /// leaves the old file as it was. Cost: the bytes written plus one <c>fsync</c>.</remarks>
    /// <param name="path">The file path.</param>
    /// <param name="matrix">The matrix.</param>
    /// <exception cref="MatrixFileException">The extension is unknown or the file cannot be created.</exception>
    public static void Write(string path, Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(matrix);
        var format = FormatFromPath(path);
        WriteAtomically(path, stream => Write(stream, matrix, format));
    }

    /// <summary>Writes <paramref name="matrix"/> to <paramref name="stream"/> in <paramref name="format"/>.</summary>
    /// <param name="stream">The output, left open.</param>
    /// <param name="matrix">The matrix.</param>
    /// <param name="format">The format: <c>.npy</c> is version 1.0, float64, C order; <c>.npz</c> an archive with that array as
    /// <c>arr_0</c> (as <c>np.savez(f, matrix)</c>); <c>.csv</c> is comma separated without header; <c>.mtx</c> is
    /// <c>array real general</c>. Numbers are written so that reading them back is exact.</param>
    public static void Write(Stream stream, Matrix<double> matrix, MatrixFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(matrix);
        switch (format)
        {
            case MatrixFileFormat.Npy:
                NpyWriter.Write(stream, matrix);
                break;
            case MatrixFileFormat.Npz:
                WriteStack(stream, [matrix], format);
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

    /// <summary>Writes <paramref name="vector"/> to <paramref name="stream"/> in <paramref name="format"/>: a 1-D array <c>(n,)</c> in
    /// <c>.npy</c> (and as <c>arr_0</c> in <c>.npz</c>), an n x 1 column in the text formats.</summary>
    /// <param name="stream">The output, left open.</param>
    /// <param name="vector">The vector.</param>
    /// <param name="format">The format.</param>
    public static void Write(Stream stream, Vector<double> vector, MatrixFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(vector);
        switch (format)
        {
            case MatrixFileFormat.Npy:
                NpyWriter.Write(stream, vector);
                break;
            case MatrixFileFormat.Npz:
                using (var archive = new NpzWriter(stream))
                {
                    archive.Add("arr_0", vector);
                }

                break;
            default:
                Write(stream, vector.ToColumnMatrix(), format);
                break;
        }
    }

    /// <summary>Writes a batch of matrices to the file at <paramref name="path"/> (<c>.npy</c> or <c>.npz</c>), replacing any file there.</summary>
    /// <remarks>The write is atomic (<see cref="AtomicFile"/>): readers see the old file or the whole new one, and a failed write
    /// (an empty stack, mixed shapes) leaves the old file as it was. Cost: the bytes written plus one <c>fsync</c>.</remarks>
    /// <param name="path">The file path.</param>
    /// <param name="stack">The matrices, at least one.</param>
    /// <exception cref="MatrixFileException">The extension is unknown or holds one matrix only, or the file cannot be created.</exception>
    /// <exception cref="ArgumentException">The stack is empty, or mixes shapes for <c>.npy</c>.</exception>
    public static void WriteStack(string path, IReadOnlyList<Matrix<double>> stack)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stack);
        var format = StackFormat(path);
        WriteAtomically(path, stream => WriteStack(stream, stack, format));
    }

    /// <summary>Writes a batch of matrices to <paramref name="stream"/>: <c>.npy</c> as one 3-D array of shape <c>(p, m, n)</c>
    /// (all of one shape), <c>.npz</c> as the arrays <c>arr_0</c>..<c>arr_{p-1}</c> (as <c>np.savez(f, *stack)</c>).</summary>
    /// <param name="stream">The output, left open.</param>
    /// <param name="stack">The matrices, at least one.</param>
    /// <param name="format"><see cref="MatrixFileFormat.Npy"/> or <see cref="MatrixFileFormat.Npz"/>.</param>
    /// <exception cref="ArgumentException">The stack is empty, mixes shapes for <c>.npy</c>, or the format holds one matrix only.</exception>
    public static void WriteStack(Stream stream, IReadOnlyList<Matrix<double>> stack, MatrixFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(stack);
        switch (format)
        {
            case MatrixFileFormat.Npy:
                NpyWriter.WriteStack(stream, stack);
                break;
            case MatrixFileFormat.Npz when stack.Count > 0:
                using (var archive = new NpzWriter(stream))
                {
                    for (var s = 0; s < stack.Count; s++)
                    {
                        archive.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"arr_{s}"), stack[s]);
                    }
                }

                break;
            case MatrixFileFormat.Npz:
                throw new ArgumentException("a stack needs at least one matrix", nameof(stack));
            default:
                throw new ArgumentException($"{format} holds one matrix; write a stack as .npy (one 3-D array) or .npz (one array per matrix)", nameof(format));
        }
    }

    /// <summary>The format a file extension names: <c>.npy</c>; <c>.npz</c>; <c>.csv</c>, <c>.tsv</c>, <c>.txt</c>; <c>.mtx</c> (case-insensitive).</summary>
    /// <param name="path">A file path or name (without an <c>:name</c> array suffix).</param>
    /// <returns>The format.</returns>
    /// <exception cref="MatrixFileException">The extension is none of these.</exception>
    public static MatrixFileFormat FormatFromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".npy" => MatrixFileFormat.Npy,
            ".npz" => MatrixFileFormat.Npz,
            ".csv" or ".tsv" or ".txt" => MatrixFileFormat.Csv,
            ".mtx" => MatrixFileFormat.MatrixMarket,
            var other => throw new MatrixFileException(
                path,
                $"unknown matrix file extension {(other.Length == 0 ? "(none)" : NumberText.Quote(other))}; expected .npy, .npz, .csv, .tsv, .txt or .mtx"),
        };
    }

    /// <summary>Splits <c>archive.npz:name</c> into the file path and the array name; any other path has no array name.</summary>
    /// <param name="path">A path, e.g. <c>runs/data.npz:U</c> (the suffix follows the last <c>.npz:</c>, case-insensitive).</param>
    /// <returns>The file path and the array name, or the path unchanged and <see langword="null"/>.</returns>
    public static (string FilePath, string? ArrayName) SplitArrayName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var at = path.LastIndexOf(ArchiveSuffix, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (path, null) : (path[..(at + ArchiveSuffix.Length - 1)], path[(at + ArchiveSuffix.Length)..]);
    }

    private static MatrixFileFormat StackFormat(string path) => FormatFromPath(path) switch
    {
        MatrixFileFormat.Npy => MatrixFileFormat.Npy,
        MatrixFileFormat.Npz => MatrixFileFormat.Npz,
        _ => throw new MatrixFileException(path, "this format holds one matrix; write a stack as .npy (one 3-D array) or .npz (one array per matrix)"),
    };

    /// <summary>Writes <paramref name="path"/> through <see cref="AtomicFile"/>, turning a file-system failure into a <see cref="MatrixFileException"/>.</summary>
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        try
        {
            AtomicFile.Write(path, write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new MatrixFileException(path, $"cannot write the file: {e.Message}", e);
        }
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
