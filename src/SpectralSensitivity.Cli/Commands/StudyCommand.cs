using System.CommandLine;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Cli.Reports;
using SpectralSensitivity.Studies;
using SpectralSensitivity.Studies.Execution;
using SpectralSensitivity.Studies.Mpi;
using SpectralSensitivity.Studies.Results;
using SpectralSensitivity.Studies.Sampling;
using SpectralSensitivity.Studies.Sources;
using SpectralSensitivity.Studies.Storage;

namespace SpectralSensitivity.Cli.Commands;

/// <summary><c>spectral study</c>: derivatives of singular values over an ensemble of random matrices or a stack of user matrices,
/// validated against independent references, on every core and, under <c>mpirun</c>, on every rank.</summary>
internal static class StudyCommand
{
    public static Command Create(CliContext context)
    {
        var ensemble = new Option<string[]>("--ensemble")
        {
            Description = "Random ensembles: gaussian, uniform, beta:A,B (several: --ensemble gaussian uniform beta:2,5)",
            AllowMultipleArgumentsPerToken = true,
        };
        var rows = new Option<int?>("--rows") { Description = "Rows m of the random matrices" };
        var columns = new Option<int?>("--columns") { Description = "Columns n of the random matrices" };
        var trials = new Option<int?>("--trials") { Description = "Trials per ensemble" };
        var matrices = new Option<string?>("--matrices") { Description = "User matrices instead of an ensemble: a 3-D .npy stack (trials x m x n) or a folder of .npy/.csv/.mtx files" };
        var directions = new Option<string?>("--directions") { Description = "With --matrices: the directions E, a stack or folder like --matrices [default: drawn per trial from --seed]" };
        var seed = new Option<ulong>("--seed") { Description = "Seed: trial t draws A and E from its own xoshiro256** stream seeded by (seed, t)", DefaultValueFactory = _ => 1 };
        var index = new Option<string>("--index", "-k") { Description = "Singular values followed: all, a list 1,2,5, a range 1..5 or a mix 1..3,7", DefaultValueFactory = _ => IndexSelection.All };
        var order = CommonOptions.Order(required: false, fallback: 4);
        var output = OutputGuard.Folder(new Option<string>("--output", "-o") { Description = "Output folder (results.csv, summary.json, report.html, study.json, shards/); created if missing", Required = true });
        var save = new Option<bool>("--save-matrices") { Description = "Also write A.npy and E.npy (float64 stacks, trials x m x n; trial t at index t)" };
        var validate = new Option<string>("--validate") { Description = $"References to compare with, comma-separated: {ValidationNames.All}", DefaultValueFactory = _ => "" };
        var external = new Option<string?>("--external") { Description = "A CSV of derivatives computed elsewhere (columns trial,k,d1..dM), compared like the references" };
        var threads = new Option<int>("--threads") { Description = "Worker threads in this process (default: its cores, divided among the MPI ranks on this node); native BLAS runs one thread per worker", DefaultValueFactory = _ => StudyRunOptions.DefaultWorkers };
        var shardSize = new Option<int?>("--shard-size") { Description = "Trials per shard, the unit of restart (default: about 64 shards)" };
        var mpi = new Option<bool>("--mpi") { Description = "Spread shards over the ranks of an MPI job (automatic under mpirun)" };
        var json = CommonOptions.Json();
        var command = new Command("study", "Run a study: derivatives of s_k of orders 1..N over random matrices or a stack of matrices, with error columns against independent references; shards over threads and MPI ranks, restartable.")
        {
            ensemble, rows, columns, trials, matrices, directions, seed, index, order, output, save, validate, external, threads, shardSize, mpi, json,
        };
        command.SetAction(parse =>
        {
            var source = Source(parse.GetValue(ensemble), parse.GetValue(rows), parse.GetValue(columns), parse.GetValue(trials), parse.GetValue(matrices), parse.GetValue(directions), parse.GetValue(seed));
            var definition = new StudyDefinition(source, Indices(parse.GetValue(index)!), parse.GetValue(order), ValidationNames.Parse(parse.GetValue(validate)!),
                parse.GetValue(external) is { } path ? ExternalReference.Load(path) : null);
            if (parse.GetValue(shardSize) is { } size)
            {
                definition = definition with { ShardSize = size };
            }

            var workers = parse.GetValue(threads);
            if (workers < 1)
            {
                throw new UsageException($"--threads {workers}: at least 1");
            }

            if (context.Host.ConfigureProvider)
            {
                // The workers use the cores: one thread per trial for the core, MathNet and BLAS, whatever the number of workers,
                // so a trial's bits never depend on how many threads or ranks share the machine.
                SpectralParallelism.Current = Parallelism.Sequential;
            }

            var communicator = parse.GetValue(mpi) || OpenMpiCommunicator.IsLaunchedByMpi() ? (IStudyCommunicator)OpenMpiCommunicator.Initialize() : SingleProcess.Instance;
            try
            {
                return Run(context, definition, parse.GetRequiredValue(output), communicator, workers, parse.GetValue(save), parse.GetValue(json));
            }
            catch (Exception error) when (communicator.Size > 1)
            {
                // Report before MPI_Finalize: once one rank exits non-zero, mpirun kills the others, which could otherwise die
                // between finalizing and writing their error line.
                return ErrorReporter.Report(error, context.Error, parse.GetValue<bool>("--verbose"));
            }
            finally
            {
                (communicator as IDisposable)?.Dispose();
            }
        });
        return context.Examples.Add(
            command,
            "spectral study --ensemble gaussian uniform beta:2,5 --rows 6 --columns 10 --trials 500 -k all -N 2 --validate hessian,finite-differences --output paper",
            "spectral study --matrices layers.npy -k 1..5 -N 8 --validate closed-form,extended-precision --output layers-study",
            "mpirun -n 4 spectral study --ensemble gaussian --rows 2000 --columns 1000 --trials 200 -k 1..5 -N 8 --output big");
    }

