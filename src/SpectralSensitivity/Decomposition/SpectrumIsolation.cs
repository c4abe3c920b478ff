using SpectralSensitivity.Errors;

namespace SpectralSensitivity.Decomposition;

/// <summary>Decides whether one value of a sorted spectrum is simple, and names its collisions when it is not.</summary>
internal static class SpectrumIsolation
{
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
