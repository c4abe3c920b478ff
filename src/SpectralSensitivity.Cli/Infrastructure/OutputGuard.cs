using System.CommandLine;
using System.CommandLine.Parsing;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>Refuses an <c>--output</c> path before any work: empty, a folder, in a missing folder, or the same file as one of the inputs.</summary>
/// <remarks>
/// Every string option other than <c>--output</c> that names an existing file counts as an input. Paths are compared after
/// resolving symbolic links in every component (<see cref="Canonical"/>), so <c>-o link.npy</c> with <c>link.npy -&gt; A.npy</c>
/// is refused as <c>-o A.npy</c> is. With several indices (<c>-k 1,2</c>) the files are <c>G.k1.npy</c>, <c>G.k2.npy</c>, ...
/// (<see cref="IndexedOutput.PathFor"/>), and an input of that form is refused too. Outputs are then written atomically (<see cref="IO.AtomicFile"/>).
/// </remarks>
internal static class OutputGuard
{
    /// <summary>The name of the option every command uses for an output file.</summary>
    public const string OutputOption = "--output";

    private const int MaxLinkDepth = 40;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Option, object> FolderOutputs = new();

    /// <summary>Marks <paramref name="option"/> as naming an output folder (e.g. <c>spectral study --output DIR</c>): it must not be a
    /// file, and its parent folder must exist; the command itself writes each file in it atomically.</summary>
    public static T Folder<T>(T option)
        where T : Option
    {
        FolderOutputs.AddOrUpdate(option, option);
        return option;
    }

    /// <summary>Checks the parsed command's <c>--output</c> against its inputs.</summary>
    /// <exception cref="UsageException">The output path is refused; the message says why.</exception>
    public static void Check(ParseResult parse)
    {
        var options = parse.CommandResult.Children.OfType<OptionResult>().Where(r => r.Option.ValueType == typeof(string)).ToArray();
        var output = options.FirstOrDefault(r => r.Option.Name == OutputOption);
        if (output is null)
        {
            return;
        }

        var path = output.GetValueOrDefault<string>();
        if (path is null)
        {
            return;
        }

        var target = Full(path);
        if (FolderOutputs.TryGetValue(output.Option, out _))
        {
            CheckFolder(path, target);
            return;
        }

        if (Directory.Exists(target))
        {
            throw new UsageException($"{OutputOption}: '{path}' is a folder; give a file name");
        }

        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            throw new UsageException($"{OutputOption}: folder '{folder}' does not exist");
        }

        var canonicalTarget = Canonical(target);
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var several = options.FirstOrDefault(r => r.Option.Name == "--index")?.GetValueOrDefault<string>() is { } index && !IndexSelection.Parse(index).IsSingle;
        foreach (var input in options.Where(r => r != output))
        {
            if (input.GetValueOrDefault<string>() is { Length: > 0 } given && IO.MatrixFile.SplitArrayName(given).FilePath is var inputPath && File.Exists(inputPath)
                && (string.Equals(Canonical(Full(inputPath)), canonicalTarget, comparison)
                    || (several && IndexedOutput.IsPathFor(Canonical(Full(inputPath)), canonicalTarget, comparison))))
            {
                throw new UsageException($"{OutputOption}: '{path}' is the same file as the input of {input.Option.Name} ('{inputPath}'); refusing to overwrite an input");
            }
        }
    }

    private static void CheckFolder(string path, string target)
    {
        if (File.Exists(target))
        {
            throw new UsageException($"{OutputOption}: '{path}' is a file; give a folder");
        }

        if (Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(target)) is { } parent && !Directory.Exists(parent))
        {
            throw new UsageException($"{OutputOption}: folder '{parent}' does not exist");
        }
    }

    /// <summary>The full path with every symbolic link (in any component) resolved; components that do not exist are kept as written.</summary>
    /// <exception cref="UsageException">More than 40 links in a chain (a loop).</exception>
    public static string Canonical(string fullPath) => Canonical(fullPath, 0);

    private static string Full(string path)
    {
        if (path.Length == 0 || path.Trim().Length == 0)
        {
            throw new UsageException($"{OutputOption}: the path is empty");
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{OutputOption}: '{path}' is not a valid path ({e.Message})");
        }
    }

    private static string Canonical(string fullPath, int depth)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var parts = fullPath[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } link)
            {
                if (depth == MaxLinkDepth)
                {
                    throw new UsageException($"'{fullPath}': too many levels of symbolic links");
                }

                var resolved = Path.GetFullPath(link, current); // a relative target is relative to the link's folder
                var rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
                return Canonical(rest.Length == 0 ? resolved : Path.Combine(resolved, rest), depth + 1);
            }

            current = next;
        }

        return current;
    }
}
