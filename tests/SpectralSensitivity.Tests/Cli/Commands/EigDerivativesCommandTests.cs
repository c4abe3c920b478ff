using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class EigDerivativesCommandTests
{
    [Theory]
    [MemberData(nameof(CliTheoryData.Formats), MemberType = typeof(CliTheoryData))]
    public void Json_matches_the_library_exactly_on_every_format(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var t = TestMatrices.Symmetric(6, 7);
        var t1 = TestMatrices.Symmetric(6, 8);
        var result = CliRunner.Run("eig-derivatives", "--matrix", files.Write("T", t, format), "--direction", files.Write("T1", t1, format), "--index", "1", "--order", "6", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = EigenvalueDerivatives.Expand(MatrixFiles.AsStored(t, format), MatrixFiles.AsStored(t1, format), 1, 6);
        result.Json.Double("eigenvalue").Should().Be(expected.Value);
        result.Json.Doubles("derivatives").Should().Equal(expected.Derivatives);
        result.Json.Doubles("taylorCoefficients").Should().Equal(expected.TaylorCoefficients);
        result.Json.TryGetProperty("singularValue", out _).Should().BeFalse();
    }

    [Fact]
    public void Extended_precision_refinement_matches_the_library_and_is_recorded_in_the_json()
    {
        using var files = new MatrixFiles();
        var t = TestMatrices.Symmetric(7, 11);
        var t1 = TestMatrices.Symmetric(7, 12);
        var result = CliRunner.Run("eig-derivatives", "-A", files.Write("T", t, MatrixFormat.NpyFloat64C), "-E", files.Write("T1", t1, MatrixFormat.NpyFloat64C), "-k", "3", "-N", "6", "--refinement", "extended-precision", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = EigenvalueDerivatives.Expand(SymmetricEigendecomposition.Compute(t, DecompositionRefinement.ExtendedPrecision), PerturbationPath.Linear(t1), 3, 6);
        result.Json.Double("eigenvalue").Should().Be(expected.Value);
        result.Json.Doubles("derivatives").Should().Equal(expected.Derivatives);
        result.Json.GetProperty("refinement").GetString().Should().Be("extended-precision");
    }

    [Fact]
    public void Closed_form_method_matches_the_library_closed_form()
    {
        using var files = new MatrixFiles();
        var t = TestMatrices.Symmetric(4, 9);
        var t1 = TestMatrices.Symmetric(4, 10);
        var format = MatrixFormat.CsvWithHeader;
        var result = CliRunner.Run("eig-derivatives", "-A", files.Write("T", t, format), "-E", files.Write("T1", t1, format), "-k", "4", "-N", "3", "--method", "closed-form", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = EigenvalueDerivatives.ClosedForm(
            SymmetricEigendecomposition.Compute(MatrixFiles.AsStored(t, format)), PerturbationPath.Linear(MatrixFiles.AsStored(t1, format)), 4, 3);
        result.Json.Doubles("derivatives").Should().Equal(expected.Derivatives);
    }

    [Theory]
    [InlineData("recursion")]
    [InlineData("closed-form")]
    public void Exact_case_two_by_two(string method)
    {
        // mu_2(diag(2, 1) + t [[0, 1], [1, 0]]) = 3/2 + sqrt(1/4 + t^2) = 2 + t^2 - t^4 + 2t^6 - 5t^8 + ...
        using var files = new MatrixFiles();
        var t = files.Text("T.csv", "2,0\n0,1\n");
        var t1 = files.Text("T1.csv", "0,1\n1,0\n");
        var result = CliRunner.Run("eig-derivatives", "-A", t, "-E", t1, "-k", "2", "-N", "8", "--method", method, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.Doubles("taylorCoefficients").Should().BeEquivalentTo(
            new[] { 2.0, 0, 1, 0, -1, 0, 2, 0, -5 }, o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Fact]
    public void Index_and_order_default_to_the_smallest_eigenvalue_and_order_6()
    {
        using var files = new MatrixFiles();
        var t = files.Write("T", TestMatrices.Symmetric(4, 23), MatrixFormat.Csv);
        var t1 = files.Write("T1", TestMatrices.Symmetric(4, 24), MatrixFormat.Csv);

        var defaults = CliRunner.Run("eig-derivatives", "-A", t, "-E", t1, "--json");
        var explicitly = CliRunner.Run("eig-derivatives", "-A", t, "-E", t1, "--index", "1", "--order", "6", "--json");

        defaults.ExitCode.Should().Be(0, defaults.ToString());
        defaults.Stdout.Should().Be(explicitly.Stdout);
        defaults.Json.GetProperty("derivatives").GetArrayLength().Should().Be(6);
    }
}
