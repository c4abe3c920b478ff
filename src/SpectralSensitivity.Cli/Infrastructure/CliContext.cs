using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>One run of the CLI: buffered standard output (flushed only on success), stderr, Spectre consoles and help examples.</summary>
/// <remarks>
/// Commands write results to <see cref="Console"/> or <see cref="WriteJson{T}"/>; both are held back until
/// <see cref="CliApplication"/> copies them to the real stdout with <see cref="CopyTo"/>, only when the command succeeds, so a
/// failing command never leaves partial output behind. Text goes to a small buffer; a JSON document is kept as the object it
/// serializes and streamed into stdout (<see cref="CliJson.Write{T}"/>), so a large result never exists as text in memory.
/// </remarks>
internal sealed class CliContext
{
    private readonly StringWriter _buffer = new();
    private readonly List<Action<TextWriter>> _pieces = [];
    private readonly List<string> _warnings = [];

    public CliContext(TextReader stdin, TextWriter stdout, TextWriter stderr, CliHost host)
    {
        Input = stdin;
        Output = stdout;
        Error = stderr;
        Host = host;
        Console = CreateConsole(_buffer, host.StdoutIsTerminal);
    }

    /// <summary>The standard input reader (read only by <c>serve</c>).</summary>
    public TextReader Input { get; }

    /// <summary>The real, unbuffered standard output (written directly only by <c>serve</c>, which answers line by line).</summary>
    public TextWriter Output { get; }

    /// <summary>Matrices given inline (by <c>serve</c>) under a placeholder path, read by <see cref="MatrixInput"/> instead of a file.</summary>
    public MatrixInput Inputs { get; } = new();

    /// <summary>The standard error writer.</summary>
    public TextWriter Error { get; }

    /// <summary>The host the CLI runs in.</summary>
    public CliHost Host { get; }

    /// <summary>Spectre console over the buffered stdout.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Examples shown under each command's help.</summary>
    public HelpExamples Examples { get; } = new();

    /// <summary>Writes one JSON document (and a newline) to stdout, streamed when the output is copied.</summary>
    public void WriteJson<T>(T value)
    {
        Cut();
        _pieces.Add(stdout => CliJson.Write(stdout, value));
    }

    /// <summary>Copies everything the command wrote, in order, to <paramref name="stdout"/>.</summary>
    /// <exception cref="StandardOutputException">stdout cannot be written (closed, a broken pipe, a full disk).</exception>
    public void CopyTo(TextWriter stdout)
    {
        Cut();
        try
        {
            foreach (var piece in _pieces)
            {
                piece(stdout);
            }

            stdout.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StandardOutputException(e);
        }
    }

    /// <summary>Queues a one-line warning for stderr, printed as <c>warning: ...</c> only if the command succeeds.</summary>
    public void Warn(string message) => _warnings.Add(message);

    /// <summary>Writes the queued warnings, one <c>warning:</c> line each (made safe like error lines).</summary>
    public void WriteWarnings()
    {
        foreach (var warning in _warnings)
        {
            Error.WriteLine($"warning: {ErrorReporter.OneLine(warning)}");
        }
    }

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

    /// <summary>Moves the buffered text into the list of pieces, keeping the order of text and JSON.</summary>
    private void Cut()
    {
        var text = _buffer.GetStringBuilder();
        if (text.Length > 0)
        {
            var piece = text.ToString();
            text.Clear();
            _pieces.Add(stdout => stdout.Write(piece));
        }
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
