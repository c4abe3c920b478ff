using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Example command lines per command, printed after System.CommandLine's own help.</summary>
internal sealed class HelpExamples
{
    private readonly Dictionary<Command, string[]> _examples = new();

    /// <summary>Registers examples for <paramref name="command"/> and returns it.</summary>
    public Command Add(Command command, params string[] examples)
    {
        _examples[command] = examples;
        return command;
    }

    /// <summary>Replaces the help option's action on <paramref name="root"/> (it applies to every subcommand) with one that appends examples.</summary>
    public void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WithExamples((HelpAction)help.Action!, this);
    }

    private sealed class WithExamples(HelpAction inner, HelpExamples owner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = inner.Invoke(parseResult);
            if (owner._examples.TryGetValue(parseResult.CommandResult.Command, out var lines))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    output.WriteLine($"  {line}");
                }

                output.WriteLine();
            }

            return code;
        }
    }
}
