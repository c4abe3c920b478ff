using System.Diagnostics;
using System.Text;

namespace SpectralSensitivity.Tests.Studies;

/// <summary>Runs the built <c>spectral</c> tool as a child process, alone or under <c>mpirun</c>.</summary>
internal sealed class SpectralProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private SpectralProcess(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

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

    /// <summary>Starts <c>dotnet spectral.dll arguments</c> with <paramref name="environment"/> added to this process's.</summary>
    public static SpectralProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) => new("dotnet", arguments.Prepend(Tool), environment);

    /// <summary>Starts <c>mpirun -n ranks --oversubscribe --allow-run-as-root dotnet spectral.dll arguments</c>.</summary>
    public static SpectralProcess StartMpi(int ranks, params string[] arguments) => StartMpi(new Dictionary<string, string>(), ranks, arguments);

    /// <summary>Starts <c>mpirun -n ranks ... dotnet spectral.dll arguments</c>; the ranks, started on this machine, inherit <paramref name="environment"/>.</summary>
    public static SpectralProcess StartMpi(IReadOnlyDictionary<string, string> environment, int ranks, params string[] arguments) =>
        new(MpiRun ?? "mpirun", new[] { "-n", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), "--oversubscribe", "--allow-run-as-root", "dotnet", Tool }.Concat(arguments), environment);

    /// <summary>Starts <c>mpirun -n ranks ... sh -c 'dotnet spectral.dll arguments; echo "rank R exited with C"'</c>: each rank's own
    /// exit code is written on stderr, and every rank ends with 0 so that mpirun never kills the others.</summary>
    public static SpectralProcess StartMpiReportingExitCodes(int ranks, params string[] arguments) =>
        new(MpiRun ?? "mpirun", new[]
        {
            "-n", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), "--oversubscribe", "--allow-run-as-root",
            "sh", "-c", "dotnet \"$0\" \"$@\"; echo \"rank $OMPI_COMM_WORLD_RANK exited with $?\" >&2", Tool,
        }.Concat(arguments));

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
