using FluentAssertions;

namespace SpectralSensitivity.Tests.Cli.Hostile;

/// <summary>Seeded random mutations of whole command lines (hostile tokens: '@' response-file syntax, separators, native digits,
/// escape sequences, inputs named as outputs) under several cultures: never exit 1, one error line on failure, inputs untouched.</summary>
[Collection(CultureCollection.Name)]
public sealed class ArgumentMutationTests
{
    private static readonly string[] Cultures = ["", "de-DE", "fr-FR", "tr-TR", "ar"];

    [Fact]
    public void Mutated_command_lines_never_crash_and_never_touch_the_inputs()
    {
        using var files = new MatrixFiles();
        var a = files.Write("A", TestMatrices.Random(5, 4, 51), MatrixFormat.NpyFloat64C);
        var e = files.Write("E", TestMatrices.Random(5, 4, 52), MatrixFormat.CsvWithHeader);
        var output = Path.Combine(files.Directory, "out.npy");
        var inputs = new[] { a, e }.ToDictionary(p => p, File.ReadAllBytes);
        string[] hostile =
        [
            "", " ", "@", "@" + files.Directory, "@" + a, "1,5", "1.000,5", "\u0661", "-0", "1e999", "nan", "0x10", "+3", "--",
            a, e, files.Directory, "\u001b[31m", "-k", "--json", "all", "1..3", new string('9', 5000), output,
        ];
        string[][] commands =
        [
            ["taylor", "-A", a, "-E", e, "-k", "1", "-N", "3", "--t-max", "0.05", "-p", "3", "--json"],
            ["gradient", "-A", a, "-k", "2", "-o", output, "--json"],
            ["hvp", "-A", a, "-E", e, "-k", "1", "-o", output],
            ["derivatives", "-A", a, "-E", e, "-k", "1", "-N", "4"],
        ];
        var random = new Random(20261129);
        for (var trial = 0; trial < 200; trial++)
        {
            var args = commands[random.Next(commands.Length)].ToArray();
            for (var edit = random.Next(1, 3); edit > 0; edit--)
            {
                var at = random.Next(1, args.Length);
                args[at] = random.Next(3) == 0 ? args[at].Insert(random.Next(args[at].Length + 1), ",") : hostile[random.Next(hostile.Length)];
            }

            var culture = Cultures[random.Next(Cultures.Length)];
            var result = CultureScope.Run(culture, () => CliRunner.Run(args));

            var because = $"trial {trial} under '{culture}': spectral {string.Join(' ', args.Select(x => x.Length > 40 ? x[..40] + "..." : x))}\n{result}";
            result.ExitCode.Should().BeOneOf([0, 2, 3], because);
            if (result.ExitCode != 0)
            {
                result.Stdout.Should().BeEmpty(because);
                var line = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle(because).Which;
                line.Should().StartWith("error: ", because).And.NotContain("\u001b", because);
                line.Length.Should().BeLessThan(1100, because);
            }

            foreach (var (path, bytes) in inputs)
            {
                File.ReadAllBytes(path).Should().Equal(bytes, because);
            }
        }
    }
}
