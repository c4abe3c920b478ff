using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;

namespace SpectralSensitivity.Tests.Cli;

/// <summary>Malformed input and undefined derivatives: the documented exit code, one <c>error:</c> line naming the problem, empty stdout.</summary>
public sealed class ErrorTableTests : IDisposable
{
    private readonly MatrixFiles _files = new();

    public static TheoryData<string, int, string> Cases => new()
    {
        // name, exit code, text the error line must contain
        { "missing-file", 2, "does not exist" },
        { "wrong-shapes", 2, "same shape" },
        { "index-zero", 2, "index 0 is out of range" },
        { "index-too-large", 2, "index 6 is out of range" },
        { "order-zero", 2, "order 0 is out of range" },
        { "order-too-large", 2, "order 101 is out of range" },
        { "closed-form-order-too-large", 2, "order 13 is out of range" },
        { "nan-in-npy", 2, "row 2, column 3 (1-based) is nan" },
        { "inf-in-csv", 2, "row 2, column 2 (1-based) is inf" },
        { "repeated-singular-value", 3, "repeated" },
        { "zero-singular-value", 3, "is zero" },
        { "bad-option", 2, "--bogus" },
        { "missing-required-option", 2, "--direction" },
        { "bad-method", 2, "simplex" },
        { "unknown-command", 2, "frobnicate" },
        { "no-command", 2, "Required command" },
        { "not-an-integer", 2, "two" },
        { "wrong-magic", 2, "magic" },
        { "truncated-npy", 2, "truncated" },
        { "three-dimensional-npy", 2, "3-dimensional array" },
        { "complex-dtype-npy", 2, "dtype" },
        { "huge-declared-size", 2, "declares" },
        { "ragged-csv", 2, "expected 3 values, found 2" },
        { "text-in-csv", 2, "'five' is not a number" },
        { "empty-csv", 2, "contains no numbers" },
        { "unknown-extension", 2, "extension" },
        { "not-symmetric", 2, "not symmetric" },
        { "repeated-eigenvalue", 3, "repeated" },
        { "taylor-zero-points", 2, "--points 0" },
        { "taylor-bad-range", 2, "--t-min" },
        { "demo-bad-size", 2, "out of range" },
        { "hessian-too-large", 2, "over the limit of 2 GiB for the Hessian and its output; use 'spectral hvp'" },
        { "hessian-repeated", 3, "repeated" },
        { "hvp-wrong-shape", 2, "same shape" },
        { "output-bad-extension", 2, "extension" },
        { "output-missing-folder", 2, "does not exist" },
        { "mtx-bad-banner", 2, "MatrixMarket" },
        { "mtx-huge-declared-size", 2, "entries" },
        { "derivative-overflow-order-83", 3, "order 83" },
        { "response-file-folder", 2, "does not exist" },
        { "output-is-the-input", 2, "refusing to overwrite an input" },
        { "output-empty", 2, "the path is empty" },
        { "thousands-separator", 2, "'1,5' is not a finite number" },
        { "input-is-a-folder", 2, "is a folder" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_gives_its_exit_code_and_one_error_line(string name, int exitCode, string mentions)
    {
        var result = CliRunner.Run(Arguments(name));

        result.ExitCode.Should().Be(exitCode, result.ToString());
        result.Stdout.Should().BeEmpty();
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle().Which.Should().StartWith("error: ").And.Contain(mentions);
        result.Stderr.Should().NotContain("   at ", "no stack trace without --verbose");
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_after_the_error_line()
    {
        var result = CliRunner.Run([.. Arguments("repeated-singular-value"), "--verbose"]);

        result.ExitCode.Should().Be(3);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: ").And.Contain("DegenerateSpectrumException").And.Contain("   at ");
    }

    public void Dispose() => _files.Dispose();

    private string[] Arguments(string name)
    {
        var good = TestMatrices.Random(4, 3, 31);
        var a = _files.Write("A", good, MatrixFormat.NpyFloat64C);
        var e = _files.Write("E", TestMatrices.Random(4, 3, 32), MatrixFormat.NpyFloat64C);
        string[] Derivatives(string matrix, string direction, string index = "1", string order = "3") =>
            ["derivatives", "--matrix", matrix, "--direction", direction, "--index", index, "--order", order];
        string Npy(Matrix<double> m, string descr = "<f8", string? shape = null) => _files.Bytes($"{Guid.NewGuid():N}.npy", MatrixFiles.Npy(m, descr, fortran: false, shape));
        string Csv(string text) => _files.Text($"{Guid.NewGuid():N}.csv", text);

        var withNan = good.Clone();
        withNan[1, 2] = double.NaN;
        var symmetric = TestMatrices.Symmetric(3, 33);
        return name switch
        {
            "missing-file" => Derivatives(Path.Combine(_files.Directory, "nope.npy"), e),
            "wrong-shapes" => Derivatives(a, Npy(TestMatrices.Random(3, 4, 34))),
            "index-zero" => Derivatives(a, e, index: "0"),
            "index-too-large" => Derivatives(a, e, index: "6"),
            "order-zero" => Derivatives(a, e, order: "0"),
            "order-too-large" => Derivatives(a, e, order: "101"),
            "closed-form-order-too-large" => [.. Derivatives(a, e, order: "13"), "--method", "closed-form"],
            "nan-in-npy" => Derivatives(Npy(withNan), e),
            "inf-in-csv" => Derivatives(a, Csv("1,2,3\n4,inf,6\n7,8,9\n1,1,1\n")),
            "repeated-singular-value" => Derivatives(Npy(Matrix<double>.Build.DenseIdentity(4, 3)), e, index: "2"),
            "zero-singular-value" => Derivatives(Csv("1,0,0\n0,2,0\n0,0,0\n0,0,0\n"), e, index: "3"),
            "bad-option" => [.. Derivatives(a, e), "--bogus"],
            "missing-required-option" => ["derivatives", "--matrix", a, "--index", "1", "--order", "2"],
            "bad-method" => [.. Derivatives(a, e), "--method", "simplex"],
            "unknown-command" => ["frobnicate"],
            "no-command" => [],
            "not-an-integer" => Derivatives(a, e, index: "two"),
            "wrong-magic" => Derivatives(_files.Bytes("magic.npy", "PK\u0003\u0004 not numpy at all"u8.ToArray()), e),
            "truncated-npy" => Derivatives(_files.Bytes("short.npy", MatrixFiles.Npy(good, "<f8", fortran: false)[..100]), e),
            "three-dimensional-npy" => Derivatives(Npy(good, shape: "(2, 2, 3)"), e),
            "complex-dtype-npy" => Derivatives(Npy(good, descr: "<c16"), e),
            "huge-declared-size" => Derivatives(Npy(good, shape: "(100000000, 100000000)"), e),
            "ragged-csv" => Derivatives(Csv("1,2,3\n4,5\n"), e),
            "text-in-csv" => Derivatives(Csv("1,2,3\n4,five,6\n"), e),
            "empty-csv" => Derivatives(Csv(""), e),
            "unknown-extension" => Derivatives(_files.Text("A.xlsx", "1,2"), e),
            "not-symmetric" => ["eig-derivatives", "-A", Npy(TestMatrices.Random(3, 3, 35)), "-E", Npy(symmetric), "-k", "1", "-N", "2"],
            "repeated-eigenvalue" => ["eig-derivatives", "-A", Npy(Matrix<double>.Build.DenseIdentity(3)), "-E", Npy(symmetric), "-k", "1", "-N", "2"],
            "taylor-zero-points" => ["taylor", "-A", a, "-E", e, "--points", "0"],
            "taylor-bad-range" => ["taylor", "-A", a, "-E", e, "--t-min", "1", "--t-max", "0"],
            "demo-bad-size" => ["demo", "--rows", "0"],
            "hessian-too-large" => ["hessian", "-A", Npy(TestMatrices.Random(140, 140, 36))],
            "hessian-repeated" => ["hessian", "-A", Npy(Matrix<double>.Build.DenseIdentity(3)), "-k", "1"],
            "hvp-wrong-shape" => ["hvp", "-A", a, "-E", Npy(TestMatrices.Random(4, 4, 37))],
            "output-bad-extension" => ["gradient", "-A", a, "--output", Path.Combine(_files.Directory, "G.xlsx")],
            "output-missing-folder" => ["gradient", "-A", a, "--output", Path.Combine(_files.Directory, "none", "G.npy")],
            "mtx-bad-banner" => ["svd", "-A", _files.Text("bad.mtx", "%%NotMatrixMarket\n2 2\n1\n2\n3\n4\n")],
            "mtx-huge-declared-size" => ["svd", "-A", _files.Text("huge.mtx", "%%MatrixMarket matrix array real general\n100000000 100000000\n1\n")],
            "derivative-overflow-order-83" => Derivatives(Csv("3,0,0,0\n0,1.01,0,0\n0,0,1,0\n0,0,0,0.5\n0,0,0,0\n"), Csv("1,1,1,1\n1,1,1,1\n1,1,1,1\n1,1,1,1\n1,1,1,1\n"), index: "2", order: "100"),
            "response-file-folder" => ["svd", "-A", "@" + _files.Directory],
            "output-is-the-input" => ["gradient", "-A", a, "-o", a],
            "output-empty" => ["gradient", "-A", a, "-o", ""],
            "thousands-separator" => ["taylor", "-A", a, "-E", e, "--t-max", "1,5"],
            "input-is-a-folder" => ["svd", "-A", _files.Directory],
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
