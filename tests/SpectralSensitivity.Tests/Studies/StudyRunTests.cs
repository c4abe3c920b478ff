using System.Globalization;
using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Errors;
using SpectralSensitivity.IO;
using SpectralSensitivity.Studies;
using SpectralSensitivity.Studies.Execution;
using SpectralSensitivity.Studies.Results;
using SpectralSensitivity.Studies.Sampling;
using SpectralSensitivity.Studies.Sources;
using SpectralSensitivity.Studies.Storage;

namespace SpectralSensitivity.Tests.Studies;

public class StudyRunTests
{
    private static StudyDefinition Paper(int trials = 20, StudyValidations validations = StudyValidations.Hessian | StudyValidations.FiniteDifferences | StudyValidations.ClosedForm | StudyValidations.ExtendedPrecision) =>
        new(new EnsembleSource([Ensemble.Gaussian, Ensemble.Uniform, Ensemble.Beta(2, 5)], 6, 10, trials, 2025), StudyIndices.All, 4, validations);

    [Fact]
    public void Results_are_the_same_bytes_for_any_number_of_workers_and_any_shard_size()
    {
        using var directory = new StudyDirectory();
        var definition = Paper();
        var one = Study.Run(definition, directory["one"], new StudyRunOptions { Workers = 1 });
        Study.Run(definition, directory["three"], new StudyRunOptions { Workers = 3 });
        Study.Run(definition with { ShardSize = 7 }, directory["shards"], new StudyRunOptions { Workers = 2 });
        var bytes = File.ReadAllBytes(one.Files.Results);
        File.ReadAllBytes(Path.Combine(directory["three"], "results.csv")).Should().Equal(bytes);
        File.ReadAllBytes(Path.Combine(directory["shards"], "results.csv")).Should().Equal(bytes);
        File.ReadAllLines(one.Files.Results).Should().HaveCount(1 + 60 * 6);
    }

    [Fact]
    public void Every_validation_error_is_small_on_the_papers_ensembles()
    {
        using var directory = new StudyDirectory();
        var result = Study.Run(Paper(), directory.Root);
        var summary = result.Summary!;
        double Worst(string column) => summary.Groups.Max(g => g.Columns[column].Max);
        for (var j = 1; j <= 4; j++)
        {
            Worst($"closed_form_error_d{j}").Should().BeLessThan(1e-12, "two algorithms on the same SVD");
            Worst($"extended_precision_error_d{j}").Should().BeLessThan(1e-10, "double against refined SVD: the conditioning of 6 x 10 Gaussian matrices");
        }

        Worst("finite_difference_error_d1").Should().BeLessThan(1e-7);
        Worst("finite_difference_error_d2").Should().BeLessThan(1e-4);
        Worst("hessian_kronecker_error").Should().BeLessThan(1e-9, "independent full SVD: ε ‖A‖ / d² relative");
        Worst("hessian_finite_difference_error").Should().BeLessThan(1e-6);
        summary.Groups.Should().OnlyContain(g => g.Ok == g.Rows);
    }

