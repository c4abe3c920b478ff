using System.Text;
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;
using SpectralSensitivity.Studies.Results;
using SpectralSensitivity.Studies.Storage;

namespace SpectralSensitivity.Studies.Execution;

/// <summary>Runs a study into a directory: shards of trials spread over processes and threads, each shard written atomically,
/// then rank 0 merges them into <c>results.csv</c> and writes <c>summary.json</c>.</summary>
/// <remarks>
/// <para>Shard s holds trials <c>s·B … (s+1)·B − 1</c> (B = <see cref="StudyDefinition.ShardSize"/>); process r of P computes the
/// shards with s mod P = r. Its workers take single trials across those shards, each trial on one thread, and a shard is written
/// as soon as its last trial finishes (<see cref="ShardComputation"/>). A shard's rows depend only on the definition, so the
/// merged file is the same bytes for any number of threads and processes and any shard size. A shard already on disk (from an
/// interrupted run of the same study) is skipped; a process killed mid-shard leaves only a temporary file, removed at the next merge.</para>
/// <para>Cost: the trials' cost divided over P processes × workers, plus one pass over the rows to merge and summarize.</para>
/// </remarks>
public static class Study
{
    /// <summary>Runs <paramref name="definition"/> into <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidSpectralInputException">The definition is invalid, or the directory holds a different study.</exception>
    /// <exception cref="StudyTrialException">A trial of this process failed (the trial is named; the shards completed before are kept).</exception>
    /// <exception cref="StudyIncompleteException">Another process failed; rerun to finish.</exception>
    public static StudyRunResult Run(StudyDefinition definition, string directory, StudyRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        options ??= new StudyRunOptions();
        var layout = definition.Validate();
        var files = new StudyFiles(Path.GetFullPath(directory));
        var source = definition.Source;
        var shards = (int)((source.TrialCount + definition.ShardSize - 1) / definition.ShardSize);
        var manifest = new StudyManifest(source.Fingerprint, source.TrialCount, source.Rows, source.Columns, definition.Indices.ToString(), definition.Order,
            ValidationNames.Format(definition.Validations), definition.External is { } e ? $"{e.Count} rows, orders 1..{e.MaxOrder}" : "", definition.ShardSize, shards, layout.Header);
        var communicator = options.Communicator;
        PrepareDirectory(files, manifest, communicator);

        var mine = Enumerable.Range(0, shards).Where(s => s % communicator.Size == communicator.Rank).ToArray();
        var pending = mine.Where(s => !File.Exists(files.Shard(s))).Select(s => Pending(definition, s)).ToArray();
        Exception? failure = null;
        try
        {
            ShardComputation.Run(definition, layout, files, pending, ShardWriter.FromEnvironment(communicator.Rank), options);
        }
        catch (Exception error)
        {
            failure = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : error;
        }

        var everyoneDone = communicator.All(failure is null);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (!everyoneDone)
        {
            throw new StudyIncompleteException("another rank failed before finishing its shards; the shards written are complete and kept: rerun the same command to compute only the missing ones");
        }

        StudySummary? summary = null;
        if (communicator.Rank == 0)
        {
            Merge(files, layout, shards);
            summary = StudySummary.FromCsv(files.Results);
            AtomicFile.Write(files.Summary, stream => summary.WriteJson(stream, manifest));
            if (options.SaveMatrices == MatrixSaving.NpyStacks)
            {
                NpyStackWriter.Write(files.Matrices, source.TrialCount, source.Rows, source.Columns, t => source.Load(t).Matrix);
                NpyStackWriter.Write(files.Directions, source.TrialCount, source.Rows, source.Columns, t => source.Load(t).Direction);
            }
        }

        return new StudyRunResult(files, layout, manifest, pending.Length, mine.Length - pending.Length, summary);
    }

    private static void PrepareDirectory(StudyFiles files, StudyManifest manifest, IStudyCommunicator communicator)
    {
        var text = manifest.ToJson();
        Exception? failure = null;
        try
        {
            if (communicator.Rank == 0)
            {
                Directory.CreateDirectory(files.Shards);
                if (!File.Exists(files.Manifest))
                {
                    AtomicFile.WriteText(files.Manifest, text);
                }
            }
        }
        catch (Exception error)
        {
            failure = error;
        }

        communicator.Barrier();
        try
        {
            if (failure is null && File.ReadAllText(files.Manifest) != text)
            {
                failure = new InvalidSpectralInputException(
                    $"{files.Directory} holds a different study (its study.json does not match this command); choose another --output, or delete the directory to start over");
            }
        }
        catch (IOException error)
        {
            failure = error;
        }

        if (!communicator.All(failure is null))
        {
            throw failure ?? new StudyIncompleteException("rank 0 could not prepare the study directory");
        }
    }

    private static PendingShard Pending(StudyDefinition definition, int shard)
    {
        var first = (long)shard * definition.ShardSize;
        return new PendingShard(shard, first, (int)Math.Min(definition.ShardSize, definition.Source.TrialCount - first));
    }

    private static void Merge(StudyFiles files, StudyLayout layout, int shards)
    {
        var missing = Enumerable.Range(0, shards).Where(s => !File.Exists(files.Shard(s))).ToArray();
        if (missing.Length > 0)
        {
            throw new StudyIncompleteException($"{missing.Length} of {shards} shards are missing (first: {files.Shard(missing[0])}); rerun the same command to compute them");
        }

        AtomicFile.Write(files.Results, output =>
        {
            output.Write(Encoding.UTF8.GetBytes(layout.Header + "\n"));
            for (var s = 0; s < shards; s++)
            {
                using var shard = File.OpenRead(files.Shard(s));
                shard.CopyTo(output);
            }
        });
        AtomicFile.RemoveLeftovers(files.Shards);
    }
}
