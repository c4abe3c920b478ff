using System.Globalization;

namespace SpectralSensitivity.Tests.Cli.Hostile;

/// <summary>Runs code under a given current culture and UI culture ("" = invariant), restoring both afterwards.</summary>
internal static class CultureScope
{
    public static T Run<T>(string culture, Func<T> run)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return run();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
