using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Studies.Sampling;

/// <summary>A random matrix ensemble with independent, identically distributed entries: <c>gaussian</c>, <c>uniform</c> or <c>beta:A,B</c>.</summary>
/// <remarks>
/// Entries are drawn column by column (column-major, the storage order of the matrices) from the trial's
/// <see cref="TrialRandom"/>; the same seed and trial give the same matrix everywhere. Cost O(mn) draws.
/// </remarks>
/// <param name="Kind">The entry distribution.</param>
/// <param name="A">First Beta shape (1 otherwise).</param>
/// <param name="B">Second Beta shape (1 otherwise).</param>
public sealed record Ensemble(EnsembleKind Kind, double A = 1, double B = 1)
{
    /// <summary>Standard normal entries.</summary>
    public static Ensemble Gaussian { get; } = new(EnsembleKind.Gaussian);

    /// <summary>U(0, 1) entries.</summary>
    public static Ensemble Uniform { get; } = new(EnsembleKind.Uniform);

    /// <summary>Beta(a, b) entries.</summary>
    /// <param name="a">a &gt; 0.</param>
    /// <param name="b">b &gt; 0.</param>
    public static Ensemble Beta(double a, double b)
    {
        if (!(a > 0) || !(b > 0) || double.IsInfinity(a) || double.IsInfinity(b))
        {
            throw new InvalidSpectralInputException($"Beta shapes must be positive and finite; got beta:{Format(a)},{Format(b)}");
        }

        return new Ensemble(EnsembleKind.Beta, a, b);
    }

    /// <summary>The name used on the command line and in results: <c>gaussian</c>, <c>uniform</c>, <c>beta:2,5</c>.</summary>
    public string Name => Kind switch
    {
        EnsembleKind.Gaussian => "gaussian",
        EnsembleKind.Uniform => "uniform",
        _ => $"beta:{Format(A)},{Format(B)}",
    };

    /// <summary>Parses <c>gaussian</c>, <c>uniform</c> or <c>beta:A,B</c>.</summary>
    /// <param name="text">The name.</param>
    /// <exception cref="InvalidSpectralInputException">Not one of the three forms, or a Beta shape that is not a positive number.</exception>
    public static Ensemble Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "gaussian":
                return Gaussian;
            case "uniform":
                return Uniform;
        }

        if (trimmed.StartsWith("beta:", StringComparison.OrdinalIgnoreCase))
        {
            var shapes = trimmed[5..].Split(',');
            if (shapes.Length == 2
                && double.TryParse(shapes[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                && double.TryParse(shapes[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            {
                return Beta(a, b);
            }
        }

        throw new InvalidSpectralInputException($"unknown ensemble '{text}': expected gaussian, uniform or beta:A,B (e.g. beta:2,5)");
    }

    /// <summary>Draws an m × n matrix, column-major, from <paramref name="random"/>.</summary>
    /// <param name="random">The trial's stream.</param>
    /// <param name="rows">m.</param>
    /// <param name="columns">n.</param>
    public Matrix<double> Draw(TrialRandom random, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(random);
        var storage = new double[rows * columns];
        for (var i = 0; i < storage.Length; i++)
        {
            storage[i] = Kind switch
            {
                EnsembleKind.Gaussian => random.NextNormal(),
                EnsembleKind.Uniform => random.NextUniform(),
                _ => random.NextBeta(A, B),
            };
        }

        return new DenseMatrix(rows, columns, storage);
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
