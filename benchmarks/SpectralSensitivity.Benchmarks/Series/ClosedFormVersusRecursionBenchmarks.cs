using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Benchmarks.Series;

/// <summary>
/// Kato's closed form (trace sum, C(2n−2, n−1) terms at order n) against the O(N²) recursion for N = 1..10 on a
/// 60 × 40 matrix, managed provider; the Terms column counts the closed form's trace terms over orders 1..N.
/// Run: <c>dotnet run -c Release --project benchmarks/SpectralSensitivity.Benchmarks -- --filter '*ClosedFormVersusRecursion*'</c>.
/// </summary>
[Config(typeof(Config))]
public class ClosedFormVersusRecursionBenchmarks
{
    private ThinSingularValueDecomposition _svd = null!;
    private PerturbationPath _path = null!;

    [Params(1, 2, 4, 6, 8, 10)]
    public int Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var normal = new Normal(0, 1, new SystemRandomSource(60));
        _svd = ThinSingularValueDecomposition.Compute(Matrix<double>.Build.Dense(60, 40, (_, _) => normal.Sample()));
        _path = PerturbationPath.Linear(Matrix<double>.Build.Dense(60, 40, (_, _) => normal.Sample()));
    }

    [Benchmark(Baseline = true)]
    public double Recursion() => SingularValueDerivatives.Expand(_svd, _path, 1, Order).Value;

    [Benchmark]
    public double ClosedForm() => SingularValueDerivatives.ClosedForm(_svd, _path, 1, Order).Value;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
            AddColumn(new TermCountColumn());
            SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
        }
    }

    private sealed class TermCountColumn : IColumn
    {
        public string Id => nameof(TermCountColumn);

        public string ColumnName => "Terms";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "closed-form trace terms summed over orders 1..N";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ClosedForm)
                ? SingularValueDerivatives.ClosedFormTermCount((int)benchmarkCase.Parameters["Order"]).ToString()
                : "-";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
