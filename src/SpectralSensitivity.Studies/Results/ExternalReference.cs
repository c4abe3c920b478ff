using System.Globalization;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Studies.Results;

/// <summary>Derivatives computed by another tool (e.g. PyTorch autograd on the saved <c>A.npy</c>, <c>E.npy</c>), compared with the
/// study's like any other reference.</summary>
/// <remarks>
/// A CSV file with a header naming at least <c>trial</c>, <c>k</c> and <c>d1</c>, …, <c>dM</c> (other columns, such as
/// <c>ensemble</c>, are ignored): one row per trial and k. Errors are written as <c>external_error_d1..</c> for orders up
/// to min(M, N). A (trial, k) missing from the file gets empty error cells.
/// </remarks>
public sealed class ExternalReference
{
    private readonly Dictionary<(long Trial, int Index), double[]> _values;

    private ExternalReference(Dictionary<(long, int), double[]> values, int maxOrder)
    {
        _values = values;
        MaxOrder = maxOrder;
    }

    /// <summary>M, the highest order in the file.</summary>
    public int MaxOrder { get; }

    /// <summary>The number of (trial, k) rows.</summary>
    public int Count => _values.Count;

    /// <summary>The derivatives <c>d1..dM</c> of (trial, k), or null.</summary>
    public double[]? Find(long trial, int index) => _values.GetValueOrDefault((trial, index));

    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidSpectralInputException">Missing columns, a malformed number, or a repeated (trial, k).</exception>
    public static ExternalReference Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <summary>Reads the CSV text from <paramref name="reader"/>; <paramref name="name"/> names it in messages.</summary>
    public static ExternalReference Parse(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = (reader.ReadLine() ?? "").Split(',', StringSplitOptions.TrimEntries);
        var trialColumn = Array.IndexOf(header, "trial");
        var indexColumn = Array.IndexOf(header, "k");
        var orderColumns = new List<int>();
        while (Array.IndexOf(header, $"d{orderColumns.Count + 1}") is var column and >= 0)
        {
            orderColumns.Add(column);
        }

        if (trialColumn < 0 || indexColumn < 0 || orderColumns.Count == 0)
        {
            throw new InvalidSpectralInputException($"{name}: the header must name the columns trial, k and d1 (then d2, d3, ...); got '{string.Join(',', header)}'");
        }

        var values = new Dictionary<(long, int), double[]>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length != header.Length
                || !long.TryParse(fields[trialColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var trial)
                || !int.TryParse(fields[indexColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            {
                throw new InvalidSpectralInputException($"{name}, line {line}: expected {header.Length} fields with an integer trial and k");
            }

            var derivatives = new double[orderColumns.Count];
            for (var j = 0; j < derivatives.Length; j++)
            {
                if (!double.TryParse(fields[orderColumns[j]], NumberStyles.Float, CultureInfo.InvariantCulture, out derivatives[j]) || !double.IsFinite(derivatives[j]))
                {
                    throw new InvalidSpectralInputException($"{name}, line {line}: d{j + 1} = '{fields[orderColumns[j]]}' is not a finite number");
                }
            }

            if (!values.TryAdd((trial, index), derivatives))
            {
                throw new InvalidSpectralInputException($"{name}, line {line}: trial {trial}, k = {index} appears twice");
            }
        }

        return new ExternalReference(values, orderColumns.Count);
    }
}
