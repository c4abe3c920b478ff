using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Decomposition;

/// <summary>What <see cref="DecompositionPipeline"/> produces: the values of the scaled matrix <c>2^−e A</c>, the exponent e,
/// the values of A itself, and the factors (U and V, or Q alone), which scaling does not change.</summary>
/// <remarks>Downstream code reads <see cref="ScaledValues"/> (numbers of size about one, for any scale of A) and
/// <see cref="ScaleExponent"/>; <see cref="Values"/> are <c>2^e</c> times them (exact unless they fall below the normal
/// range). The storage is shared with the decompositions and never handed out: the public accessors copy it.</remarks>
internal sealed class SpectralFactors
{
    private readonly double[] _scaledValues;
    private readonly double[] _values;
    private readonly double[]? _classificationScaledValues;
    private readonly double[]? _classificationValues;

    /// <summary>Wraps the factors of <c>2^−e A</c>.</summary>
    /// <param name="scaledValues">Singular values or eigenvalues of the scaled matrix.</param>
    /// <param name="first">U (SVD) or Q (symmetric EVD), column-major.</param>
    /// <param name="second">V (SVD), or null.</param>
    /// <param name="scaleExponent">e.</param>
    /// <param name="classificationScaledValues">Extended-precision values of the scaled matrix that decide "repeated" and "zero"
    /// (<see cref="DecompositionPipeline"/> sets them at a near tie), or null to use <paramref name="scaledValues"/>.</param>
    public SpectralFactors(double[] scaledValues, Matrix<double> first, Matrix<double>? second, int scaleExponent = 0, double[]? classificationScaledValues = null)
    {
        _scaledValues = scaledValues;
        _classificationScaledValues = classificationScaledValues;
        _classificationValues = classificationScaledValues?.Select(v => Math.ScaleB(v, scaleExponent)).ToArray();
        First = first;
        Second = second;
        ScaleExponent = scaleExponent;
        _values = new double[scaledValues.Length];
        for (var i = 0; i < scaledValues.Length; i++)
        {
            _values[i] = Math.ScaleB(scaledValues[i], scaleExponent);           // value of A = 2^e · value of 2^−e A
        }
    }

    /// <summary>The values of <c>2^−e A</c>.</summary>
    public ReadOnlySpan<double> ScaledValues => _scaledValues;

    /// <summary>The values of A: <c>2^e</c> times <see cref="ScaledValues"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The values of A that decide "repeated" and "zero": extended-precision ones, in the order of <see cref="Values"/>, when the
    /// double values had a near tie (so every provider classifies alike), else <see cref="Values"/> themselves.</summary>
    public ReadOnlySpan<double> ClassificationValues => _classificationValues ?? _values;

    /// <summary>The same factors with classification values (scaled like <see cref="ScaledValues"/>).</summary>
    public SpectralFactors WithClassification(double[] scaledValues) => new(_scaledValues, First, Second, ScaleExponent, scaledValues);

    /// <summary>e: A = <c>2^e</c> times the matrix that was factored.</summary>
    public int ScaleExponent { get; }

    /// <summary>U or Q.</summary>
    public Matrix<double> First { get; }

    /// <summary>V, or null for a symmetric eigendecomposition.</summary>
    public Matrix<double>? Second { get; }

    /// <summary>Column-major storage of <see cref="First"/> (shared, not copied).</summary>
    public double[] FirstStorage => Operators.ColumnKernels.Storage(First);

    /// <summary>Column-major storage of <see cref="Second"/> (shared, not copied); V of an SVD.</summary>
    public double[] SecondStorage => Operators.ColumnKernels.Storage(Second!);

    /// <summary>The same factors with a scale exponent.</summary>
    public SpectralFactors WithExponent(int exponent) => new(_scaledValues, First, Second, exponent, _classificationScaledValues);

    /// <summary>The factors of the transpose: U and V exchanged.</summary>
    public SpectralFactors Transposed() => new(_scaledValues, Second ?? First, Second is null ? null : First, ScaleExponent, _classificationScaledValues);

    /// <summary>Factors given in A's own scale (e.g. from a reference): splits off the power of two of the largest value (exact),
    /// as <see cref="DecompositionPipeline"/> does with the largest entry, so that values v and <c>2^p v</c> keep the same scaled values.</summary>
    public static SpectralFactors FromValues(double[] values, Matrix<double> first, Matrix<double>? second)
    {
        var exponent = PowerOfTwoScaling.ExponentOfLargest(values);
        var scaled = values.Select(v => Math.ScaleB(v, -exponent)).ToArray();
        return new SpectralFactors(scaled, first, second, exponent);
    }
}
