using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SpectralSensitivity.Benchmarks.Providers;

/// <summary>
/// Short job for second-scale operations: no pilot, one warm-up, a few measured single invocations (Monitoring),
/// in-process so the native libraries are loaded once and no second build is needed.
/// </summary>
public sealed class ProviderBenchmarkConfig : ManualConfig
{
    public ProviderBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}

/// <summary>More iterations, for the overhead comparison where a few percent matter.</summary>
public sealed class OverheadBenchmarkConfig : ManualConfig
{
    public OverheadBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(25)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
    }
}
