using System.Text;
using FluentAssertions;
using SpectralSensitivity.Cli;

namespace SpectralSensitivity.Tests.Cli.Hostile;

/// <summary>Closed or broken standard streams: never a crash (exit 134) or an unhandled exception; the documented exit codes hold.</summary>
public sealed class StandardStreamTests : IDisposable
{
    private readonly MatrixFiles _files = new();
    private readonly string _a;

    public StandardStreamTests() => _a = _files.Write("A", TestMatrices.Random(5, 4, 21), MatrixFormat.NpyFloat64C);

    [Fact]
    public void A_broken_stderr_still_gives_the_exit_code_of_the_error()
    {
        using var stdout = new StringWriter();
        var code = CliApplication.Run(["svd", "-A", Path.Combine(_files.Directory, "missing.npy")], stdout, new BrokenWriter());

        code.Should().Be(2);
        stdout.ToString().Should().BeEmpty();
    }

    [Fact]
    public void A_broken_stderr_with_a_parse_error_gives_exit_2()
    {
        CliApplication.Run(["svd", "--bogus"], new StringWriter(), new BrokenWriter()).Should().Be(2);
    }

    [Fact]
    public void A_broken_stdout_is_exit_1_with_one_error_line()
    {
        using var stderr = new StringWriter();
        var code = CliApplication.Run(["svd", "-A", _a, "--json"], new BrokenWriter(), stderr);

        code.Should().Be(1);
        stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith("error: cannot write the result to standard output");
    }

    [Fact]
    public void Both_streams_broken_is_still_a_clean_exit_code()
    {
        CliApplication.Run(["svd", "-A", _a], new BrokenWriter(), new BrokenWriter()).Should().Be(1);
    }

    public static TheoryData<string, string, int[]> Redirections => new()
    {
        // redirection, command ("missing" or "ok"), accepted exit codes
        { "2>&-", "missing", [2] },
        { "2>&-", "ok", [0] },
        { ">&-", "ok", [1] },
        { ">&-", "missing", [2] },
        { "<&-", "ok", [0] },
        { ">&- 2>&- <&-", "missing", [2] },

        // With all three closed the runtime's own files take descriptors 0-2, so "stdout" may be a file it opened: 0 or 1, never a crash.
        { ">&- 2>&- <&-", "ok", [0, 1] },
    };

    [Theory]
    [MemberData(nameof(Redirections))]
    public void A_real_process_with_closed_streams_exits_with_the_documented_code(string redirection, string command, int[] exitCodes)
    {
        if (!SpectralProcess.Available)
        {
            return;
        }

        var matrix = command == "ok" ? _a : Path.Combine(_files.Directory, "missing.npy");
        var result = SpectralProcess.Run(new Dictionary<string, string?>(), redirection, "svd", "-A", matrix);

        result.ExitCode.Should().BeOneOf(exitCodes, result.ToString());
        result.Stderr.Should().NotContain("Unhandled exception").And.NotContain("   at ");
    }

    public void Dispose() => _files.Dispose();

    /// <summary>A writer whose every write fails like a closed file descriptor.</summary>
    private sealed class BrokenWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Bad file descriptor");

        public override void Write(string? value) => throw new IOException("Bad file descriptor");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("Bad file descriptor");

        public override void Flush() => throw new IOException("Bad file descriptor");
    }
}
