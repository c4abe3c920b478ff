using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.IO;

/// <summary>
/// Reads NumPy <c>.npz</c> archives (what <c>np.savez</c> and <c>np.savez_compressed</c> write): a zip file whose
/// members <c>name.npy</c> are <c>.npy</c> arrays, stored or deflated, each read by <see cref="NpyReader"/> under the
/// same limits.
/// </summary>
/// <remarks>
/// Limits: the declared member count is checked against <see cref="MatrixReadOptions.MaxMatrices"/> before the archive is
/// opened (<see cref="ZipDirectoryCount"/>); the entries of all arrays read together against
/// <see cref="MatrixReadOptions.MaxEntries"/> before each allocation; a stream that cannot seek is buffered only up to
/// what those entries can take. Only the bytes an array needs are decompressed, so a deflate bomb costs nothing.
/// Problems are reported with the source name <c>archive:member</c>.
/// </remarks>
internal static class NpzReader
{
    private const string MemberExtension = ".npy";
    private const long ArchiveOverhead = 1 << 20;

    /// <summary>Reads one array as a matrix: <paramref name="arrayName"/>, or the only array of the archive.</summary>
    /// <exception cref="MatrixFileFormatException">The archive is malformed, the name is unknown or missing, or the array is not 1-D or 2-D.</exception>
    public static Matrix<double> Read(Stream stream, string source, MatrixReadOptions options, string? arrayName) =>
        WithArchive(stream, source, options, archive =>
        {
            var (name, entry) = Select(archive, source, arrayName);
            return ReadMember(entry, $"{source}:{name}", stack: false, options).Single();
        });

    /// <summary>
    /// Reads a stack: the array <paramref name="arrayName"/> (a 3-D array is its slices); without a name the only array
    /// of the archive, or, when there are several, each array as one matrix in the archive's order.
    /// </summary>
    /// <exception cref="MatrixFileFormatException">The archive is malformed, the name is unknown, or the arrays exceed the limits.</exception>
    public static IReadOnlyList<Matrix<double>> ReadStack(Stream stream, string source, MatrixReadOptions options, string? arrayName) =>
        WithArchive(stream, source, options, archive =>
        {
            var members = Members(archive, source);
            if (arrayName is not null || members.Count == 1)
            {
                var (name, entry) = Select(archive, source, arrayName);
                return ReadMember(entry, $"{source}:{name}", stack: true, options);
            }

            var matrices = new List<Matrix<double>>(members.Count);
            var remaining = options.MaxEntries;
            foreach (var (name, entry) in members)
            {
                var matrix = ReadMember(entry, $"{source}:{name}", stack: false, options with { MaxEntries = remaining }).Single();
                remaining -= (long)matrix.RowCount * matrix.ColumnCount;
                matrices.Add(matrix);
                if (remaining == 0 && matrices.Count < members.Count)
                {
                    throw new MatrixFileFormatException(source, $"the arrays after '{name}' exceed the limit of {options.MaxEntries} entries in total (MatrixReadOptions.MaxEntries)");
                }
            }

            return matrices;
        });

    /// <summary>The array names of the archive, in its order.</summary>
    public static IReadOnlyList<string> Names(Stream stream, string source, MatrixReadOptions options) =>
        WithArchive(stream, source, options, archive => Members(archive, source).Select(m => m.Name).ToArray());

    private static T WithArchive<T>(Stream stream, string source, MatrixReadOptions options, Func<ZipArchive, T> read)
    {
        var seekable = stream.CanSeek ? stream : Buffer(stream, source, options);
        var declared = ZipDirectoryCount.Read(seekable)
            ?? throw new MatrixFileFormatException(source, "not an .npz archive: no zip end-of-central-directory record (an .npz file is a zip archive of .npy arrays)");
        if (declared < 0 || declared > options.MaxMatrices)
        {
            throw new MatrixFileFormatException(source, $"the archive declares {declared} members, more than the limit of {options.MaxMatrices} (MatrixReadOptions.MaxMatrices)");
        }

        try
        {
            using var archive = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            return read(archive);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or EndOfStreamException)
        {
            throw new MatrixFileFormatException(source, $"not a valid .npz (zip) archive: {e.Message}");
        }
    }

    /// <summary>Copies a forward-only stream into memory, refusing more than the arrays the limits allow could take.</summary>
    private static MemoryStream Buffer(Stream stream, string source, MatrixReadOptions options)
    {
        var limit = (options.MaxEntries * sizeof(double)) + ArchiveOverhead;
        var copy = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (copy.Length + read > limit)
            {
                throw new MatrixFileFormatException(source, $"the archive is longer than {limit} bytes, more than arrays of {options.MaxEntries} entries can take (MatrixReadOptions.MaxEntries)");
            }

            copy.Write(chunk, 0, read);
        }

        copy.Position = 0;
        return copy;
    }

    private static List<(string Name, ZipArchiveEntry Entry)> Members(ZipArchive archive, string source)
    {
        var members = new List<(string Name, ZipArchiveEntry Entry)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            if (!entry.FullName.EndsWith(MemberExtension, StringComparison.Ordinal))
            {
                throw new MatrixFileFormatException(source, $"member {NumberText.Quote(entry.FullName)} is not an .npy array; an .npz archive holds only name.npy members");
            }

            var name = entry.FullName[..^MemberExtension.Length];
            if (!seen.Add(name))
            {
                throw new MatrixFileFormatException(source, $"the archive holds two arrays named {NumberText.Quote(name)}");
            }

            members.Add((name, entry));
        }

        return members.Count > 0 ? members : throw new MatrixFileFormatException(source, "the archive holds no arrays");
    }

    private static (string Name, ZipArchiveEntry Entry) Select(ZipArchive archive, string source, string? arrayName)
    {
        var members = Members(archive, source);
        if (arrayName is null)
        {
            return members.Count == 1
                ? members[0]
                : throw new MatrixFileFormatException(source, $"the archive holds {members.Count} arrays ({List(members)}); name one as '{Path.GetFileName(source)}:{members[0].Name}'");
        }

        foreach (var member in members)
        {
            if (member.Name == arrayName)
            {
                return member;
            }
        }

        throw new MatrixFileFormatException(source, $"the archive has no array named {NumberText.Quote(arrayName)}; it holds {List(members)}");
    }

    private static string List(List<(string Name, ZipArchiveEntry Entry)> members) =>
        string.Join(", ", members.Take(20).Select(m => NumberText.Quote(m.Name))) + (members.Count > 20 ? $" and {members.Count - 20} more" : string.Empty);

    private static IReadOnlyList<Matrix<double>> ReadMember(ZipArchiveEntry entry, string source, bool stack, MatrixReadOptions options)
    {
        using var member = entry.Open();
        return stack
            ? NpyReader.ReadStack(member, source, options, entry.Length)
            : [NpyReader.Read(member, source, options, entry.Length)];
    }
}
