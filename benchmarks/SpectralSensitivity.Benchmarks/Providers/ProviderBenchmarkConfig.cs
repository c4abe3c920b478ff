using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SpectralSensitivity.Benchmarks.Providers;

/// <summary>
/// Job for second-scale operations: no pilot, single invocations per iteration (Monitoring), in-process so the
/// native libraries are loaded once and no second build is needed.
/// </summary>
public abstract class MonitoringConfig : ManualConfig
{
    protected MonitoringConfig(int warmups, int iterations)
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(warmups)
            .WithIterationCount(iterations)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}

/// <summary>One warm-up and three measured calls: enough for the provider comparison (seconds per call for managed).</summary>
public sealed class ProviderBenchmarkConfig() : MonitoringConfig(warmups: 1, iterations: 3);

/// <summary>More iterations, for the overhead comparison where a few percent matter.</summary>
public sealed class OverheadBenchmarkConfig() : MonitoringConfig(warmups: 3, iterations: 25);
