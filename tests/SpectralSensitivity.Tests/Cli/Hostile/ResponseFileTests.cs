using FluentAssertions;

namespace SpectralSensitivity.Tests.Cli.Hostile;

/// <summary>Response files are turned off: an argument starting with '@' is an ordinary value, never a file whose lines become arguments.</summary>
public sealed class ResponseFileTests : IDisposable
{
    private readonly MatrixFiles _files = new();

    public static TheoryData<string> Targets => new() { "directory", "/dev/zero", "big-text", "missing", "args-file", "empty" };

    [Theory]
    [MemberData(nameof(Targets))]
    public void An_at_sign_argument_is_a_file_name_and_gives_one_short_error_line(string target)
    {
        var path = target switch
        {
            "directory" => _files.Directory,
            "big-text" => _files.Text("big.csv", string.Concat(Enumerable.Repeat("1,2,3,4,5,6,7,8,9,10\n", 200_000))),
            "args-file" => _files.Text("args.txt", "svd\n--matrix\nA.npy\n"),
            "empty" => "",
            "missing" => Path.Combine(_files.Directory, "nope.npy"),
            _ => target,
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = CliRunner.Run("svd", "-A", "@" + path);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        var line = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which;
        line.Should().StartWith("error: --matrix: file '@").And.Contain("does not exist");
        line.Length.Should().BeLessThan(600);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "nothing is read from the named file");
    }

    [Fact]
    public void A_file_whose_name_starts_with_an_at_sign_is_read()
    {
        var a = TestMatrices.Random(3, 2, 5);
        var path = _files.Write("@A", a, MatrixFormat.Csv);
        var result = CliRunner.Run("svd", "-A", path, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.GetProperty("rows").GetInt32().Should().Be(3);
    }

    [Fact]
    public void A_response_file_does_not_expand_into_a_command()
    {
        var args = _files.Text("cmd.rsp", "svd\n--matrix\n" + _files.Write("A", TestMatrices.Random(3, 2, 6), MatrixFormat.Csv) + "\n");
        var result = CliRunner.Run("@" + args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
    }

    public void Dispose() => _files.Dispose();
}
