using System.Collections.Concurrent;
using SpectralSensitivity.Studies.Evaluation;
using SpectralSensitivity.Studies.Results;

namespace SpectralSensitivity.Studies.Execution;

/// <summary>Computes a process's pending shards: the workers take single trials, in shard order, across shard boundaries, and
/// the worker finishing a shard's last trial writes the shard.</summary>
/// <remarks>
/// <para>Every trial of every pending shard goes into one queue handed out one trial at a time (no chunking), so W workers stay
/// busy until fewer than W trials are left, whatever the shard size. A running trial holds one <see cref="TrialEvaluator"/> (and
/// its workspaces) taken from a pool, so at most W are ever created (<c>Parallel.ForEach</c>'s per-task state would be made
/// again each time a worker yields its time slice, i.e. about every trial of a large study). A shard is written as soon as its last trial finishes, so at most about
/// W shards are held in memory and a killed process loses at most the shards in flight.</para>
/// <para>After a trial fails, the workers skip every later trial but still run the earlier ones, so the failure thrown (once, as a
/// <see cref="StudyTrialException"/> naming the trial) is that of the smallest failing trial, whatever the number of workers, and
/// every shard before it is written.</para>
/// <para>Cost: the trials' cost over W workers, plus formatting and writing each shard once.</para>
/// </remarks>
internal static class ShardComputation
{
    /// <summary>Computes <paramref name="shards"/> (shard numbers, ascending) and writes each through <paramref name="writer"/>.</summary>
    /// <returns>The number of evaluators (sets of workspaces) created: at most the number of workers.</returns>
    public static int Run(StudyDefinition definition, StudyLayout layout, StudyFiles files, IReadOnlyList<PendingShard> shards, ShardWriter writer, StudyRunOptions options)
    {
        var work = shards.SelectMany(shard => Enumerable.Range(0, shard.Rows!.Length).Select(offset => (Shard: shard, Offset: offset))).ToArray();
        long total = work.Length, done = 0;
        options.Progress?.Invoke(0, total);
        if (total == 0)
        {
            return 0;
        }

        var failures = new List<(long Trial, Exception Error)>();
        var firstFailure = long.MaxValue;                                               // trials after it are skipped, those before it all run
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = (int)Math.Min(Math.Max(1, options.Workers), total) };
        var queue = Partitioner.Create(Enumerable.Range(0, work.Length), EnumerablePartitionerOptions.NoBuffering);
        var evaluators = new ConcurrentBag<TrialEvaluator>();                          // at most one per running trial, i.e. per worker
        var created = 0;
        Parallel.ForEach(queue, parallel, item =>
        {
            writer.WaitIfHalted();
            var (shard, offset) = work[item];
            var trial = shard.First + offset;
            if (trial > Interlocked.Read(ref firstFailure))
            {
                return;
            }

            TrialEvaluator? evaluator = null;
            StudyRow[] rows;
            try
            {
                if (!evaluators.TryTake(out evaluator))
                {
                    evaluator = new TrialEvaluator(definition, layout);
                    Interlocked.Increment(ref created);
                }

                rows = evaluator.Evaluate(definition.Source.Load(trial));
            }
            catch (Exception error)
            {
                Fail(failures, ref firstFailure, trial, new StudyTrialException(trial, error));
                return;
            }
            finally
            {
                if (evaluator is not null)
                {
                    evaluators.Add(evaluator);
                }
            }

            options.Progress?.Invoke(Interlocked.Increment(ref done), total);
            if (shard.Complete(offset, rows))
            {
                try
                {
                    writer.Write(files.Shard(shard.Index), shard.TakeText());
                }
                catch (Exception error)
                {
                    Fail(failures, ref firstFailure, shard.First, error);                  // the file names the shard
                }
            }
        });

        if (failures.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failures.MinBy(f => f.Trial).Error).Throw();
        }

        return created;
    }

    private static void Fail(List<(long Trial, Exception Error)> failures, ref long firstFailure, long trial, Exception error)
    {
        lock (failures)
        {
            failures.Add((trial, error));
            Interlocked.Exchange(ref firstFailure, Math.Min(firstFailure, trial));
        }
    }
}
