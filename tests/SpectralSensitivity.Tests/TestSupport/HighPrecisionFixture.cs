using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>One index of a fixture matrix: the 50-digit value and derivatives D₁..D₈ (rounded to double), and where the
/// fixture has it, the conditioning floor per order: the largest change of Dₙ under three backward perturbations of A of
/// norm ε‖A‖₂, computed by the generator at 50 digits.</summary>
internal sealed record HighPrecisionEntry(int Index, double Value, double[] Derivatives, double[]? ConditioningFloor = null);

/// <summary>A fixture matrix, its direction and the indices kept (relative gap ≥ 1e-2).</summary>
internal sealed record HighPrecisionCase(Matrix<double> Matrix, Matrix<double> Direction, HighPrecisionEntry[] Entries);

/// <summary>One derivative measured against the reference: the worse of the two algorithms' relative errors.</summary>
internal sealed record MeasuredDerivative(HighPrecisionCase Case, HighPrecisionEntry Entry, int Order, double Error, double Derivative);

/// <summary>The fixtures written by scripts/reference/make-highprecision-reference.py (mpmath, 50 digits).</summary>
internal static class HighPrecisionFixture
{
    public const int Order = 8;

    /// <param name="fileName">The file under Fixtures/.</param>
    /// <param name="matrixKey">"a" (singular values) or "t" (symmetric eigenvalues).</param>
    /// <param name="valueKey">"singularValue" or "eigenvalue".</param>
    public static IReadOnlyList<HighPrecisionCase> Load(string fileName, string matrixKey, string valueKey)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName)));
        static Matrix<double> Read(JsonElement rows) =>
            Matrix<double>.Build.DenseOfRows(rows.EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble())));
        static double Parse(JsonElement x) => double.Parse(x.GetString()!, CultureInfo.InvariantCulture);
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new HighPrecisionCase(
            Read(c.GetProperty(matrixKey)),
            Read(c.GetProperty("e")),
            c.GetProperty("entries").EnumerateArray().Select(e => new HighPrecisionEntry(
                e.GetProperty("index").GetInt32(),
                Parse(e.GetProperty(valueKey)),
                e.GetProperty("derivatives").EnumerateArray().Select(Parse).ToArray(),
                e.TryGetProperty("conditioningFloor", out var floor) ? floor.EnumerateArray().Select(Parse).ToArray() : null)).ToArray())).ToList();
    }

    /// <summary>Relative errors of both algorithms against the reference, per value, and the worst per order.</summary>
    /// <param name="cases">The fixture.</param>
    /// <param name="expander">Decomposes a case once and returns, per 1-based index, D₁..D₈ by the recursion and by the closed form.</param>
    public static (List<MeasuredDerivative> Values, double[] WorstRecursion, double[] WorstClosed) Measure(
        IReadOnlyList<HighPrecisionCase> cases, Func<HighPrecisionCase, Func<int, (double[] Recursion, double[] Closed)>> expander)
    {
        var values = new List<MeasuredDerivative>();
        var worstRecursion = new double[Order];
        var worstClosed = new double[Order];
        foreach (var c in cases)
        {
            var expand = expander(c);
            foreach (var entry in c.Entries)
            {
                var (recursion, closed) = expand(entry.Index);
                for (var n = 1; n <= Order; n++)
                {
                    var reference = entry.Derivatives[n - 1];
                    var recursionError = Math.Abs(recursion[n - 1] - reference) / Math.Abs(reference);
                    var closedError = Math.Abs(closed[n - 1] - reference) / Math.Abs(reference);
                    worstRecursion[n - 1] = Math.Max(worstRecursion[n - 1], recursionError);
                    worstClosed[n - 1] = Math.Max(worstClosed[n - 1], closedError);
                    values.Add(new MeasuredDerivative(c, entry, n, Math.Max(recursionError, closedError), recursion[n - 1]));
                }
            }
        }

        return (values, worstRecursion, worstClosed);
    }

    /// <summary>The worst distance, in ulps of the reference value, of the values a decomposition gives.</summary>
    /// <param name="cases">The fixture.</param>
    /// <param name="decompose">Decomposes a case once and returns the value at a 1-based index.</param>
    public static double WorstUlps(IReadOnlyList<HighPrecisionCase> cases, Func<HighPrecisionCase, Func<int, double>> decompose)
    {
        var worst = 0.0;
        foreach (var c in cases)
        {
            var valueAt = decompose(c);
            foreach (var entry in c.Entries)
            {
                var ulp = Math.BitIncrement(Math.Abs(entry.Value)) - Math.Abs(entry.Value);
                worst = Math.Max(worst, Math.Abs(valueAt(entry.Index) - entry.Value) / ulp);
            }
        }

        return worst;
    }

    /// <summary>Worst errors per order as one line.</summary>
    public static string Format(IEnumerable<double> worst) =>
        string.Join("  ", worst.Select(x => x.ToString("0.0e+00", CultureInfo.InvariantCulture)));
}
