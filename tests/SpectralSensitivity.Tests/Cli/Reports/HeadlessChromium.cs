using System.Text.RegularExpressions;
using SpectralSensitivity.Tests.TestSupport;

namespace SpectralSensitivity.Tests.Cli.Reports;

/// <summary>Loads a page in headless Chromium, with no network and a throw-away profile, and reports what a reader would hit:
/// uncaught errors, console errors and warnings, and images that fail to decode.</summary>
/// <remarks>A copy of the page gets a probe script as the first element of <c>&lt;head&gt;</c>: it records console errors,
/// warnings, uncaught errors and failed resources, and after the load event decodes every <c>&lt;img&gt;</c> and SVG
/// <c>&lt;image&gt;</c> source with <c>new Image()</c>; the results are written into the DOM, which Chromium prints with
/// <c>--dump-dom</c> once the virtual time budget has run out. The page under test itself has no scripts.</remarks>
internal static class HeadlessChromium
{
    /// <summary>The Chromium executable on the PATH, or null.</summary>
    public static string? Executable { get; } = new[] { "chromium", "chromium-browser" }
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);

    private const string ProbeScript = """
        <script>
        (function () {
          var log = [];
          window.__probe = log;
          ['error', 'warn'].forEach(function (level) {
            var original = console[level];
            console[level] = function () { log.push('console.' + level + ': ' + Array.prototype.join.call(arguments, ' ')); original.apply(console, arguments); };
          });
          window.addEventListener('error', function (e) { log.push('error: ' + (e.message || ('resource ' + (e.target && (e.target.src || e.target.href || e.target.tagName))))); }, true);
          window.addEventListener('load', function () {
            var sources = [];
            document.querySelectorAll('img').forEach(function (i) { sources.push(i.src); });
            document.querySelectorAll('image').forEach(function (i) { sources.push(i.getAttribute('href')); });
            var pending = sources.length, sizes = [];
            function done() { var pre = document.createElement('pre'); pre.id = 'probe-result'; pre.textContent = JSON.stringify({ images: sources.length, sizes: sizes, log: log }); document.body.appendChild(pre); }
            if (pending === 0) { done(); return; }
            sources.forEach(function (src) {
              var image = new Image();
              image.onload = function () { sizes.push(image.naturalWidth + 'x' + image.naturalHeight); if (--pending === 0) done(); };
              image.onerror = function () { log.push('image failed to decode: ' + src.slice(0, 40)); sizes.push('0x0'); if (--pending === 0) done(); };
              image.src = src;
            });
          });
        })();
        </script>
        """;

    /// <summary>Loads <paramref name="htmlPath"/> and returns the probe's JSON: <c>{ images, sizes, log }</c>.</summary>
    public static string Probe(string htmlPath)
    {
        var html = File.ReadAllText(htmlPath);
        var folder = Path.Combine(Path.GetTempPath(), "spectral-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var probed = Path.Combine(folder, "page.html");
            File.WriteAllText(probed, Regex.Replace(html, "<head>", "<head>" + ProbeScript.Replace("$", "$$"), RegexOptions.None, TimeSpan.FromSeconds(5)));
            var dom = ExternalProcess.Run(
                Executable!,
                ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-extensions", $"--user-data-dir={Path.Combine(folder, "profile")}", "--virtual-time-budget=10000", "--dump-dom", "file://" + probed],
                folder,
                new Dictionary<string, string>(),
                TimeSpan.FromSeconds(90));
            var match = Regex.Match(dom, "<pre id=\"probe-result\">(.*?)</pre>", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
            return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("the probe did not report (no load event?):\n" + dom[..Math.Min(dom.Length, 2000)]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
