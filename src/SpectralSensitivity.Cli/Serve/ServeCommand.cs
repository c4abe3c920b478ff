using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SpectralSensitivity.Cli.Infrastructure;

namespace SpectralSensitivity.Cli.Serve;

/// <summary><c>spectral serve</c>: answers JSON-lines requests on stdin, one JSON line per request on stdout, until the end of the input.</summary>
/// <remarks>
/// Each request runs the named command in-process exactly as <c>spectral &lt;command&gt; ... --json</c> would (see
/// <see cref="ServeRequest"/>); the answer is that command's JSON object on one line, or
/// <c>{"error": "...", "exitCode": N}</c> with the message and exit code the command would have given. A failing request
/// never ends the process; blank lines are skipped; the end of the input ends it with exit code 0. Start-up (runtime,
/// JIT, provider) is paid once instead of once per request.
/// </remarks>
internal static class ServeCommand
{
    /// <summary>The command name.</summary>
    public const string Name = "serve";

    /// <summary>The longest request line, in characters (an inline matrix of about a million entries).</summary>
    public const int MaxLineLength = 1 << 25;

    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var command = new Command(Name, "Answer requests in one process: read JSON lines such as {\"command\": \"derivatives\", \"matrix\": \"A.npy\", \"direction\": \"E.npy\", \"order\": 4} "
            + "on stdin (any command, options by their long names, matrices as file paths or inline nested arrays) and write each command's --json object, "
            + "or {\"error\": ..., \"exitCode\": ...}, as one line on stdout. Ends at the end of the input.");
        command.SetAction(_ =>
        {
            var lines = new RequestLineReader(context.Input, MaxLineLength);
            var number = 0;
            while (lines.TryRead(out var line, out var tooLong))
            {
                number++;
                if (!tooLong && string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var answer = tooLong
                    ? Error($"request line {number} is longer than {MaxLineLength} characters; give large matrices as files", ExitCodes.BadInput)
                    : Answer(context.Host, line);
                try
                {
                    context.Output.WriteLine(answer);
                    context.Output.Flush();
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException or NotSupportedException)
                {
                    throw new StandardOutputException(e);
                }
            }

            return ExitCodes.Success;
        });
        return context.Examples.Add(
            command,
            "printf '%s\\n' '{\"command\": \"svd\", \"matrix\": \"A.npy\"}' | spectral serve",
            "spectral serve < requests.jsonl > answers.jsonl");
    }

    /// <summary>Runs one request in a fresh in-process CLI and returns the answer line.</summary>
    internal static string Answer(CliHost host, string line)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var embedded = host with { StdoutIsTerminal = false, StderrIsTerminal = false, ConfigureProvider = false };
        var code = CliApplication.Run(TextReader.Null, stdout, stderr, embedded, (context, root) => ServeRequest.ToCommandLine(root, line, context.Inputs));
        if (code != ExitCodes.Success)
        {
            return Error(ErrorMessage(stderr.ToString()), code);
        }

        try
        {
            using var document = JsonDocument.Parse(stdout.ToString());
            return Write(document.RootElement.WriteTo);
        }
        catch (JsonException)
        {
            return Error("the command printed no JSON object", ExitCodes.Unexpected);
        }
    }

    private static string ErrorMessage(string stderr)
    {
        const string Prefix = "error: ";
        var first = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return first is null ? "the command failed without a message" : first[Prefix.Length..];
    }

    private static string Error(string message, int exitCode) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("error", message);
        writer.WriteNumber("exitCode", exitCode);
        writer.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
