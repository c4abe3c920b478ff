using System.Diagnostics;
using System.Text;

namespace SpectralSensitivity.Tests.Studies;

/// <summary>Runs the built <c>spectral</c> tool as a child process, alone or under <c>mpirun</c>.</summary>
internal sealed class SpectralProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private SpectralProcess(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The full path of <c>mpirun</c>, or null when it is not on PATH.</summary>
    public static string? MpiRun { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, "mpirun"))
        .FirstOrDefault(File.Exists);

    private static string Tool => Path.Combine(AppContext.BaseDirectory, "spectral.dll");

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet spectral.dll arguments</c>.</summary>
    public static SpectralProcess Start(params string[] arguments) => new("dotnet", arguments.Prepend(Tool));

    /// <summary>Starts <c>mpirun -n ranks --oversubscribe --allow-run-as-root dotnet spectral.dll arguments</c>.</summary>
    public static SpectralProcess StartMpi(int ranks, params string[] arguments) =>
        new(MpiRun ?? "mpirun", new[] { "-n", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), "--oversubscribe", "--allow-run-as-root", "dotnet", Tool }.Concat(arguments));

    /// <summary>Waits for the exit (at most <paramref name="timeout"/>) and returns the exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"spectral did not finish within {timeout}; stderr: {Stderr}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Runs to the end and returns the exit code.</summary>
    public static int Run(TimeSpan timeout, out string output, params string[] arguments)
    {
        using var process = Start(arguments);
        var code = process.WaitForExit(timeout);
        output = process.Stdout + process.Stderr;
        return code;
    }

    /// <summary>The id of this child process.</summary>
    public int Id => _process.Id;

    /// <summary>Kills the process (SIGKILL, as an out-of-memory killer or a lost node would) and waits for it.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
