using System.Text.RegularExpressions;

namespace SpectralSensitivity.Tests.Packaging;

/// <summary>The fenced code blocks of a Markdown file, by language: how the tests read the README's instructions.</summary>
internal static partial class MarkdownBlocks
{
    /// <summary>The first block fenced as <c>```language</c> whose text contains <paramref name="containing"/>.</summary>
    public static string First(string markdown, string language, string containing = "")
    {
        foreach (Match block in Fence().Matches(markdown.ReplaceLineEndings("\n")))
        {
            if (block.Groups["language"].Value == language && block.Groups["body"].Value.Contains(containing, StringComparison.Ordinal))
            {
                return block.Groups["body"].Value;
            }
        }

        throw new InvalidOperationException($"the markdown has no ```{language} block containing '{containing}'");
    }

    [GeneratedRegex(@"^```(?<language>[a-z]*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