    private static int Run(CliContext context, StudyDefinition definition, string output, IStudyCommunicator communicator, int workers, bool save, bool json)
    {
        var options = new StudyRunOptions
        {
            Workers = workers,
            Communicator = communicator,
            SaveMatrices = save ? MatrixSaving.NpyStacks : MatrixSaving.None,
        };
        if (communicator.Size > 1)
        {
            context.Error.WriteLine($"spectral study: rank {communicator.Rank} of {communicator.Size} (pid {Environment.ProcessId}) started with {workers} worker thread{(workers > 1 ? "s" : "")} on {Environment.ProcessorCount} core{(Environment.ProcessorCount > 1 ? "s" : "")}");
        }

        // Under MPI only rank 0 reports, in plain lines: Open MPI gives every rank a terminal-like stderr that often ends up in a log.
        var display = communicator.Size > 1
            ? (communicator.Rank == 0 ? ProgressDisplay.Lines : ProgressDisplay.None)
            : (context.Host.StderrIsTerminal ? ProgressDisplay.Bar : ProgressDisplay.None);
        var description = communicator.Size > 1 ? $"study: rank 0 of {communicator.Size}" : "study";
        var result = StudyProgress.Run(context, description, display, progress => Study.Run(definition, output, options with { Progress = progress }));
        if (communicator.Size > 1)
        {
            context.Error.WriteLine($"spectral study: rank {communicator.Rank} of {communicator.Size} (pid {Environment.ProcessId}): computed {result.ShardsComputed} shards, skipped {result.ShardsSkipped} already written");
        }

        if (communicator.Rank != 0)
        {
            return ExitCodes.Success;
        }

        IO.AtomicFile.WriteText(result.Files.Report, StudyReport.Render(result.Manifest, result.Summary!));
        var rowCount = result.Manifest.Trials * result.Layout.Indices.Count;
        if (json)
        {
            context.WriteJson(new
            {
                Output = result.Files.Directory,
                Results = result.Files.Results,
                Summary = result.Files.Summary,
                Report = result.Files.Report,
                result.Manifest.Trials,
                Rows = rowCount,
                Ranks = communicator.Size,
                ShardsComputed = result.ShardsComputed,
                ShardsSkipped = result.ShardsSkipped,
                result.Manifest.Shards,
            });
        }
        else
        {
            context.WriteLine($"wrote {result.Files.Results} ({rowCount} rows: {result.Manifest.Trials} trials x {result.Layout.Indices.Count} values of k), summary.json and report.html");
            context.WriteLine($"shards: {result.Manifest.Shards} in all; this run computed {result.ShardsComputed} on rank 0 and skipped {result.ShardsSkipped} already written ({communicator.Size} rank{(communicator.Size > 1 ? "s" : "")})");
            foreach (var column in result.Layout.ErrorColumns)
            {
                var groups = result.Summary!.Groups.Where(g => g.Ensemble != "all").Select(g => g.Columns.GetValueOrDefault(column)).OfType<Quantiles>().ToArray();
                if (groups.Length > 0)
                {
                    context.WriteLine($"  {column}: largest median {groups.Max(q => q.Median):0.00E+00}, largest 95 % {groups.Max(q => q.Q95):0.00E+00}, max {groups.Max(q => q.Max):0.00E+00}");
                }
            }
        }

        return ExitCodes.Success;
    }

    private static StudySource Source(string[]? ensembles, int? rows, int? columns, int? trials, string? matrices, string? directions, ulong seed)
    {
        if (matrices is not null)
        {
            if (ensembles is { Length: > 0 } || rows is not null || columns is not null || trials is not null)
            {
                throw new UsageException("--matrices replaces --ensemble, --rows, --columns and --trials: give one or the other");
            }

            return new MatrixStackSource(OpenStack(matrices), seed, directions is null ? null : OpenStack(directions));
        }

        if (directions is not null)
        {
            throw new UsageException("--directions goes with --matrices; an ensemble draws its directions");
        }

        if (ensembles is not { Length: > 0 } || rows is null || columns is null || trials is null)
        {
            throw new UsageException("a study needs --ensemble, --rows, --columns and --trials, or --matrices FILE|DIR");
        }

        return new EnsembleSource(ensembles.Select(Ensemble.Parse).ToArray(), rows.Value, columns.Value, trials.Value, seed);
    }

    /// <summary>The -k selection as the study's indices (checked against min(m, n) when the study starts).</summary>
    private static StudyIndices Indices(string text)
    {
        var selection = IndexSelection.Parse(text);
        return selection.IsAll ? StudyIndices.All : StudyIndices.Of(selection.Resolve(int.MaxValue, "singular value"));
    }

    private static IMatrixStack OpenStack(string path) => Directory.Exists(path) ? MatrixFolder.Open(path) : NpyStack.Open(path);
}
