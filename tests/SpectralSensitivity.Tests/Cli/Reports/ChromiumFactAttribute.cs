namespace SpectralSensitivity.Tests.Cli.Reports;

/// <summary>A fact that needs headless Chromium: skipped, with the reason shown, when no <c>chromium</c> is on the PATH.</summary>
/// <remarks>CI does not install Chromium (about 100 MB of packages for one test), so there the test runs only where the machine
/// already has it; the skip reason says how to install it.</remarks>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when Chromium is absent.</summary>
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
        {
            Skip = "headless Chromium not found (chromium or chromium-browser on PATH); install with: apt-get install -y chromium";
        }
    }
}
