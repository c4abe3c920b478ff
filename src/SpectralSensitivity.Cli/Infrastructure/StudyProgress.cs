using System.Diagnostics;
using Spectre.Console;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>A study's progress on stderr, as a bar on a terminal or as plain lines in a log (<see cref="ProgressDisplay"/>); the total is set by the first report.</summary>
internal static class StudyProgress
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback (done, total) to report trials finished; the callback may be called from several threads.</summary>
    public static T Run<T>(CliContext context, string description, ProgressDisplay display, Func<Action<long, long>, T> work) =>
        display switch
        {
            ProgressDisplay.Bar => WithBar(context, description, work),
            ProgressDisplay.Lines => WithLines(context, description, work),
            _ => work((_, _) => { }),
        };

    private static T WithBar<T>(CliContext context, string description, Func<Action<long, long>, T> work)
    {
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

    private static T WithLines<T>(CliContext context, string description, Func<Action<long, long>, T> work)
    {
        var clock = Stopwatch.StartNew();
        var gate = new object();
        var printed = -1;
        return work((done, total) =>
        {
            var tenth = total == 0 ? 10 : (int)(10 * done / total);                    // the last tenth of the work reached
            lock (gate)
            {
                if (tenth <= printed)
                {
                    return;
                }

                printed = tenth;
                context.Error.WriteLine($"spectral {description}: {done} of {total} trials ({10 * tenth} %), {clock.Elapsed:hh\\:mm\\:ss} elapsed");
            }
        });
    }
}
