using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace SpectralSensitivity.Tests.Studies;

/// <summary>Studies run as separate processes (alone and under mpirun): byte-identical merged results for 1, 2 and 3 ranks, and
/// a killed process (or rank) leaves only complete shards, which a rerun of the same command keeps, computing only the rest.</summary>
public partial class KilledStudyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private static string[] Small(string output) =>
        ["study", "--ensemble", "gaussian", "beta:2,5", "--rows", "6", "--columns", "10", "--trials", "30", "-k", "all", "-N", "4",
         "--validate", "closed-form,hessian,finite-differences", "--shard-size", "4", "--output", output];

    /// <summary>Long enough to be killed mid-run: 60 shards of 5 trials each with the Hessian validation.</summary>
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
        using (var run = SpectralProcess.Start(Long(output)))
        {
            WaitForShards(output, run);
            run.Kill();
        }

        AssertNoCorruptFile(output, out var survivors);
        SpectralProcess.Run(Timeout, out var rerun, Long(output)).Should().Be(0, rerun);
        Skipped(rerun).Should().Be(survivors, "the rerun keeps every complete shard");
        AssertSameAsUninterrupted(output);
    }

    [MpiFact]
    public void A_killed_rank_leaves_complete_shards_and_the_rerun_computes_only_the_rest()
    {
        using var directory = new StudyDirectory();
        var output = directory["study"];
        int code;
        using (var run = SpectralProcess.StartMpi(2, Long(output)))
        {
            WaitForShards(output, run);
            var deadline = DateTime.UtcNow + Timeout;
            while (!RankPid().IsMatch(run.Stderr) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);   // mpirun forwards the ranks' stderr on its own schedule: the line may come after the first shard
            }

            var rank = RankPid().Match(run.Stderr);
            rank.Success.Should().BeTrue(run.Stderr);
            using (var victim = System.Diagnostics.Process.GetProcessById(int.Parse(rank.Groups[1].Value, CultureInfo.InvariantCulture)))
            {
                victim.Kill();
            }

            code = run.WaitForExit(Timeout);
        }

        code.Should().NotBe(0, "mpirun reports the killed rank");
        AssertNoCorruptFile(output, out _);
        using var rerun = SpectralProcess.StartMpi(2, Long(output));
        rerun.WaitForExit(Timeout).Should().Be(0, rerun.Stderr);
        rerun.Stdout.Should().MatchRegex(@"skipped [1-9]\d* already written", "rank 0's shards written before the kill are kept");
        AssertSameAsUninterrupted(output);
    }

    private static void WaitForShards(string output, SpectralProcess run)
    {
        var shards = Path.Combine(output, "shards");
        var deadline = DateTime.UtcNow + Timeout;
        while (!(Directory.Exists(shards) && Directory.EnumerateFiles(shards, "shard-*.csv").Any()))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the study writes its first shard");
            Thread.Sleep(20);
        }

        Thread.Sleep(300);   // let a few more shards land, and another be half written
    }

    private static void AssertNoCorruptFile(string output, out int complete)
    {
        File.Exists(Path.Combine(output, "results.csv")).Should().BeFalse("no results before every shard is written");
        var header = File.ReadAllText(Path.Combine(output, "study.json"));
        var fields = Regex.Match(header, "\"header\": \"([^\"]*)\"").Groups[1].Value.Split(',').Length;
        var files = Directory.GetFiles(Path.Combine(output, "shards"), "shard-*.csv").Where(f => f.EndsWith(".csv", StringComparison.Ordinal)).ToArray();
        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            text.Should().EndWith("\n", file);
            var lines = text.TrimEnd('\n').Split('\n');
            lines.Should().HaveCount(5 * 6, $"{file}: 5 trials x 6 values of k");
            lines.Should().OnlyContain(l => SpectralSensitivity.Studies.Results.ResultsCsv.Split(l).Length == fields && l.EndsWith(",ok", StringComparison.Ordinal), file);
        }

        complete = files.Length;
    }

    private static void AssertSameAsUninterrupted(string output)
    {
        File.ReadAllBytes(Path.Combine(output, "results.csv")).Should().Equal(Reference.Value);
        Directory.GetFiles(Path.Combine(output, "shards")).Should().OnlyContain(f => !f.Contains(".partial-", StringComparison.Ordinal));
    }

    private static int Skipped(string output) => int.Parse(SkippedCount().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"rank 1 of 2 \(pid (\d+)\) started")]
    private static partial Regex RankPid();

    [GeneratedRegex(@"started with (\d+) worker threads? on (\d+) cores?")]
    private static partial Regex WorkerCounts();

    [GeneratedRegex(@"skipped (\d+) already written")]
    private static partial Regex SkippedCount();
}
