using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace SpectralSensitivity.Tests.Studies;

/// <summary>Studies run as separate processes (alone and under mpirun): byte-identical merged results for 1, 2 and 3 ranks; a
/// killed process (or rank) leaves only complete shards, which a rerun of the same command keeps, computing only the rest; a
/// failing rank names its trial and the others exit 5. The kills happen at a known point, whatever the speed of the machine:
/// the testing hook <c>SPECTRAL_STUDY_TEST_HALT_AFTER_SHARDS</c> makes a process write N shards and half of the next, then
/// block until it is killed.</summary>
public partial class KilledStudyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private static string[] Small(string output) =>
        ["study", "--ensemble", "gaussian", "beta:2,5", "--rows", "6", "--columns", "10", "--trials", "30", "-k", "all", "-N", "4",
         "--validate", "closed-form,hessian,finite-differences", "--shard-size", "4", "--output", output];

    /// <summary>60 shards of 5 trials each with the Hessian validation.</summary>
    private static string[] Long(string output) =>
        ["study", "--ensemble", "gaussian", "uniform", "--rows", "6", "--columns", "10", "--trials", "150", "-k", "all", "-N", "4",
         "--validate", "hessian,extended-precision", "--shard-size", "5", "--output", output];

    /// <summary>The uninterrupted run's results.csv, computed once for both kill tests.</summary>
    private static readonly Lazy<byte[]> Reference = new(() =>
    {
        using var directory = new StudyDirectory();
        SpectralProcess.Run(Timeout, out var output, Long(directory.Root)).Should().Be(0, output);
        return File.ReadAllBytes(Path.Combine(directory.Root, "results.csv"));
    });

    [MpiFact]
    public void Merged_results_are_the_same_bytes_for_1_2_and_3_ranks()
    {
        using var directory = new StudyDirectory();
        SpectralProcess.Run(Timeout, out var single, Small(directory["one"])).Should().Be(0, single);
        var expected = File.ReadAllBytes(Path.Combine(directory["one"], "results.csv"));
        foreach (var ranks in new[] { 2, 3 })
        {
            using var run = SpectralProcess.StartMpi(ranks, Small(directory[$"ranks{ranks}"]));
            run.WaitForExit(Timeout).Should().Be(0, run.Stderr);
            run.Stdout.Should().Contain($"({ranks} ranks)");
            WorkerCounts().Matches(run.Stderr).Should().HaveCount(ranks, run.Stderr).And.OnlyContain(
                m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == Math.Max(1, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / ranks),
                "by default the ranks on one node share its cores: max(1, cores / local ranks) workers each");
            run.Stderr.Should().Contain($"spectral study: rank 0 of {ranks}: 0 of ").And.MatchRegex($@"rank 0 of {ranks}: (\d+) of \1 trials \(100 %\)")
                .And.NotContain("\u001b", "rank 0 reports progress in plain lines, readable in a log; the other ranks stay quiet");
            File.ReadAllBytes(Path.Combine(directory[$"ranks{ranks}"], "results.csv")).Should().Equal(expected, $"{ranks} ranks");
        }
    }

    [Fact]
    public void A_killed_process_leaves_complete_shards_and_the_rerun_computes_only_the_rest()
    {
        using var directory = new StudyDirectory();
        var output = directory["study"];
        using (var run = SpectralProcess.Start(HaltAfter("7"), Long(output)))
        {
            var pid = WaitForHalt(run);
            pid.Should().Be(run.Id, "the study process itself halted");
            run.Kill();
        }

        AssertWhatTheKillLeft(output, complete: 7);
        SpectralProcess.Run(Timeout, out var rerun, Long(output)).Should().Be(0, rerun);
        rerun.Should().Contain("this run computed 53 on rank 0 and skipped 7 already written", "the rerun keeps the 7 complete shards and computes the other 53");
        AssertSameAsUninterrupted(output);
    }

    [MpiFact]
    public void A_killed_rank_leaves_complete_shards_and_the_rerun_computes_only_the_rest()
    {
        using var directory = new StudyDirectory();
        var output = directory["study"];
        int code;
        string stderr;
        using (var run = SpectralProcess.StartMpi(HaltAfter("3@1"), 2, Long(output)))
        {
            // Rank 1 writes 3 of its 30 shards and halts half-way through the 4th; rank 0 writes all 30 of its own and waits for it.
            var pid = WaitForHalt(run);
            WaitUntil(() => ShardFiles(output).Length == 33, run, "rank 0 writes its 30 shards");
            WaitUntil(() => RankPid().IsMatch(run.Stderr), run, "mpirun forwards rank 1's start line");
            pid.Should().Be(int.Parse(RankPid().Match(run.Stderr).Groups[1].Value, CultureInfo.InvariantCulture), "rank 1 is the one that halted");
            using (var victim = System.Diagnostics.Process.GetProcessById(pid))
            {
                victim.Kill();
            }

            code = run.WaitForExit(Timeout);
            stderr = run.Stderr;
        }

        code.Should().NotBe(0, "the interrupted run fails");
        stderr.Should().MatchRegex(@"process rank 1 .* exited on signal 9", "mpirun names the killed rank");
        AssertWhatTheKillLeft(output, complete: 33);
        using var rerun = SpectralProcess.StartMpi(2, Long(output));
        rerun.WaitForExit(Timeout).Should().Be(0, rerun.Stderr);
        rerun.Stderr.Should().MatchRegex(@"rank 0 of 2 \(pid \d+\): computed 0 shards, skipped 30 already written")
            .And.MatchRegex(@"rank 1 of 2 \(pid \d+\): computed 27 shards, skipped 3 already written", "the rerun computes exactly the 27 missing shards");
        AssertSameAsUninterrupted(output);
    }

    [MpiFact]
    public void A_rank_that_fails_names_its_trial_and_the_other_ranks_exit_5_asking_for_a_rerun()
    {
        using var directory = new StudyDirectory();
        var matrices = Directory.CreateDirectory(directory["matrices"]).FullName;
        var random = new Random(5);
        for (var t = 0; t < 8; t++)
        {
            var (rows, columns) = t == 3 ? (3, 4) : (6, 10);                            // trial 3 (rank 1's second shard) has the wrong shape
            var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() - 0.5);
            global::SpectralSensitivity.IO.MatrixFile.Write(Path.Combine(matrices, $"m{t:D2}.csv"), matrix);
        }

        var output = directory["study"];
        using var run = SpectralProcess.StartMpiReportingExitCodes(2, "study", "--matrices", matrices, "-k", "1", "-N", "2", "--shard-size", "1", "--output", output);
        run.WaitForExit(Timeout);
        run.Stderr.Should().Contain("error: trial 3 of the study: ").And.Contain("m03.csv is 3 x 4; the study's matrices are 6 x 10")
            .And.Contain("rank 1 exited with 2", "a matrix of the wrong shape is bad input")
            .And.Contain("error: another rank failed before finishing its shards; the shards written are complete and kept: rerun the same command")
            .And.Contain("rank 0 exited with 5", "an incomplete study has its own exit code");
        ShardFiles(output).Select(Path.GetFileName).Should().BeEquivalentTo(
            ["shard-000000.csv", "shard-000001.csv", "shard-000002.csv", "shard-000004.csv", "shard-000006.csv"],
            "rank 0 writes all of its shards; rank 1 writes trial 1 and skips the trials after the failing one");
        File.Exists(Path.Combine(output, "results.csv")).Should().BeFalse();
    }

    private static Dictionary<string, string> HaltAfter(string value) => new() { ["SPECTRAL_STUDY_TEST_HALT_AFTER_SHARDS"] = value };

    /// <summary>Waits for the line of the testing hook (written after half of the next shard's temporary file) and returns the halted pid.</summary>
    private static int WaitForHalt(SpectralProcess run)
    {
        WaitUntil(() => HaltLine().IsMatch(run.Stderr), run, "the process halts after its shards");
        return int.Parse(HaltLine().Match(run.Stderr).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static void WaitUntil(Func<bool> condition, SpectralProcess run, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"{what}; stderr: {run.Stderr}");
            Thread.Sleep(20);
        }
    }

    private static string[] ShardFiles(string output)
    {
        var shards = Path.Combine(output, "shards");
        return Directory.Exists(shards) ? Directory.GetFiles(shards, "shard-*.csv").Where(f => f.EndsWith(".csv", StringComparison.Ordinal)).ToArray() : [];
    }

    /// <summary>Exactly <paramref name="complete"/> shard files, each whole; one hidden temporary file holding half a shard; no results.</summary>
    private static void AssertWhatTheKillLeft(string output, int complete)
    {
        File.Exists(Path.Combine(output, "results.csv")).Should().BeFalse("no results before every shard is written");
        var header = File.ReadAllText(Path.Combine(output, "study.json"));
        var fields = Regex.Match(header, "\"header\": \"([^\"]*)\"").Groups[1].Value.Split(',').Length;
        var files = ShardFiles(output);
        files.Should().HaveCount(complete);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            text.Should().EndWith("\n", file);
            var lines = text.TrimEnd('\n').Split('\n');
            lines.Should().HaveCount(5 * 6, $"{file}: 5 trials x 6 values of k");
            lines.Should().OnlyContain(l => SpectralSensitivity.Studies.Results.ResultsCsv.Split(l).Length == fields && l.EndsWith(",ok", StringComparison.Ordinal), file);
        }

        var partial = Directory.GetFiles(Path.Combine(output, "shards")).Where(f => f.Contains(".partial-", StringComparison.Ordinal)).ToArray();
        partial.Should().ContainSingle("the killed writer left the shard it was writing as a hidden temporary file");
        Path.GetFileName(partial[0]).Should().StartWith(".shard-");
        File.ReadAllText(partial[0]).Should().NotEndWith("\n", "it holds half a shard");
    }

    private static void AssertSameAsUninterrupted(string output)
    {
        File.ReadAllBytes(Path.Combine(output, "results.csv")).Should().Equal(Reference.Value);
        Directory.GetFiles(Path.Combine(output, "shards")).Should().OnlyContain(f => !f.Contains(".partial-", StringComparison.Ordinal), "the merge removes what killed writers left");
    }

    [GeneratedRegex(@"rank 1 of 2 \(pid (\d+)\) started")]
    private static partial Regex RankPid();

    [GeneratedRegex(@"started with (\d+) worker threads? on (\d+) cores?")]
    private static partial Regex WorkerCounts();

    [GeneratedRegex(@"SPECTRAL_STUDY_TEST_HALT_AFTER_SHARDS: pid (\d+) wrote \d+ shards and half of the next")]
    private static partial Regex HaltLine();
}
