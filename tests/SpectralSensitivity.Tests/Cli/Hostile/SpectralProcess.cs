using System.Diagnostics;

namespace SpectralSensitivity.Tests.Cli.Hostile;

/// <summary>Runs the real <c>spectral</c> program (the build next to the tests) in a child process, through <c>/bin/sh</c> so standard streams can be closed.</summary>
internal static class SpectralProcess
{
    /// <summary>Whether child processes can be run here (POSIX shell present).</summary>
    public static bool Available => File.Exists("/bin/sh") && File.Exists(Program);

    private static string Program => Path.Combine(AppContext.BaseDirectory, "spectral.dll");

    /// <summary>Runs <c>spectral args</c> with extra environment variables and a shell redirection suffix (e.g. <c>2&gt;&amp;-</c>).</summary>
    /// <param name="environment">Variables to set (null value: remove).</param>
    /// <param name="redirection">Appended to the command line inside the shell, e.g. <c>"2&gt;&amp;-"</c>.</param>
    /// <param name="args">The CLI arguments.</param>
    public static CliResult Run(IReadOnlyDictionary<string, string?> environment, string redirection, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec \"$0\" \"$@\" {redirection}");
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SPECTRAL_PROVIDER"] = "managed";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"spectral {string.Join(' ', args)} did not finish in 60 s");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
