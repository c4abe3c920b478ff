using System.Text.Json.Nodes;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Cli.Serve;
using static SpectralSensitivity.Tests.Cli.Serve.ServeRunner;

namespace SpectralSensitivity.Tests.Cli.Serve;

public sealed class ServeCommandTests
{
    [Fact]
    public void Every_command_answers_with_the_object_its_json_option_prints_on_one_line()
    {
        using var files = new MatrixFiles();
        var a = files.Write("A", TestMatrices.Random(4, 3, 1), MatrixFormat.NpyFloat64C);
        var e = files.Write("E", TestMatrices.Random(4, 3, 2), MatrixFormat.NpyFloat64C);
        var t = files.Write("T", TestMatrices.Symmetric(3, 3), MatrixFormat.Csv);
        var t1 = files.Write("T1", TestMatrices.Symmetric(3, 4), MatrixFormat.Csv);
        var report = Path.Combine(files.Directory, "r.html");
        (string Command, (string, object?)[] Options)[] cases =
        [
            ("demo", [("rows", 4), ("columns", 3), ("order", 3)]),
            ("derivatives", [("matrix", a), ("direction", e), ("index", 2), ("order", 5), ("method", "closed-form")]),
            ("eig-derivatives", [("matrix", t), ("direction", t1), ("index", 1), ("order", 3)]),
            ("svd", [("matrix", a), ("vectors", true)]),
            ("gradient", [("matrix", a), ("index", 2)]),
            ("hessian", [("matrix", a), ("index", 1)]),
            ("hvp", [("matrix", a), ("direction", e), ("index", 3)]),
            ("hessian-spectrum", [("matrix", a), ("top", 2)]),
            ("taylor", [("matrix", a), ("direction", e), ("t-min", -0.01), ("t-max", 0.02), ("points", 3)]),
            ("report", [("matrix", a), ("direction", e), ("output", report), ("points", 5)]),
            ("info", []),
        ];

        var (code, answers, stderr) = Run(cases.Select(c => Request(c.Command, c.Options)).ToArray());

        code.Should().Be(0, stderr);
        stderr.Should().BeEmpty();
        answers.Should().HaveCount(cases.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            var args = new List<string> { cases[i].Command };
            foreach (var (name, value) in cases[i].Options)
            {
                args.AddRange(value is true ? [$"--{name}"] : [$"--{name}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!]);
            }

            var direct = CliRunner.Run([.. args, "--json"]);
            direct.ExitCode.Should().Be(0, direct.ToString());
            JsonNode.DeepEquals(JsonNode.Parse(answers[i]), JsonNode.Parse(direct.Stdout)).Should().BeTrue($"{cases[i].Command}: serve answered {answers[i]}, the command printed {direct.Stdout}");
        }
    }

    [Fact]
    public void Inline_matrices_give_the_same_answer_as_files_and_a_flat_array_is_a_column()
    {
        using var files = new MatrixFiles();
        var a = TestMatrices.Random(5, 3, 11);
        var e = TestMatrices.Random(5, 3, 12);
        var fromFiles = Request("derivatives", ("matrix", files.Write("A", a, MatrixFormat.NpyFloat64C)), ("direction", files.Write("E", e, MatrixFormat.NpyFloat64C)), ("index", 2), ("order", 4));
        var inline = Request("derivatives", ("matrix", Rows(a)), ("direction", Rows(e)), ("index", 2), ("order", 4));
        var column = Request("svd", ("matrix", new[] { 3.0, 4.0 }));

        var (code, answers, _) = Run(fromFiles, inline, column);

        code.Should().Be(0);
        answers[1].Should().Be(answers[0]);
        JsonNode.Parse(answers[2])!["rows"]!.GetValue<int>().Should().Be(2);
        JsonNode.Parse(answers[2])!["singularValues"]!.AsArray().Single()!.GetValue<double>().Should().Be(5.0);
    }

    [Fact]
    public void A_bad_request_is_answered_with_its_error_and_exit_code_and_the_next_one_still_runs()
    {
        using var files = new MatrixFiles();
        var e = files.Write("E", TestMatrices.Random(2, 2, 5), MatrixFormat.Csv);
        var good = Request("svd", ("matrix", Rows(TestMatrices.Random(3, 2, 6))));
        string[] requests =
        [
            "not json",
            "[1, 2]",
            "{\"matrix\": \"A.npy\"}",
            Request("no-such-command"),
            Request("serve"),
            Request("svd", ("matrix", Rows(TestMatrices.Random(3, 2, 6))), ("colour", "red")),
            Request("svd", ("matrix", Path.Combine(files.Directory, "missing.npy"))),
            Request("svd", ("matrix", new[] { new[] { 1.0, 2.0 }, new[] { 3.0 } })),
            "{\"command\": \"svd\", \"matrix\": [[1, \"x\"]]}",
            "{\"command\": \"svd\", \"matrix\": [[[1]]]}",
            "{\"command\": \"svd\", \"matrix\": []}",
            "{\"command\": \"svd\", \"matrix\": {\"a\": 1}}",
            Request("derivatives", ("matrix", Rows(Matrix<double>.Build.DenseIdentity(2))), ("direction", e), ("index", 1), ("order", 2)),
            Request("taylor", ("matrix", Rows(TestMatrices.Random(2, 2, 7))), ("direction", e), ("points", 0)),
            good,
        ];

        var (code, answers, _) = Run(requests);

        code.Should().Be(0, "a bad request never ends the process");
        answers.Should().HaveCount(requests.Length);
        var errors = answers[..^1].Select(a => JsonNode.Parse(a)!).ToArray();
        errors.Select(x => x["exitCode"]!.GetValue<int>()).Should().Equal(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2);
        errors.Should().OnlyContain(x => x["error"]!.GetValue<string>().Length > 0 && x.AsObject().Count == 2);
        errors[3]["error"]!.GetValue<string>().Should().Contain("no-such-command").And.Contain("derivatives");
        errors[5]["error"]!.GetValue<string>().Should().Contain("colour").And.Contain("\"vectors\"");
        errors[6]["error"]!.GetValue<string>().Should().Contain("missing.npy");
        errors[7]["error"]!.GetValue<string>().Should().Contain("row 2");
        errors[12]["error"]!.GetValue<string>().Should().Contain("repeated");
        answers[^1].Should().Be(Run(good).Answers.Single(), "the process is unharmed by the errors before");
    }

    [Fact]
    public void Flags_follow_true_false_and_null_and_json_is_always_on()
    {
        var matrix = Rows(TestMatrices.Random(3, 2, 8));
        var (code, answers, _) = Run(
            Request("svd", ("matrix", matrix), ("vectors", true)),
            Request("svd", ("matrix", matrix), ("vectors", false), ("json", false)),
            Request("svd", ("matrix", matrix), ("vectors", null)),
            string.Empty,
            "   ");

        code.Should().Be(0);
        answers.Should().HaveCount(3, "blank lines are not requests");
        JsonNode.Parse(answers[0])!.AsObject().ContainsKey("leftVectors").Should().BeTrue();
        JsonNode.Parse(answers[1])!.AsObject().ContainsKey("leftVectors").Should().BeFalse();
        answers[2].Should().Be(answers[1]);
    }

    [Fact]
    public void The_end_of_the_input_ends_serve_with_exit_code_zero()
    {
        var (code, answers, stderr) = Run();
        code.Should().Be(0);
        answers.Should().BeEmpty();
        stderr.Should().BeEmpty();
    }

    [Fact]
    public void An_overlong_line_is_cut_reported_and_the_next_line_read_whole()
    {
        var reader = new RequestLineReader(new StringReader("abcdefgh\r\nxy\nlast"), maxLength: 4);

        reader.TryRead(out var first, out var firstTooLong).Should().BeTrue();
        (first, firstTooLong).Should().Be(("abcd", true));
        reader.TryRead(out var second, out var secondTooLong).Should().BeTrue();
        (second, secondTooLong).Should().Be(("xy", false));
        reader.TryRead(out var third, out _).Should().BeTrue();
        third.Should().Be("last");
        reader.TryRead(out _, out _).Should().BeFalse();
    }

    private static double[][] Rows(Matrix<double> m) => Enumerable.Range(0, m.RowCount).Select(i => m.Row(i).ToArray()).ToArray();
}
