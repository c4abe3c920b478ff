using FluentAssertions;
using SpectralSensitivity.Errors;
using SpectralSensitivity.Studies;
using SpectralSensitivity.Studies.Execution;
using SpectralSensitivity.Studies.Sampling;
using SpectralSensitivity.Studies.Sources;

namespace SpectralSensitivity.Tests.Studies;

/// <summary>How the workers of one process share a study: single trials across shards, each shard written when its last trial
/// finishes, the same bytes for any split, nothing to do handled, and a failing trial reported once by number.</summary>
public class StudyWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static EnsembleSource Gaussian(int trials) => new([Ensemble.Gaussian], 5, 4, trials, 77);

    private static StudyDefinition Define(StudySource source, int shardSize) =>
        new StudyDefinition(source, StudyIndices.All, 3, StudyValidations.ClosedForm) with { ShardSize = shardSize };

    [Fact]
    public void Two_workers_run_trials_of_different_shards_at_once()
    {
        // One trial per shard: two trials can only be in flight together if workers take trials across shards.
        using var directory = new StudyDirectory();
        using var meeting = new Barrier(2);
        var met = new bool[2];
        var source = new HookedSource(Gaussian(6), trial =>
        {
            if (trial < 2)
            {
                met[trial] = meeting.SignalAndWait(Patience);                         // returns at once when both trials are in flight
            }
        });
        var result = Study.Run(Define(source, shardSize: 1), directory.Root, new StudyRunOptions { Workers = 2 });
        met.Should().Equal([true, true], "trials 0 and 1 (shards 0 and 1) ran at the same time on the two workers");
        result.ShardsComputed.Should().Be(6);
    }

    [Fact]
    public void A_shard_is_written_when_its_last_trial_finishes_not_after_the_others()
    {
        // Trial 4 (shard 2, the last) waits until shard 0 is on disk: it must be written while other shards are still running.
        using var directory = new StudyDirectory();
        var shard0 = Path.Combine(directory.Root, "shards", "shard-000000.csv");
        var seen = false;
        var source = new HookedSource(Gaussian(5), trial =>
        {
            if (trial == 4)
            {
                seen = SpinWait.SpinUntil(() => File.Exists(shard0), Patience);
            }
        });
        Study.Run(Define(source, shardSize: 2), directory.Root, new StudyRunOptions { Workers = 2 });
        seen.Should().BeTrue("shard 0 (trials 0, 1) is written before trial 4 starts");
    }

    [Fact]
    public void Workspaces_are_made_once_per_worker_even_when_trials_outlast_a_time_slice()
    {
        // Trials of 250 ms: longer than the slice after which Parallel.ForEach hands a worker's loop to a new task.
        using var directory = new StudyDirectory();
        var source = new HookedSource(Gaussian(8), _ => Thread.Sleep(250));
        var definition = Define(source, shardSize: 1);
        var files = new StudyFiles(directory.Root);
        Directory.CreateDirectory(files.Shards);
        var shards = Enumerable.Range(0, 8).Select(s => new PendingShard(s, s, 1)).ToArray();
        var created = ShardComputation.Run(definition, definition.Validate(), files, shards, ShardWriter.FromEnvironment(0), new StudyRunOptions { Workers = 2 });
        created.Should().BeInRange(1, 2, "one evaluator (with its workspaces) per worker");
        Directory.GetFiles(files.Shards, "shard-*.csv").Should().HaveCount(8);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(2, 4)]
    [InlineData(4, 5)]
    [InlineData(3, 64)]
    public void Results_are_the_same_bytes_whatever_the_workers_and_the_shard_size(int workers, int shardSize)
    {
        using var directory = new StudyDirectory();
        var reference = Study.Run(Define(Gaussian(13), shardSize: 13), directory["reference"], new StudyRunOptions { Workers = 1 });
        var run = Study.Run(Define(Gaussian(13), shardSize), directory["run"], new StudyRunOptions { Workers = workers });
        File.ReadAllBytes(run.Files.Results).Should().Equal(File.ReadAllBytes(reference.Files.Results));
        run.ShardsComputed.Should().Be((13 + shardSize - 1) / shardSize);
    }

    [Fact]
    public void A_rank_with_no_shard_of_its_own_does_nothing_and_reports_no_work()
    {
        using var directory = new StudyDirectory();
        var loads = 0;
        var reports = new List<(long Done, long Total)>();
        var source = new HookedSource(Gaussian(3), _ => Interlocked.Increment(ref loads));
        var definition = Define(source, shardSize: 1);
        FluentActions.Invoking(() => Study.Run(definition, directory.Root, new StudyRunOptions { Communicator = new FixedRank(0, 4) }))
            .Should().Throw<StudyIncompleteException>("rank 0 prepares the folder and computes shard 0, but ranks 1 and 2 never ran").WithMessage("2 of 3 shards are missing*");
        loads = 0;
        var result = Study.Run(definition, directory.Root, new StudyRunOptions
        {
            Workers = 2,
            Communicator = new FixedRank(3, 4),                                      // shards 0, 1, 2 go to ranks 0, 1, 2
            Progress = (done, total) => reports.Add((done, total)),
        });
        (result.ShardsComputed, result.ShardsSkipped, loads).Should().Be((0, 0, 0));
        reports.Should().Equal((0L, 0L));
        result.Summary.Should().BeNull("only rank 0 merges");
    }

    [Fact]
    public void A_failing_trial_is_reported_once_by_number_and_the_shards_finished_before_it_are_kept()
    {
        using var directory = new StudyDirectory();
        var source = new HookedSource(Gaussian(12), trial =>
        {
            if (trial is 5 or 6 or 9)
            {
                throw new InvalidSpectralInputException($"matrix {trial} is unreadable");
            }
        });
        var run = () => Study.Run(Define(source, shardSize: 2), directory.Root, new StudyRunOptions { Workers = 3 });
        var thrown = run.Should().ThrowExactly<StudyTrialException>().Which;
        thrown.Trial.Should().Be(5, "after a failure the later trials are skipped and the earlier ones still run, so the first failing trial is reported");
        thrown.Message.Should().Be("trial 5 of the study: matrix 5 is unreadable");
        thrown.InnerException.Should().BeOfType<InvalidSpectralInputException>();
        var shards = Path.Combine(directory.Root, "shards");
        File.Exists(Path.Combine(shards, "shard-000000.csv")).Should().BeTrue();
        File.Exists(Path.Combine(shards, "shard-000001.csv")).Should().BeTrue();
        File.Exists(Path.Combine(shards, "shard-000002.csv")).Should().BeFalse("trial 5 of shard 2 failed");
        File.Exists(Path.Combine(directory.Root, "results.csv")).Should().BeFalse();
    }
}
