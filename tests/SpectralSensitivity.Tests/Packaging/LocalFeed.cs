using System.Reflection;

namespace SpectralSensitivity.Tests.Packaging;

/// <summary>
/// Packs the five packages once per test class with <c>scripts/pack-local-feed.sh</c> into a fresh temporary feed, and
/// gives the tests an environment in which NuGet sees only that feed for our packages and a private packages folder
/// (so a package of the same version cached earlier on the machine can never stand in for the one just packed).
/// </summary>
public sealed class LocalFeed : IDisposable
{
    /// <summary>The package ids, in dependency order.</summary>
    public static readonly string[] PackageIds = ["SpectralSensitivity", "SpectralSensitivity.IO", "SpectralSensitivity.Providers.Mkl", "SpectralSensitivity.Studies", "SpectralSensitivity.Cli"];

    /// <summary>The placeholder the README's nuget.config uses for the feed folder.</summary>
    public const string ReadmeFeedPlaceholder = "/path/to/SpectralSensitivity/artifacts/feed";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(15);

    public LocalFeed()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Directory.CreateTempSubdirectory("spectral-feed-").FullName;
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        Version = typeof(Spectral).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Environment = IsolatedEnvironment(WorkDirectory);
        PackOutput = TestSupport.ExternalProcess.Run(
            "bash", [Path.Combine(RepositoryRoot, "scripts", "pack-local-feed.sh"), FeedDirectory], RepositoryRoot, Environment, PackTimeout);
    }

    /// <summary>The folder holding SpectralSensitivity.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>A temporary folder for everything the tests create; deleted at the end.</summary>
    public string WorkDirectory { get; }

    /// <summary>The feed the script wrote.</summary>
    public string FeedDirectory { get; }

    /// <summary>The package version: the informational version of the library under test.</summary>
    public string Version { get; }

    /// <summary>What the script printed (the package files, one per line).</summary>
    public string PackOutput { get; }

    /// <summary>Environment variables for every child process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The path of a package file in the feed.</summary>
    public string Package(string id, string extension = "nupkg") => Path.Combine(FeedDirectory, $"{id}.{Version}.{extension}");

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder left behind is harmless
        }
    }

    /// <summary>
    /// A private global-packages folder, plus a fallback folder that links only MathNet.Numerics from the machine's
    /// packages folder (so restoring it needs no network when it is there, and nothing of ours can come from it);
    /// no MSBuild nodes left running; no telemetry.
    /// </summary>
    private static Dictionary<string, string> IsolatedEnvironment(string work)
    {
        var packages = Path.Combine(work, "packages");
        var fallback = Directory.CreateDirectory(Path.Combine(work, "fallback")).FullName;
        var machine = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var mathNet = Path.Combine(machine, "mathnet.numerics");
        if (Directory.Exists(mathNet))
        {
            Directory.CreateSymbolicLink(Path.Combine(fallback, "mathnet.numerics"), mathNet);
        }

        return new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = packages,
            ["NUGET_FALLBACK_PACKAGES"] = fallback,
            ["SPECTRAL_PACK_BUILD_DIR"] = Path.Combine(FindRepositoryRoot(), "artifacts", "pack-build"),
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpectralSensitivity.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no SpectralSensitivity.sln above {AppContext.BaseDirectory}");
    }
}
