using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using SpectralSensitivity.Cli.Commands;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Cli.Serve;

namespace SpectralSensitivity.Cli;

/// <summary>The <c>spectral</c> command line, runnable in-process: parse, run one command, map failures to exit codes.</summary>
/// <remarks>
/// <para>The contract: exit 0 success, 1 unexpected failure, 2 bad input or usage, 3 mathematically undefined;
/// a failure prints exactly one <c>error:</c> line on stderr and nothing on stdout.</para>
/// <para>A run is independent of the process's culture: it runs under the invariant culture, numeric options accept only
/// '.' as the decimal point and no thousands separators (<see cref="InvariantNumbers"/>). Response files (<c>@file</c>) are
/// turned off: an argument starting with '@' is an ordinary value, so <c>-A @data.npy</c> names a file called <c>@data.npy</c>.
/// A closed or broken stderr never turns an error into a crash (<see cref="GuardedWriter"/>); a stdout that cannot be
/// written is exit 1. <c>--output</c> never names an input (<see cref="OutputGuard"/>) and is written atomically.</para>
/// </remarks>
internal static class CliApplication
{
    /// <summary>Runs the CLI in-process with no terminal and without touching the linear-algebra provider.</summary>
    /// <returns>0 success, 1 unexpected failure, 2 bad input or usage, 3 mathematically undefined.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, TextReader.Null, stdout, stderr, CliHost.Embedded);

    /// <summary>Runs the CLI for a given host with an empty standard input.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliHost host) => Run(args, TextReader.Null, stdout, stderr, host);

    /// <summary>Runs the CLI for a given host and standard input (read only by <c>serve</c>).</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CliHost host) =>
        Run(stdin, stdout, stderr, host, (_, _) => args);

    /// <summary>
    /// Runs one command line under the invariant culture (the caller's culture is restored afterwards), in a fresh
    /// <see cref="CliContext"/>. <paramref name="commandLine"/> gives the arguments; it sees the context and the commands, so
    /// <c>serve</c> can translate a request with the commands' own option definitions (what it throws is reported like any
    /// other failure).
    /// </summary>
    internal static int Run(TextReader stdin, TextWriter stdout, TextWriter stderr, CliHost host, Func<CliContext, RootCommand, string[]> commandLine)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var errors = new GuardedWriter(stderr);
        try
        {
            return RunInvariant(new CliContext(stdin, stdout, errors, host), commandLine);
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, errors, verbose: false);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static int RunInvariant(CliContext context, Func<CliContext, RootCommand, string[]> commandLine)
    {
        var (stdout, stderr, host) = (context.Output, context.Error, context.Host);
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Print the stack trace after an error",
            Recursive = true,
        };
        var root = BuildRoot(context, verbose);
        string[] args;
        try
        {
            args = commandLine(context, root);
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, stderr, verbose: false);
        }

        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction)
        {
            ErrorReporter.WriteLine(stderr, string.Join("; ", parse.Errors.Select(e => e.Message)));
            return ExitCodes.BadInput;
        }

        try
        {
            // Help (and any other option action) runs without a provider and without checking outputs.
            var runsCommand = parse.Action is not null && parse.Action == parse.CommandResult.Command.Action;
            if (runsCommand)
            {
                OutputGuard.Check(parse);
                if (host.ConfigureProvider)
                {
                    ProviderSetup.Configure();
                }
            }

            var code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            if (code == ExitCodes.Success)
            {
                context.WriteWarnings();
                context.CopyTo(stdout);
            }

            return code;
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, stderr, parse.GetValue(verbose));
        }
    }

    private static RootCommand BuildRoot(CliContext context, Option<bool> verbose)
    {
        var root = new RootCommand("spectral: exact derivatives of singular values (Kato perturbation theory) from .npy, .csv and .mtx files.");
        root.Options.Add(verbose);
        Command[] commands =
        [
            DemoCommand.Create(context),
            DerivativesCommand.Create(context),
            SvdCommand.Create(context),
            GradientCommand.Create(context),
            HessianCommand.Create(context),
            HvpCommand.Create(context),
            HessianSpectrumCommand.Create(context),
            TaylorCommand.Create(context),
            EigDerivativesCommand.Create(context),
            ReportCommand.Create(context),
            StudyCommand.Create(context),
            InfoCommand.Create(context),
            ServeCommand.Create(context),
        ];
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        InvariantNumbers.Install(root);
        context.Examples.Add(root, "spectral demo", "spectral derivatives --matrix A.npy --direction E.npy --index 1 --order 6", "spectral <command> --help");
        context.Examples.Install(root);
        return root;
    }
}
