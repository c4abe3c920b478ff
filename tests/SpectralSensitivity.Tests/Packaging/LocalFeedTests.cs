using System.Globalization;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using MathNet.Numerics.LinearAlgebra;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Packaging;

/// <summary>
/// The install instructions of the README, run as a user would: the packages packed into a local feed, a fresh console
/// project that restores them with the README's nuget.config and runs the README's quickstart, and the tool installed
/// from the same feed. The packages' metadata is checked on the files themselves.
/// </summary>
public sealed partial class LocalFeedTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    private const double Epsilon = 2.220446049250313e-16;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public void Every_package_has_a_readme_whose_links_resolve_inside_it_a_license_tags_symbols_and_no_invented_address()
    {
        feed.PackOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2 * LocalFeed.PackageIds.Length);
        foreach (var id in LocalFeed.PackageIds)
        {
            using var package = ZipFile.OpenRead(feed.Package(id));
            var nuspecText = Read(package, $"{id}.nuspec");
            nuspecText.Should().NotContain("example.invalid", id);
            var nuspec = XDocument.Parse(nuspecText).Root!;
            var metadata = nuspec.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            Field("version").Should().Be(feed.Version, id);
            Field("license").Should().Be("MIT", id);
            Field("description").Should().NotBeNullOrWhiteSpace().And.Match(d => d.Length > 80, id);
            Field("tags").Should().Contain("singular-value", id);
            Field("projectUrl").Should().BeNull(id);
            metadata.Elements().Where(e => e.Name.LocalName == "repository").Should().OnlyContain(e => e.Attribute("url") == null, id);
            Field("readme").Should().Be("README.md", id);
            var readme = Read(package, "README.md");
            foreach (Match link in RelativeLink().Matches(readme))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                package.GetEntry(target).Should().NotBeNull($"{id}'s README links to {target}, which must be inside the package");
            }

            using var symbols = ZipFile.OpenRead(feed.Package(id, "snupkg"));
            var pdbs = symbols.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)).ToArray();
            pdbs.Should().NotBeEmpty(id);
            foreach (var pdb in pdbs)
            {
                DocumentPaths(pdb).Should().NotBeEmpty().And.OnlyContain(path => path.StartsWith("/_/"), $"{pdb.FullName} comes from a deterministic CI build");
            }
        }

        using var io = ZipFile.OpenRead(feed.Package("SpectralSensitivity.IO"));
        Read(io, "SpectralSensitivity.IO.nuspec").Should().Contain($"<dependency id=\"SpectralSensitivity\" version=\"{feed.Version}\"");
    }

    [Fact]
    public void A_fresh_console_project_restores_from_the_feed_and_runs_the_README_quickstart()
    {
        var readme = File.ReadAllText(Path.Combine(feed.RepositoryRoot, "README.md"));
        var app = NewConsoleProject("MyStudy");
        Dotnet(app, "add", "package", "SpectralSensitivity");
        Dotnet(app, "add", "package", "SpectralSensitivity.IO", "--version", feed.Version, "--no-restore");
        Dotnet(app, "add", "package", "SpectralSensitivity.Providers.Mkl", "--version", feed.Version, "--no-restore");
        CheckQuickstartOutput(RunFirstExample(app, readme));
    }

    [Fact]
    public void A_fresh_console_project_runs_the_Studies_package_README_example_from_the_feed()
    {
        var readme = File.ReadAllText(Path.Combine(feed.RepositoryRoot, "src", "SpectralSensitivity.Studies", "README.md"));
        var app = NewConsoleProject("MyEnsemble");
        Dotnet(app, "add", "package", "SpectralSensitivity.Studies", "--version", feed.Version);
        var output = RunFirstExample(app, readme);

        var median = double.Parse(output.ReplaceLineEndings("\n").Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
        median.Should().BeInRange(0, 1e-12, "the median relative error of the closed-form Hessian against the Kronecker formula built from an independent full SVD");
        File.Exists(Path.Combine(app, "paper", "results.csv")).Should().BeTrue();
    }

    [Fact]
    public void A_fresh_console_project_runs_the_matrix_free_guide_example_from_the_feed()
    {
        var guide = File.ReadAllText(Path.Combine(feed.RepositoryRoot, "docs", "matrix-free.md"));
        var app = NewConsoleProject("MyLargeMatrix");
        Dotnet(app, "add", "package", "SpectralSensitivity", "--version", feed.Version);
        var lines = RunFirstExample(app, guide).ReplaceLineEndings("\n").Trim().Split('\n');

        lines.Should().Contain(line => line.StartsWith("PartialSingularValueDecomposition { Rows = 1200, Columns = 800,", StringComparison.Ordinal));
        lines.Count(line => line.StartsWith("KrylovSingularValueExpansion { Index = ", StringComparison.Ordinal) && line.EndsWith("Solves = 2 }", StringComparison.Ordinal))
            .Should().Be(3, "three values, orders 1..4 from two solves each");
        var largest = double.Parse(lines[^1].Split(':')[^1], CultureInfo.InvariantCulture);
        largest.Should().BeLessThan(1e-8, "the matrix-free derivatives against the full SVD's ({0})", lines[^1]);
    }

    [Fact]
    public void The_tool_installs_from_the_feed_and_reports_its_version()
    {
        var tools = Path.Combine(feed.WorkDirectory, "tools");
        Dotnet(feed.WorkDirectory, "tool", "install", "SpectralSensitivity.Cli", "--tool-path", tools, "--add-source", feed.FeedDirectory,
            "--version", feed.Version, "--ignore-failed-sources");
        using var info = JsonDocument.Parse(ExternalProcess.Run(Path.Combine(tools, "spectral"), ["info", "--json"], feed.WorkDirectory, feed.Environment, StepTimeout));
        info.RootElement.GetProperty("toolVersion").GetString().Should().Be(feed.Version);
        info.RootElement.GetProperty("libraryVersion").GetString().Should().Be(feed.Version);
    }

    /// <summary>
    /// The quickstart's numbers checked independently: the Taylor prediction against a fresh SVD within the rigorous bound,
    /// D_1 and D_2 from the recursion against the gradient and the Hessian's quadratic form, and the printed expansion and
    /// spectrum equal to the library under test on the same seeded matrices.
    /// </summary>
    private static void CheckQuickstartOutput(string output)
    {
        var a = Matrix<double>.Build.Random(6, 10, 1);
        var e = Matrix<double>.Build.Random(6, 10, 2);
        var svd = Spectral.Svd(a);
        var expansion = Spectral.Expand(svd, e, 2, 6);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        lines.Should().Contain(svd.ToString()).And.Contain(expansion.ToString()).And.Contain(Spectral.Hessian(svd, 2).Spectrum.ToString());
        lines.Count(line => line.StartsWith("HessianEigenpair { ", StringComparison.Ordinal)).Should().Be(3, output);

        var predicted = Numbers(lines, "predicted  s_2(A + tE) = ");
        var recomputed = Numbers(lines, "recomputed s_2(A + tE) = ");
        Math.Abs(predicted[0] - recomputed[0]).Should().BeLessThanOrEqualTo(predicted[1] + 8 * Epsilon * svd.SingularValues[0], output);
        predicted[1].Should().BeLessThan(1e-6, "t is well inside the convergence radius");

        var scale = 64 * Epsilon * (6 + 10) * e.FrobeniusNorm();
        var first = Numbers(lines, "<gradient, E> = ");
        first[0].Should().BeApproximately(first[1], scale, output);
        var second = Numbers(lines, "<E, Hessian E> = ");
        second[0].Should().BeApproximately(second[1], scale * e.FrobeniusNorm() / expansion.Gap, output);
    }

    /// <summary>The numbers on the output line that starts with <paramref name="prefix"/>: the one right after it and those after "= " or "+- ".</summary>
    private static double[] Numbers(string[] lines, string prefix)
    {
        var line = lines.SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no line starting with '{prefix}' in:\n{string.Join('\n', lines)}");
        return NumberPattern().Matches(line[prefix.Length..]).Select(m => double.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture)).ToArray();
    }

    private string ReadmeNuGetConfig(string readme)
    {
        var config = MarkdownBlocks.First(readme, "xml", "<packageSources>");
        config.Should().Contain(LocalFeed.ReadmeFeedPlaceholder);
        return config.Replace(LocalFeed.ReadmeFeedPlaceholder, feed.FeedDirectory, StringComparison.Ordinal);
    }

    private void Dotnet(string directory, params string[] arguments) => ExternalProcess.Run("dotnet", arguments, directory, feed.Environment, StepTimeout);

    /// <summary>A fresh console project in the feed's work directory that restores from the feed by the README's nuget.config.</summary>
    private string NewConsoleProject(string name)
    {
        var app = Path.Combine(feed.WorkDirectory, name);
        Dotnet(feed.WorkDirectory, "new", "console", "-o", app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), ReadmeNuGetConfig(File.ReadAllText(Path.Combine(feed.RepositoryRoot, "README.md"))));
        return app;
    }

    /// <summary>Runs the first C# block of <paramref name="markdown"/> as the project's Program.cs (invariant globalization) and returns its output.</summary>
    private string RunFirstExample(string app, string markdown)
    {
        File.WriteAllText(Path.Combine(app, "Program.cs"), MarkdownBlocks.First(markdown, "csharp"));
        var environment = new Dictionary<string, string>(feed.Environment) { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" };
        return ExternalProcess.Run("dotnet", ["run"], app, environment, StepTimeout);
    }

    private static string Read(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"{entry} is not in the package"));
        return reader.ReadToEnd();
    }

    private static string[] DocumentPaths(ZipArchiveEntry pdb)
    {
        using var copy = new MemoryStream();
        using (var stream = pdb.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(copy);
        var reader = provider.GetMetadataReader();
        return reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name)).ToArray();
    }

    [GeneratedRegex(@"\]\((?<target>(?!https?:|#)[^)\s]+)\)")]
    private static partial Regex RelativeLink();

    [GeneratedRegex(@"(?:^|= |\+- )(?<number>-?\d+(\.\d+)?(E[-+]?\d+)?)")]
    private static partial Regex NumberPattern();
}
