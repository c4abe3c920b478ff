using System.CommandLine;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.IO;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Matrices as results: the <c>--output</c> option (written through <see cref="MatrixFile"/>) and tables.</summary>
internal static class MatrixOutput
{
    /// <summary>Matrices with more columns than this are not printed as a table (use --output or --json).</summary>
    public const int MaxTableColumns = 10;

    public static Option<string?> Option(string what) => new("--output", "-o")
    {
        Description = $"Also write {what} to this file, by extension: .npz (every array, named as in the JSON), or .npy, .csv, .mtx (the first) "
            + "(written atomically; never one of the inputs)",
    };

    /// <summary>Writes <paramref name="matrix"/>, named <paramref name="name"/> in an <c>.npz</c>, to <paramref name="path"/> when one is given.</summary>
    public static string? Save(string? path, string name, Matrix<double> matrix) => Save(path, [OutputArray.Of(name, matrix)]);

    /// <summary>
    /// Writes <paramref name="arrays"/> to <paramref name="path"/> when one is given, atomically; returns the full path written, or null.
    /// An <c>.npz</c> gets every array under its name; <c>.npy</c>, <c>.csv</c> and <c>.mtx</c> get the first.
    /// </summary>
    /// <remarks><see cref="OutputGuard"/> has already refused a path that names an input; a failure leaves any existing file untouched.</remarks>
    public static string? Save(string? path, IReadOnlyList<OutputArray> arrays)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new UsageException($"--output: folder '{folder}' does not exist");
        }

        var format = MatrixFile.FormatFromPath(full);
        try
        {
            AtomicFile.Write(full, stream =>
            {
                if (format != MatrixFileFormat.Npz)
                {
                    arrays[0].WriteAlone(stream, format);
                    return;
                }

                using var archive = new NpzWriter(stream);
                foreach (var array in arrays)
                {
                    array.AddTo(archive);
                }
            });
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--output: {e.Message}");
        }

        return full;
    }

    /// <summary>Prints <paramref name="matrix"/> as a table when it is small, otherwise a one-line hint.</summary>
    public static void Render(IAnsiConsole console, string title, Matrix<double> matrix)
    {
        if (matrix.ColumnCount > MaxTableColumns || matrix.RowCount > 100)
        {
            console.WriteLine($"{title}: {matrix.RowCount} x {matrix.ColumnCount}, too large for a table (use --output FILE or --json)");
            return;
        }

        var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
        table.AddColumn(new TableColumn(string.Empty));
        for (var j = 0; j < matrix.ColumnCount; j++)
        {
            table.AddColumn(new TableColumn(Number.Format(j + 1)).RightAligned());
        }

        for (var i = 0; i < matrix.RowCount; i++)
        {
            table.AddRow([Number.Format(i + 1), .. matrix.Row(i).Select(Number.Short)]);
        }

        console.Write(table);
    }
}
