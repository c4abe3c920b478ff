using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Tests.IO;

namespace SpectralSensitivity.Tests.Cli;

/// <summary>The file formats the CLI reads, written by the tests themselves (independently of the reader under test).</summary>
public enum MatrixFormat
{
    NpyFloat64C,
    NpyFloat64Fortran,
    NpyFloat32C,
    Csv,
    CsvWithHeader,
    Tsv,
    MatrixMarketArray,
    MatrixMarketCoordinate,
}

/// <summary>Theory data shared by the command tests.</summary>
public static class CliTheoryData
{
    /// <summary>Every file format the CLI reads.</summary>
    public static TheoryData<MatrixFormat> Formats => new(Enum.GetValues<MatrixFormat>());
}

/// <summary>A temporary directory for matrix files, deleted on dispose.</summary>
internal sealed class MatrixFiles : IDisposable
{
    public MatrixFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "spectral-cli-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>The values the CLI sees after reading a file of this format (float32 rounds).</summary>
    public static Matrix<double> AsStored(Matrix<double> m, MatrixFormat format) =>
        format == MatrixFormat.NpyFloat32C ? m.Map(x => (double)(float)x) : m;

    public string Write(string name, Matrix<double> m, MatrixFormat format) => format switch
    {
        MatrixFormat.NpyFloat64C => Bytes($"{name}.npy", Npy(m, "<f8", fortran: false)),
        MatrixFormat.NpyFloat64Fortran => Bytes($"{name}.npy", Npy(m, "<f8", fortran: true)),
        MatrixFormat.NpyFloat32C => Bytes($"{name}.npy", Npy(m, "<f4", fortran: false)),
        MatrixFormat.Csv => Text($"{name}.csv", Csv(m, header: false)),
        MatrixFormat.CsvWithHeader => Text($"{name}.csv", Csv(m, header: true)),
        MatrixFormat.Tsv => Text($"{name}.tsv", Csv(m, header: false).Replace(',', '\t')),
        MatrixFormat.MatrixMarketArray => Text($"{name}.mtx", MatrixMarket(m, coordinate: false)),
        MatrixFormat.MatrixMarketCoordinate => Text($"{name}.mtx", MatrixMarket(m, coordinate: true)),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public string Text(string fileName, string content)
    {
        var path = Path.Combine(Directory, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    public string Bytes(string fileName, byte[] content)
    {
        var path = Path.Combine(Directory, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A version-1 .npy file (built by the IO tests' <see cref="NpyBytes"/>); <paramref name="shape"/> overrides the header's shape text.</summary>
    public static byte[] Npy(Matrix<double> m, string descr, bool fortran, string? shape = null)
    {
        var values = fortran ? m.ToColumnMajorArray() : m.ToRowMajorArray();
        var data = descr == "<f4" ? NpyBytes.Float32(false, values.Select(x => (float)x).ToArray()) : NpyBytes.Float64(false, values);
        return NpyBytes.File(1, NpyBytes.Dict(descr, fortran, shape ?? $"({m.RowCount}, {m.ColumnCount})"), data);
    }

    public static string Csv(Matrix<double> m, bool header)
    {
        var text = new StringBuilder();
        if (header)
        {
            text.AppendLine(string.Join(',', Enumerable.Range(0, m.ColumnCount).Select(j => $"c{j}")));
        }

        for (var i = 0; i < m.RowCount; i++)
        {
            text.AppendLine(string.Join(',', m.Row(i).Select(x => x.ToString("R", CultureInfo.InvariantCulture))));
        }

        return text.ToString();
    }

    /// <summary>MatrixMarket real general: array (column-major values) or coordinate (1-based i j v, zeros left out).</summary>
    public static string MatrixMarket(Matrix<double> m, bool coordinate)
    {
        var text = new StringBuilder();
        text.AppendLine($"%%MatrixMarket matrix {(coordinate ? "coordinate" : "array")} real general");
        text.AppendLine("% written by the CLI tests");
        var entries = (from j in Enumerable.Range(0, m.ColumnCount) from i in Enumerable.Range(0, m.RowCount) select (i, j, v: m[i, j])).ToArray();
        if (coordinate)
        {
            var nonZero = entries.Where(e => e.v != 0).ToArray();
            text.AppendLine($"{m.RowCount} {m.ColumnCount} {nonZero.Length}");
            foreach (var (i, j, v) in nonZero)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1} {j + 1} {v:R}");
            }
        }
        else
        {
            text.AppendLine($"{m.RowCount} {m.ColumnCount}");
            foreach (var (_, _, v) in entries)
            {
                text.AppendLine(v.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
