using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>A progress bar on stderr for a study, drawn only when stderr is a terminal; the total is set by the first report.</summary>
internal static class StudyProgress
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback (done, total) to report trials finished.</summary>
    public static T Run<T>(CliContext context, string description, Func<Action<long, long>, T> work)
    {
        if (!context.Host.StderrIsTerminal)
        {
            return work((_, _) => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), autoStart: true, maxValue: 1);
                return work((done, total) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                });
            });
    }
}
