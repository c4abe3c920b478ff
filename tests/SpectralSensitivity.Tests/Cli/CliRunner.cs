using System.Text.Json;
using SpectralSensitivity.Cli;

namespace SpectralSensitivity.Tests.Cli;

/// <summary>Runs the CLI in-process with string writers.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

internal static class JsonElementExtensions
{
    public static double[] Doubles(this JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static double[] Doubles(this JsonElement element, string property) => element.GetProperty(property).Doubles();

    public static double Double(this JsonElement element, string property) => element.GetProperty(property).GetDouble();
}
