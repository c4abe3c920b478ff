using System.Text.RegularExpressions;
using FluentAssertions;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Cli.Commands;

/// <summary>A zero <c>s_k</c> asked of <c>--decomposition krylov</c>: one <c>error:</c> line with the documented exit code (3 undefined; 2 for
/// <c>--branches</c>, which exist but need the dense decomposition), naming the whole zero cluster, what is defined and what krylov serves.</summary>
public sealed class KrylovZeroValueTests : IDisposable
{
    private const string Undefined = @"^error: singular value (?<k>[345]) is zero \(\S+ <= tolerance \S+\): it is not differentiable there \(s\(t\) = \|lambda\(t\)\| has a kink\); " +
        @"the zero cluster is indices 3, 4, 5\. Every singular value below s_3 is zero too \(they decrease\)\. What is defined there: the signed branches and " +
        @"one-sided derivatives of the zero values, which need every non-zero singular triplet, so only the full decomposition gives them " +
        @"\(SingularValueDerivatives\.Branches; CLI --branches --decomposition dense\); the matrix-free path serves the non-zero values s_1\.\.s_2 \(CLI -k 1\.\.2\)\n$";

    private readonly MatrixFiles _files = new();
    private readonly string _a;
    private readonly string _e;

    public KrylovZeroValueTests()
    {
        _a = _files.Write("A", TestSupport.TestMatrices.WithSingularValues(6, 5, [3, 1], seed: 11), MatrixFormat.MatrixMarketCoordinate);   // rank 2: s_3 = s_4 = s_5 = 0
        _e = _files.Write("E", TestMatrices.Random(6, 5, 12), MatrixFormat.NpyFloat64C);
    }

    public static TheoryData<string, string> Requests => new()
    {
        { "derivatives", "3" }, { "derivatives", "5" }, { "derivatives --cluster-mean", "4" }, { "derivatives", "1..3" },
        { "gradient", "3" }, { "gradient --cluster-mean", "3" }, { "hvp", "3" }, { "hvp --cluster-mean", "5" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_zero_value_exits_3_with_one_line_naming_the_zero_cluster_what_is_defined_and_what_krylov_serves(string command, string index)
    {
        var words = command.Split(' ');
        string[] direction = words[0] == "gradient" ? [] : ["-E", _e];
        var result = CliRunner.Run([words[0], "-A", _a, .. direction, "-k", index, .. words[1..], "--decomposition", "krylov", "--json"]);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().MatchRegex(Undefined);
        Regex.Match(result.Stderr, Undefined).Groups["k"].Value.Should().Be(index.Length == 1 ? index : "3", "the first zero of the set is refused");
    }

    [Fact]
    public void Branches_of_a_zero_value_exit_2_with_one_line_pointing_to_the_dense_decomposition()
    {
        var result = CliRunner.Run("derivatives", "-A", _a, "-E", _e, "-k", "3", "-N", "2", "--branches", "--decomposition", "krylov");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().MatchRegex(
            @"^error: s_3 = \S+ is zero \(<= tolerance \S+; the zero cluster is indices 3\.\.5, every value below s_3 being zero too\): the signed branches of zero singular " +
            @"values need every non-zero singular triplet: use the full decomposition \(SingularValueDerivatives\.Branches, or --decomposition dense\); " +
            @"the matrix-free path serves the non-zero values s_1\.\.s_2 \(CLI -k 1\.\.2\)\n$");
        CliRunner.Run("derivatives", "-A", _a, "-E", _e, "-k", "3", "-N", "2", "--branches", "--decomposition", "dense", "--json").ExitCode.Should().Be(0, "what the message offers is served");
    }

    public void Dispose() => _files.Dispose();
}
