using System.Text;
using FluentAssertions;
using SpectralSensitivity.Cli;
using SpectralSensitivity.Cli.Commands;
using SpectralSensitivity.Cli.Infrastructure;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Tests.Cli.Hostile;

/// <summary>Large results: JSON streams (memory is the matrix plus a bounded buffer, measured), and the Hessian's budget counts its output.</summary>
[Collection(AllocationCollection.Name)]
public sealed class MemoryBudgetTests
{
    [Fact]
    public void Hessian_json_streams_instead_of_building_the_text()
    {
        using var files = new MatrixFiles();
        var a = files.Write("A", TestMatrices.Random(24, 24, 31), MatrixFormat.NpyFloat64C);
        var hessianBytes = SingularValueHessian.RequiredBytes(24, 24); // 2.7 MB; its JSON is about 8 MB (16 MB as UTF-16 text)
        var sink = new CountingWriter();
        CliApplication.Run(["hessian", "-A", a, "-k", "1"], new CountingWriter(), new StringWriter()); // warm up: JIT, static state

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var code = CliApplication.Run(["hessian", "-A", a, "-k", "1", "--json"], sink, new StringWriter());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        code.Should().Be(0);
        sink.Characters.Should().BeGreaterThan(2 * (long)hessianBytes / 8 * 10, "every entry was written");
        allocated.Should().BeLessThan((long)(3 * hessianBytes) + (8 << 20), $"allocated {allocated} bytes for a {hessianBytes}-byte Hessian whose JSON is {sink.Characters} characters");
    }

    [Fact]
    public void Json_working_memory_is_bounded_by_one_flush_and_one_row()
    {
        var columns = 16_384L; // the widest Hessian under 2 GiB (128 x 128)
        var sinks = new ResultSinks(Json: true, OutputPath: null);

        sinks.WorkingBytes(columns).Should().BeLessThan(3 << 20);
        sinks.WorkingBytes(columns).Should().BeGreaterThanOrEqualTo(3 * (JsonMatrix.FlushBytes + columns * 24), "a row of indented numbers fits the estimate");
    }

    [Fact]
    public void The_hessian_budget_sets_the_output_cost_aside()
    {
        var json = HessianCommand.HessianBudget(90, 90, new ResultSinks(true, "H.npy"));
        var table = HessianCommand.HessianBudget(90, 90, new ResultSinks(false, null));

        json.Should().Be(HessianCommand.MemoryBudgetBytes - JsonMatrix.WorkingBytes(8100) - ResultSinks.FileBytes(8100));
        table.Should().Be(HessianCommand.MemoryBudgetBytes - ResultSinks.TableBytes);
        SingularValueHessian.RequiredBytes(90, 90).Should().BeLessThan(json, "the 90 x 90 Hessian with JSON and a file fits the budget");
    }

    [Fact]
    public void A_hessian_just_under_the_budget_is_refused_when_its_output_does_not_fit()
    {
        // 128 x 128: the Hessian alone is exactly 2 GiB, so with any output it exceeds the budget.
        SingularValueHessian.RequiredBytes(128, 128).Should().Be(HessianCommand.MemoryBudgetBytes);
        using var files = new MatrixFiles();
        var a = files.Write("A", TestMatrices.Random(128, 128, 32), MatrixFormat.NpyFloat64C);

        var result = CliRunner.Run("hessian", "-A", a, "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("over the limit of 2 GiB for the Hessian and its output");
    }

    /// <summary>Counts characters and keeps none.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Characters { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Characters++;

        public override void Write(char[] buffer, int index, int count) => Characters += count;

        public override void Write(string? value) => Characters += value?.Length ?? 0;
    }
}

/// <summary>Tests that measure allocations run alone (no other test allocates meanwhile).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "allocation measurements";
}
