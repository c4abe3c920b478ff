namespace SpectralSensitivity.Studies.Results;

/// <summary>The sample quantiles a summary reports: min, 5 %, 25 %, median, 75 %, 95 %, max, and the count.</summary>
/// <remarks>Hyndman–Fan type 7 (linear interpolation between order statistics, the default of R and NumPy):
/// <c>Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)</c>, <c>h = (n − 1)p</c> on the sorted sample. Cost O(n log n).</remarks>
/// <param name="Count">The number of values (empty cells excluded).</param>
/// <param name="Min">Smallest.</param>
/// <param name="Q05">5 % quantile.</param>
/// <param name="Q25">25 % quantile.</param>
/// <param name="Median">Median.</param>
/// <param name="Q75">75 % quantile.</param>
/// <param name="Q95">95 % quantile.</param>
/// <param name="Max">Largest.</param>
public sealed record Quantiles(int Count, double Min, double Q05, double Q25, double Median, double Q75, double Q95, double Max)
{
    /// <summary>The quantiles of the non-NaN values of <paramref name="values"/>; null when there are none.</summary>
    public static Quantiles? Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        double At(double p)
        {
            var h = (sorted.Length - 1) * p;
            var low = (int)Math.Floor(h);
            var high = Math.Min(low + 1, sorted.Length - 1);
            return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
        }

        return new Quantiles(sorted.Length, sorted[0], At(0.05), At(0.25), At(0.5), At(0.75), At(0.95), sorted[^1]);
    }
}
