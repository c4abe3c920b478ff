using System.Globalization;

namespace SpectralSensitivity.Cli.Infrastructure;

/// <summary>What one index contributes to a command's output: its JSON object and its table view.</summary>
/// <param name="Json">The object the command prints with <c>--json</c> for this index alone.</param>
/// <param name="Render">Prints the table view for this index alone.</param>
internal sealed record IndexedResult(object Json, Action Render);

/// <summary>Prints the results of one or several indices: the single-index output unchanged, or <c>{"results": [...]}</c>.</summary>
/// <remarks>
/// Several indices (any <see cref="IndexSelection"/> other than one integer) give one JSON object whose <c>results</c> lists the
/// single-index objects in the order asked, each exactly as the command prints it for that index alone (with its
/// <c>index</c>); the table view prints the single-index views one after another. File outputs get the index in their
/// name (<see cref="PathFor"/>).
/// </remarks>
internal static class IndexedOutput
{
    /// <summary>Writes the results as the selection asks.</summary>
    public static void Write(CliContext context, IndexSelection selection, bool json, IReadOnlyList<IndexedResult> results)
    {
        if (json)
        {
            if (selection.IsSingle)
            {
                context.WriteJson(results[0].Json);
            }
            else
            {
                context.WriteJson(new { Results = results.Select(r => r.Json).ToArray() });
            }

            return;
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (i > 0)
            {
                context.WriteLine();
            }

            results[i].Render();
        }
    }

    /// <summary>The file an output for index k goes to: the path as given for a single index, else with <c>.k{index}</c> before the extension
    /// (<c>G.npy</c> becomes <c>G.k2.npy</c>).</summary>
    public static string? PathFor(string? path, IndexSelection selection, int index)
    {
        if (path is null || selection.IsSingle)
        {
            return path;
        }

        var extension = Path.GetExtension(path);
        return string.Concat(path.AsSpan(0, path.Length - extension.Length), ".k", index.ToString(CultureInfo.InvariantCulture), extension);
    }

    /// <summary>Whether <paramref name="candidate"/> is one of the files <see cref="PathFor"/> derives from <paramref name="path"/> for several indices.</summary>
    public static bool IsPathFor(string candidate, string path, StringComparison comparison)
    {
        var extension = Path.GetExtension(path);
        var stem = path[..^extension.Length] + ".k";
        if (!candidate.StartsWith(stem, comparison) || !candidate.EndsWith(extension, comparison) || candidate.Length <= stem.Length + extension.Length)
        {
            return false;
        }

        return candidate.AsSpan(stem.Length, candidate.Length - stem.Length - extension.Length).IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
