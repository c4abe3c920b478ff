using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SpectralSensitivity.Benchmarks.Decomposition;

/// <summary>ShortRun (3 iterations), in-process so the native provider is loaded once; ratios as "x slower".</summary>
public sealed class RefinementBenchmarkConfig : ManualConfig
{
    public RefinementBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
