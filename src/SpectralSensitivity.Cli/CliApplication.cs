using System.CommandLine;
using System.CommandLine.Invocation;
using SpectralSensitivity.Cli.Commands;
using SpectralSensitivity.Cli.Infrastructure;

namespace SpectralSensitivity.Cli;

/// <summary>The <c>spectral</c> command line, runnable in-process: parse, run one command, map failures to exit codes.</summary>
internal static class CliApplication
{
    /// <summary>Runs the CLI in-process with no terminal and without touching the linear-algebra provider.</summary>
    /// <returns>0 success, 1 unexpected failure, 2 bad input or usage, 3 mathematically undefined.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CliHost.Embedded);

    /// <summary>Runs the CLI for a given host.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliHost host)
    {
        var context = new CliContext(stderr, host);
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Print the stack trace after an error",
            Recursive = true,
        };
        var root = BuildRoot(context, verbose);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            ErrorReporter.WriteLine(stderr, string.Join("; ", parse.Errors.Select(e => e.Message)));
            return ExitCodes.BadInput;
        }

        try
        {
            if (host.ConfigureProvider)
            {
                ProviderSetup.Configure();
            }

            var code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            if (code == ExitCodes.Success)
            {
                stdout.Write(context.BufferedOutput);
                stdout.Flush();
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
            InfoCommand.Create(context),
        ];
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        context.Examples.Add(root, "spectral demo", "spectral derivatives --matrix A.npy --direction E.npy --index 1 --order 6 --json", "spectral <command> --help");
        context.Examples.Install(root);
        return root;
    }
}
