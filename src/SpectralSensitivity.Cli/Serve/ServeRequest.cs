using System.CommandLine;
using System.Text.Json;
using SpectralSensitivity.Cli.Infrastructure;

namespace SpectralSensitivity.Cli.Serve;

/// <summary>Translates one request line of <c>serve</c> into the command line of the command it names.</summary>
/// <remarks>
/// Options are looked up among the command's own option definitions by their long names, so every command and every
/// option is available exactly as on the command line: <c>{"command": "derivatives", "matrix": "A.npy", "order": 4}</c>
/// becomes <c>derivatives --matrix A.npy --order 4 --json</c>. <c>true</c> turns a flag on, <c>false</c> and
/// <c>null</c> leave the option at its default, a string or number is passed as its text, an array is an inline matrix.
/// </remarks>
internal static class ServeRequest
{
    /// <summary>The property that names the command.</summary>
    public const string CommandProperty = "command";

    private const string JsonOption = "--json";

    /// <summary>The command line for <paramref name="line"/>, with inline matrices registered in <paramref name="inputs"/>.</summary>
    /// <exception cref="UsageException">The line is not a JSON object naming a command, or names an option the command does not have.</exception>
    public static string[] ToCommandLine(RootCommand root, string line, MatrixInput inputs)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new UsageException($"the request is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var request = document.RootElement;
            if (request.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"a request is a JSON object such as {{\"{CommandProperty}\": \"svd\", \"matrix\": \"A.npy\"}}");
            }

            var command = FindCommand(root, request);
            var args = new List<string> { command.Name };
            foreach (var property in request.EnumerateObject())
            {
                if (property.Name is CommandProperty || "--" + property.Name is JsonOption)
                {
                    continue;
                }

                var option = command.Options.FirstOrDefault(o => o.Name == "--" + property.Name)
                    ?? throw new UsageException($"'{command.Name}' has no option \"{property.Name}\"; it takes {string.Join(", ", command.Options.Select(o => $"\"{o.Name.TrimStart('-')}\""))}");
                args.AddRange(Tokens(option, property.Value, inputs));
            }

            if (command.Options.Any(o => o.Name == JsonOption))
            {
                args.Add(JsonOption);
            }

            return [.. args];
        }
    }

    private static Command FindCommand(RootCommand root, JsonElement request)
    {
        var commands = root.Subcommands.Where(c => c.Name != ServeCommand.Name).ToArray();
        var names = string.Join(", ", commands.Select(c => c.Name));
        if (!request.TryGetProperty(CommandProperty, out var name) || name.ValueKind != JsonValueKind.String)
        {
            throw new UsageException($"the request has no \"{CommandProperty}\" string; commands: {names}");
        }

        return commands.FirstOrDefault(c => c.Name == name.GetString())
            ?? throw new UsageException($"unknown command \"{name.GetString()}\"; commands: {names}");
    }

    private static IEnumerable<string> Tokens(Option option, JsonElement value, MatrixInput inputs)
    {
        var isFlag = option.ValueType == typeof(bool);
        return value.ValueKind switch
        {
            JsonValueKind.Null => [],
            JsonValueKind.True => isFlag ? [option.Name] : [$"{option.Name}=true"],
            JsonValueKind.False => isFlag ? [] : [$"{option.Name}=false"],
            JsonValueKind.String => [$"{option.Name}={value.GetString()}"],
            JsonValueKind.Number => [$"{option.Name}={value.GetRawText()}"],
            JsonValueKind.Array => [$"{option.Name}={inputs.Register(option.Name, InlineMatrix.From(value, option.Name.TrimStart('-')))}"],
            _ => throw new UsageException($"\"{option.Name.TrimStart('-')}\": an object is not an option value; give a string, number, true/false, null or an array (inline matrix)"),
        };
    }
}
