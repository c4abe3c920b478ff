namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>What the process around the CLI looks like: terminals, and whether the CLI may choose the linear-algebra provider.</summary>
/// <param name="StdoutIsTerminal">Tables may use ANSI colours and the terminal width.</param>
/// <param name="StderrIsTerminal">Progress bars are drawn on stderr.</param>
/// <param name="ConfigureProvider">Select the MathNet provider from <c>SPECTRAL_PROVIDER</c> before running (process-wide).</param>
internal sealed record CliHost(bool StdoutIsTerminal, bool StderrIsTerminal, bool ConfigureProvider)
{
    /// <summary>In-process use (tests): no terminal, the provider left as it is.</summary>
    public static CliHost Embedded { get; } = new(false, false, false);

    /// <summary>The real console of this process.</summary>
    public static CliHost FromConsole() => new(!Console.IsOutputRedirected, !Console.IsErrorRedirected, true);
}
