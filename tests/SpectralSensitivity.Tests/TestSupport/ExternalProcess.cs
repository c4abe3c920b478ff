using System.Diagnostics;
using System.Text;

namespace SpectralSensitivity.Tests.TestSupport;

/// <summary>Runs a command to completion with a timeout, capturing stdout and stderr; kills the whole process tree on timeout.</summary>
internal static class ExternalProcess
{
    /// <summary>Runs <paramref name="fileName"/> and returns its stdout; throws, with both streams in the message, unless it exits with 0 in time.</summary>
    public static string Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{Describe(fileName, start)} did not finish within {timeout.TotalSeconds:F0} s\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Describe(fileName, start)} exited with {process.ExitCode} after {clock.Elapsed.TotalSeconds:F1} s\nstdout:\n{stdout}\nstderr:\n{stderr}");
        }

        return stdout.ToString();
    }

    private static string Describe(string fileName, ProcessStartInfo start) => $"'{fileName} {string.Join(' ', start.ArgumentList)}' in {start.WorkingDirectory}";
}
