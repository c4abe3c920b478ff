using System.Text.Json;
using System.Text.Json.Nodes;
using SpectralSensitivity.Cli;
using SpectralSensitivity.Cli.Infrastructure;

namespace SpectralSensitivity.Tests.Cli.Serve;

/// <summary>Runs <c>spectral serve</c> in-process on given request lines.</summary>
internal static class ServeRunner
{
    /// <summary>The exit code and the answer lines for <paramref name="requests"/> (each a line of stdin).</summary>
    public static (int ExitCode, string[] Answers, string Stderr) Run(params string[] requests)
    {
        using var stdin = new StringReader(string.Join('\n', requests) + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApplication.Run(["serve"], stdin, stdout, stderr, CliHost.Embedded);
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    /// <summary>A request line: the command and its options as a JSON object.</summary>
    public static string Request(string command, params (string Name, object? Value)[] options)
    {
        var request = new JsonObject { ["command"] = command };
        foreach (var (name, value) in options)
        {
            request[name] = JsonSerializer.SerializeToNode(value);
        }

        return request.ToJsonString();
    }
}
