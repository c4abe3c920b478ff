using System.Text.Json;
using FluentAssertions;

namespace SpectralSensitivity.Tests.Cli.Reports;

/// <summary>The report as a reader sees it: loaded in headless Chromium, every image decodes, nothing is logged.</summary>
public sealed class ReportInBrowserTests
{
    [ChromiumFact]
    public void A_12_by_8_report_renders_with_every_image_decoded_and_no_console_errors()
    {
        using var files = new MatrixFiles();
        var output = Path.Combine(files.Directory, "report.html");
        var result = CliRunner.Run("report", "-A", files.Write("A", TestMatrices.Random(12, 8, 71), MatrixFormat.NpyFloat64C), "-k", "2", "-o", output, "--points", "21");
        result.ExitCode.Should().Be(0, result.ToString());

        var probe = JsonDocument.Parse(HeadlessChromium.Probe(output)).RootElement;

        probe.GetProperty("log").EnumerateArray().Select(e => e.GetString()).Should().BeEmpty("no console errors, warnings or failed resources");
        probe.GetProperty("images").GetInt32().Should().Be(4, "two heatmaps, each with its colour bar");
        probe.GetProperty("sizes").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo(["96x96", "96x96", "1x101", "1x101"], "the Hessian of a 12 x 8 matrix is 96 x 96");
    }

    [ChromiumFact]
    public void The_probe_reports_a_broken_image_and_a_console_error()
    {
        using var files = new MatrixFiles();
        var page = files.Text("broken.html", "<!DOCTYPE html><html><head><title>x</title></head><body><img src=\"data:image/png;base64,iVBORw0KGgoAAAA\"><script>console.error('boom')</script></body></html>");

        var log = JsonDocument.Parse(HeadlessChromium.Probe(page)).RootElement.GetProperty("log").EnumerateArray().Select(e => e.GetString()).ToArray();

        log.Should().Contain(l => l!.Contains("boom")).And.Contain(l => l!.StartsWith("image failed to decode"), "the check can fail");
    }
}
