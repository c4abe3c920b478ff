using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Decomposition;

/// <summary>Decides whether one value of a sorted spectrum is simple, and names its collisions when it is not.</summary>
internal static class SpectrumIsolation
{
    /// <summary>Values closer than this many tolerances are classified on extended-precision values (the rounding of a backward-stable
    /// decomposition, a few <c>ε‖A‖₂</c> on every provider measured, stays well inside it).</summary>
    public const double NearTieFactor = 8;

    /// <summary>Whether two values of the sorted <paramref name="values"/> lie within <see cref="NearTieFactor"/> × <paramref name="clusterTolerance"/>
    /// of each other, or one lies within <see cref="NearTieFactor"/> × <paramref name="zeroTolerance"/> of zero (pass NaN to skip the zero test).</summary>
    public static bool HasNearTie(ReadOnlySpan<double> values, double clusterTolerance, double zeroTolerance)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (Math.Abs(values[i]) <= NearTieFactor * zeroTolerance || (i > 0 && Math.Abs(values[i] - values[i - 1]) <= NearTieFactor * clusterTolerance))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws <see cref="DegenerateSpectrumException"/> if another value lies within <paramref name="tolerance"/> of value <paramref name="index"/> (1-based).</summary>
    public static void RequireSimple(ReadOnlySpan<double> values, int index, double tolerance, string what)
    {
        var value = values[index - 1];
        var colliding = new List<int>();
        for (var i = 0; i < values.Length; i++)
        {
            if (Math.Abs(values[i] - value) <= tolerance)
            {
                colliding.Add(i + 1);
            }
        }

        if (colliding.Count > 1)
        {
            throw new DegenerateSpectrumException(Degeneracy.Repeated, index, value, colliding, tolerance, what);
        }
    }
}
