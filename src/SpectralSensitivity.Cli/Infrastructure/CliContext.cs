using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>One run of the CLI: buffered standard output (flushed only on success), stderr, Spectre consoles and help examples.</summary>
/// <remarks>
/// Commands write results to <see cref="Console"/> or <see cref="WriteJson{T}"/>; both go to a buffer that
/// <see cref="CliApplication"/> copies to the real stdout only when the command succeeds, so a failing command
/// never leaves partial output behind.
/// </remarks>
internal sealed class CliContext
{
    private readonly StringWriter _buffer = new();

    public CliContext(TextWriter stderr, CliHost host)
    {
        Error = stderr;
        Host = host;
        Console = CreateConsole(_buffer, host.StdoutIsTerminal);
    }

    /// <summary>The standard error writer.</summary>
    public TextWriter Error { get; }

    /// <summary>The host the CLI runs in.</summary>
    public CliHost Host { get; }

    /// <summary>Spectre console over the buffered stdout.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Examples shown under each command's help.</summary>
    public HelpExamples Examples { get; } = new();

    /// <summary>Everything the command wrote to stdout so far.</summary>
    public string BufferedOutput => _buffer.ToString();

    /// <summary>Writes one JSON document (and a newline) to stdout.</summary>
    public void WriteJson<T>(T value) => _buffer.WriteLine(CliJson.Serialize(value));

    /// <summary>Writes a plain line to stdout.</summary>
    public void WriteLine(string line = "") => _buffer.WriteLine(line);

    /// <summary>Runs <paramref name="work"/> over <paramref name="total"/> steps, drawing a progress bar on stderr when it is a terminal.</summary>
    /// <param name="description">What is being computed.</param>
    /// <param name="total">The number of steps.</param>
    /// <param name="work">The work; it calls the action it receives once per step.</param>
    public T WithProgress<T>(string description, int total, Func<Action, T> work)
    {
        if (!Host.StderrIsTerminal || total < 2)
        {
            return work(() => { });
        }

        var console = CreateConsole(Error, terminal: true);
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: total);
                return work(() => task.Increment(1));
            });
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = terminal && !System.Console.IsOutputRedirected ? Math.Max(System.Console.WindowWidth, 60) : 120;
        return console;
    }
}
