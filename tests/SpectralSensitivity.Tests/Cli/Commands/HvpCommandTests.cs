using FluentAssertions;
using SpectralSensitivity.Decomposition;
using SpectralSensitivity.Hessian;

namespace SpectralSensitivity.Tests.Cli.Commands;

public sealed class HvpCommandTests
{
    [Theory]
    [MemberData(nameof(CliTheoryData.Formats), MemberType = typeof(CliTheoryData))]
    public void Json_matches_the_library_exactly_on_every_format(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(6, 3, 71);
        var e = TestMatrices.Random(6, 3, 72);
        var result = CliRunner.Run("hvp", "-A", files.Write("A", a, format), "-E", files.Write("E", e, format), "-k", "2", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var (sa, se) = (MatrixFiles.AsStored(a, format), MatrixFiles.AsStored(e, format));
        var product = HessianVectorProduct.At(ThinSingularValueDecomposition.Compute(sa), 2);
        var expected = product.Apply(se);
        result.Json.GetProperty("hessianVectorProduct").EnumerateArray().Select(r => r.Doubles()).Should()
            .BeEquivalentTo(Enumerable.Range(0, 6).Select(i => expected.Row(i).ToArray()), o => o.WithStrictOrdering());
        result.Json.Double("quadraticForm").Should().Be(product.QuadraticForm(se));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--cluster-mean")]
    [InlineData("--decomposition krylov")]
    [InlineData("--cluster-mean --decomposition krylov")]
    public void A_quadratic_form_beyond_the_double_range_exits_3_with_one_error_line(string options)
    {
        using var files = new MatrixFiles();
        var a = files.Write("A", TestMatrices.Random(6, 5, 73), MatrixFormat.NpyFloat64C);
        var e = files.Write("E", TestMatrices.Random(6, 5, 74).Multiply(Math.ScaleB(1.0, 1000)), MatrixFormat.NpyFloat64C);   // Hess s_k[E] ~ 2^1000 fits, <E, Hess s_k[E]> ~ 2^2000 does not

        var result = CliRunner.Run(["hvp", "-A", a, "-E", e, "-k", "2", .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--json"]);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: the ").And.Contain("is beyond the double range at this scale of A and E").And.EndWith("\n");
        result.Stderr.Count(c => c == '\n').Should().Be(1, "one error line");
    }

    [Fact]
    public void Quadratic_form_is_the_second_derivative_the_derivatives_command_prints()
    {
        using var files = new MatrixFiles();
        var a = files.Write("A", TestMatrices.Random(5, 4, 73), MatrixFormat.NpyFloat64C);
        var e = files.Write("E", TestMatrices.Random(5, 4, 74), MatrixFormat.NpyFloat64C);
        var hvp = CliRunner.Run("hvp", "-A", a, "-E", e, "-k", "1", "--json");
        var derivatives = CliRunner.Run("derivatives", "-A", a, "-E", e, "-k", "1", "-N", "2", "--json");

        var second = derivatives.Json.Doubles("derivatives")[1];
        hvp.Json.Double("quadraticForm").Should().BeApproximately(second, 1e-12 * Math.Max(1, Math.Abs(second)));
    }
}
