namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>Central finite differences with Richardson extrapolation: an independent reference for low orders.</summary>
internal static class FiniteDifferences
{
    /// <summary>First derivative of f at 0: central differences at h, h/2, h/4, … combined by Richardson extrapolation (error O(h^(2·levels))).</summary>
    public static double First(Func<double, double> f, double h, int levels = 4) =>
        Richardson(step => (f(step) - f(-step)) / (2 * step), h, levels);

    /// <summary>Second derivative of f at 0 by the same scheme.</summary>
    public static double Second(Func<double, double> f, double h, int levels = 4) =>
        Richardson(step => (f(step) - 2 * f(0) + f(-step)) / (step * step), h, levels);

    /// <summary>Third derivative of f at 0 by the same scheme.</summary>
    public static double Third(Func<double, double> f, double h, int levels = 4) =>
        Richardson(step => (f(2 * step) - 2 * f(step) + 2 * f(-step) - f(-2 * step)) / (2 * step * step * step), h, levels);

    private static double Richardson(Func<double, double> estimate, double h, int levels)
    {
        // T[i][0] = estimate(h/2^i); T[i][j] = T[i][j-1] + (T[i][j-1] − T[i-1][j-1]) / (4^j − 1) for even error expansions
        var table = new double[levels][];
        for (var i = 0; i < levels; i++)
        {
            table[i] = new double[i + 1];
            table[i][0] = estimate(h / Math.Pow(2, i));
            for (var j = 1; j <= i; j++)
            {
                table[i][j] = table[i][j - 1] + (table[i][j - 1] - table[i - 1][j - 1]) / (Math.Pow(4, j) - 1);
            }
        }

        return table[levels - 1][levels - 1];
    }
}
