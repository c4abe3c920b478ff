using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Operators;
using SpectralSensitivity.Validation;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class DerivativesCommandTests
{
    [Theory]
    [MemberData(nameof(CliTheoryData.Formats), MemberType = typeof(CliTheoryData))]
    public void Json_matches_the_library_exactly_on_every_format(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(7, 5, 1);
        var e = TestMatrices.Random(7, 5, 2);
        var result = CliRunner.Run("derivatives", "--matrix", files.Write("A", a, format), "--direction", files.Write("E", e, format), "--index", "2", "--order", "7", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().BeEmpty();
        var expected = SingularValueDerivatives.Expand(MatrixFiles.AsStored(a, format), MatrixFiles.AsStored(e, format), 2, 7);
        var json = result.Json;
        json.GetProperty("index").GetInt32().Should().Be(2);
        json.Double("singularValue").Should().Be(expected.Value);
        json.Doubles("derivatives").Should().Equal(expected.Derivatives);
        json.Doubles("taylorCoefficients").Should().Equal(expected.TaylorCoefficients);
        json.Double("gap").Should().Be(expected.Gap);
        json.Double("convergenceRadius").Should().Be(expected.Convergence.Radius);
        json.GetProperty("method").GetString().Should().Be("recursion");
    }

    [Fact]
    public void Closed_form_method_matches_the_library_closed_form()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(4, 6, 3);
        var e = TestMatrices.Random(4, 6, 4);
        var result = CliRunner.Run("derivatives", "-A", files.Write("A", a, MatrixFormat.Csv), "-E", files.Write("E", e, MatrixFormat.Csv), "-k", "1", "-N", "5", "--method", "closed-form", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = SingularValueDerivatives.ClosedForm(ThinSingularValueDecomposition.Compute(a), PerturbationPath.Linear(e), 1, 5);
        result.Json.Doubles("derivatives").Should().Equal(expected.Derivatives);
        result.Json.GetProperty("closedFormTermCount").GetInt64().Should().Be(expected.TermCount);
    }

    [Fact]
    public void Extended_precision_SVD_refinement_matches_the_library_and_is_recorded_in_the_json()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(8, 6, 7);
        var e = TestMatrices.Random(8, 6, 8);
        var result = CliRunner.Run("derivatives", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "-E", files.Write("E", e, MatrixFormat.NpyFloat64C), "-k", "2", "-N", "6", "--refinement", "extended-precision", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = SingularValueDerivatives.Expand(ThinSingularValueDecomposition.Compute(a, DecompositionRefinement.ExtendedPrecision), PerturbationPath.Linear(e), 2, 6);
        result.Json.Doubles("derivatives").Should().Equal(expected.Derivatives);
        result.Json.Double("singularValue").Should().Be(expected.Value);
        result.Json.GetProperty("refinement").GetString().Should().Be("extended-precision");

        var unknown = CliRunner.Run("derivatives", "-A", files.Write("A2", a, MatrixFormat.Csv), "-E", files.Write("E2", e, MatrixFormat.Csv), "-k", "2", "-N", "6", "--refinement", "quad");
        unknown.ExitCode.Should().Be(2);
        unknown.Stdout.Should().BeEmpty();
        unknown.Stderr.Should().StartWith("error:").And.Contain("quad");
    }

    [Fact]
    public void Table_output_names_the_value_and_every_order()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(5, 5, 5);
        var e = TestMatrices.Random(5, 5, 6);
        var result = CliRunner.Run("derivatives", "-A", files.Write("A", a, MatrixFormat.NpyFloat64C), "-E", files.Write("E", e, MatrixFormat.NpyFloat64C), "-k", "3", "-N", "4");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = SingularValueDerivatives.Expand(a, e, 3, 4);
        result.Stdout.Should().Contain("s_3").And.Contain(expected.Value.ToString("G12", System.Globalization.CultureInfo.InvariantCulture));
        result.Stdout.Should().NotContain("\u001b[", "no ANSI escapes when stdout is not a terminal");
    }

    [Fact]
    public void Index_and_order_default_to_1_and_6_like_taylor()
    {
        using var files = new MatrixFiles();
        var a = files.Write("A", TestMatrices.Random(5, 4, 21), MatrixFormat.Csv);
        var e = files.Write("E", TestMatrices.Random(5, 4, 22), MatrixFormat.Csv);

        var defaults = CliRunner.Run("derivatives", "-A", a, "-E", e, "--json");
        var explicitly = CliRunner.Run("derivatives", "-A", a, "-E", e, "--index", "1", "--order", "6", "--json");

        defaults.ExitCode.Should().Be(0, defaults.ToString());
        defaults.Stdout.Should().Be(explicitly.Stdout);
        defaults.Json.GetProperty("derivatives").GetArrayLength().Should().Be(6);
        defaults.Json.GetProperty("index").GetInt32().Should().Be(1);
    }
}