    [Fact]
    public void Values_in_results_csv_match_the_single_matrix_API_for_saved_trials()
    {
        using var directory = new StudyDirectory();
        var definition = Paper(trials: 5, StudyValidations.None) with { Indices = StudyIndices.Of([1, 3, 6]) };
        var result = Study.Run(definition, directory.Root, new StudyRunOptions { SaveMatrices = MatrixSaving.NpyStacks });
        var a = NpyStack.Open(result.Files.Matrices);
        var e = NpyStack.Open(result.Files.Directions);
        a.Count.Should().Be(15);
        var lines = File.ReadAllLines(result.Files.Results).Skip(1).Select(ResultsCsv.Split).ToArray();
        foreach (var trial in new[] { 0, 7, 14 })
        {
            var svd = ThinSingularValueDecomposition.Compute(a.Read(trial));
            foreach (var k in new[] { 1, 3, 6 })
            {
                var expansion = SingularValueDerivatives.Expand(svd, PerturbationPath.Linear(e.Read(trial)), k, 4);
                var row = lines.Single(l => l[1] == trial.ToString(CultureInfo.InvariantCulture) && l[2] == k.ToString(CultureInfo.InvariantCulture));
                double.Parse(row[3], CultureInfo.InvariantCulture).Should().Be(expansion.Value);
                row.Skip(4).Take(4).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).Should().Equal(expansion.Derivatives);
            }
        }
    }

    [Fact]
    public void Saved_matrices_are_the_trials_of_the_source()
    {
        using var directory = new StudyDirectory();
        var definition = Paper(trials: 3, StudyValidations.None);
        var result = Study.Run(definition, directory.Root, new StudyRunOptions { SaveMatrices = MatrixSaving.NpyStacks });
        var stack = NpyStack.Open(result.Files.Matrices);
        (stack.Count, stack.Rows, stack.Columns).Should().Be((9, 6, 10));
        stack.Read(4).Should().Be(definition.Source.Load(4).Matrix);
        NpyStack.Open(result.Files.Directions).Read(8).Should().Be(definition.Source.Load(8).Direction);
    }

    [Fact]
    public void A_study_of_a_saved_stack_reproduces_the_ensemble_study()
    {
        using var directory = new StudyDirectory();
        var ensemble = new StudyDefinition(new EnsembleSource([Ensemble.Gaussian], 5, 4, 6, 9), StudyIndices.All, 3, StudyValidations.ClosedForm);
        var first = Study.Run(ensemble, directory["ensemble"], new StudyRunOptions { SaveMatrices = MatrixSaving.NpyStacks });
        var stack = new StudyDefinition(new MatrixStackSource(NpyStack.Open(first.Files.Matrices), 9, NpyStack.Open(first.Files.Directions)), StudyIndices.All, 3, StudyValidations.ClosedForm);
        var second = Study.Run(stack, directory["stack"]);
        static string[] Numbers(string path) => File.ReadAllLines(path).Skip(1).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]).ToArray();
        Numbers(second.Files.Results).Should().Equal(Numbers(first.Files.Results), "same matrices and directions read back from A.npy and E.npy: same numbers (only the ensemble column differs)");
    }

    [Fact]
    public void A_rerun_computes_only_the_missing_shards_and_removes_leftovers()
    {
        using var directory = new StudyDirectory();
        var definition = Paper(trials: 10, StudyValidations.ClosedForm) with { ShardSize = 3 };
        var complete = Study.Run(definition, directory.Root);
        var expected = File.ReadAllBytes(complete.Files.Results);
        complete.ShardsComputed.Should().Be(10);

        // What a killed run leaves: some shards, a temporary file, no results.
        File.Delete(complete.Files.Shard(2));
        File.Delete(complete.Files.Shard(7));
        File.Delete(complete.Files.Results);
        File.WriteAllText(complete.Files.Shard(7) + AtomicFile.PartialMarker + "999-dead", "gaussian,21,1,0.5");

        var rerun = Study.Run(definition, directory.Root);
        (rerun.ShardsComputed, rerun.ShardsSkipped).Should().Be((2, 8));
        File.ReadAllBytes(rerun.Files.Results).Should().Equal(expected);
        Directory.EnumerateFiles(rerun.Files.Shards).Should().OnlyContain(f => !f.Contains(AtomicFile.PartialMarker));
    }

    [Fact]
    public void A_directory_holding_another_study_is_refused()
    {
        using var directory = new StudyDirectory();
        Study.Run(Paper(trials: 2, StudyValidations.None), directory.Root);
        FluentActions.Invoking(() => Study.Run(Paper(trials: 3, StudyValidations.None), directory.Root))
            .Should().Throw<InvalidSpectralInputException>().WithMessage("*different study*");
    }

    [Fact]
    public void External_values_are_compared_like_the_references()
    {
        using var directory = new StudyDirectory();
        var definition = new StudyDefinition(new EnsembleSource([Ensemble.Gaussian], 4, 3, 2, 5), StudyIndices.Of([1, 2]), 3);
        var baseline = Study.Run(definition, directory["baseline"]);
        var rows = File.ReadAllLines(baseline.Files.Results).Skip(1).Select(ResultsCsv.Split).ToArray();
        var csv = "trial,k,d1,d2\n" + string.Join("\n", rows.Select(r =>
        {
            var d2 = double.Parse(r[5], CultureInfo.InvariantCulture);
            var shifted = r[1] == "1" && r[2] == "2" ? d2 + 1e-6 : d2;      // one wrong value
            return $"{r[1]},{r[2]},{r[4]},{shifted.ToString("R", CultureInfo.InvariantCulture)}";
        })) + "\n";
        var external = ExternalReference.Parse(new StringReader(csv), "torch.csv");
        var result = Study.Run(definition with { External = external }, directory["external"]);
        var checkedRows = File.ReadAllLines(result.Files.Results).Skip(1).Select(ResultsCsv.Split).ToArray();
        result.Layout.ErrorColumns.Should().Equal("external_error_d1", "external_error_d2");
        foreach (var row in checkedRows)
        {
            var error = double.Parse(row[8], CultureInfo.InvariantCulture);
            double.Parse(row[7], CultureInfo.InvariantCulture).Should().Be(0);
            if (row[1] == "1" && row[2] == "2")
            {
                error.Should().BeGreaterThan(1e-9);
            }
            else
            {
                error.Should().Be(0);
            }
        }
    }

    [Fact]
    public void Degenerate_values_get_a_status_and_empty_cells_not_numbers()
    {
        using var directory = new StudyDirectory();
        var folder = Directory.CreateDirectory(directory["matrices"]).FullName;
        global::SpectralSensitivity.IO.MatrixFile.Write(Path.Combine(folder, "a.csv"), MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 0 }, { 0, 2 }, { 0, 0 } }));
        global::SpectralSensitivity.IO.MatrixFile.Write(Path.Combine(folder, "b.csv"), MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 0 }, { 0, 1 }, { 0, 0 } }));
        var definition = new StudyDefinition(new MatrixStackSource(MatrixFolder.Open(folder), 1), StudyIndices.All, 2, StudyValidations.ClosedForm);
        var result = Study.Run(definition, directory["out"]);
        var lines = File.ReadAllLines(result.Files.Results);
        lines[1].Should().Be("matrices,0,1,,,,,,degenerate");
        lines[3].Should().EndWith(",ok");
        result.Summary!.Groups.Single(g => g.Index == 1).Ok.Should().Be(1);
    }
}
