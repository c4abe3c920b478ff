using System.Diagnostics;
using FluentAssertions;

namespace SpectralSensitivity.Tests.Cli;

/// <summary>Seeded random mutations of valid files through the whole CLI: never exit 1, always one error line or a result.</summary>
public sealed class MutationTests
{
    [Theory]
    [InlineData(MatrixFormat.NpyFloat64C)]
    [InlineData(MatrixFormat.NpyFloat32C)]
    [InlineData(MatrixFormat.CsvWithHeader)]
    [InlineData(MatrixFormat.MatrixMarketCoordinate)]
    public void Mutated_files_never_crash_the_cli(MatrixFormat format)
    {
        using var files = new MatrixFiles();
        var validPath = files.Write("valid", TestMatrices.Random(5, 4, 91), format);
        var valid = File.ReadAllBytes(validPath);
        var extension = Path.GetExtension(validPath);
        var e = files.Write("E", TestMatrices.Random(5, 4, 92), MatrixFormat.NpyFloat64C);
        var random = new Random(20250603 + (int)format);
        var watch = Stopwatch.StartNew();
        for (var trial = 0; trial < 150; trial++)
        {
            var mutant = Mutate(valid, random);
            var path = files.Bytes($"m{trial}{extension}", mutant);
            var result = CliRunner.Run("derivatives", "-A", path, "-E", e, "-k", "1", "-N", "3", "--json");

            result.ExitCode.Should().BeOneOf([0, 2, 3], $"trial {trial}: {result}");
            if (result.ExitCode != 0)
            {
                result.Stdout.Should().BeEmpty();
                result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith("error: ");
            }
        }

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "no mutant makes the CLI hang");
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToList();
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 16)));
                    break;
                case 2:
                    bytes.Insert(at, (byte)"0123456789.,-e \n9"[random.Next(17)]);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
            }
        }

        return [.. bytes];
    }
}
