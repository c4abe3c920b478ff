using System.Net;
using System.Text;

namespace SpectralSensitivity.Cli.Reports;

/// <summary>A self-contained HTML page (inline CSS, SVG and images as data: URIs; no scripts, no network) built section by section.</summary>
internal sealed class HtmlPage
{
    private readonly StringBuilder _body = new();
    private readonly string _title;

    public HtmlPage(string title)
    {
        _title = title;
        _body.Append($"<h1>{Encode(title)}</h1>");
    }

    public HtmlPage Heading(string text)
    {
        _body.Append($"<h2>{Encode(text)}</h2>");
        return this;
    }

    public HtmlPage Paragraph(string text)
    {
        _body.Append($"<p>{Encode(text)}</p>");
        return this;
    }

    /// <summary>Figures side by side (each an SVG string), wrapping on narrow screens.</summary>
    public HtmlPage Figures(params string[] svgs)
    {
        _body.Append("<div class=\"row\">");
        foreach (var svg in svgs)
        {
            _body.Append("<figure>").Append(svg).Append("</figure>");
        }

        _body.Append("</div>");
        return this;
    }

    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.Append("<table><tr>");
        foreach (var cell in header)
        {
            _body.Append($"<th>{Encode(cell)}</th>");
        }

        _body.Append("</tr>");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
            {
                _body.Append($"<td>{Encode(cell)}</td>");
            }

            _body.Append("</tr>");
        }

        _body.Append("</table>");
        return this;
    }

    public string Render() =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" +
        $"<title>{Encode(_title)}</title><style>{Style}</style></head><body>{_body}</body></html>\n";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style =
        "body{font-family:sans-serif;margin:24px;color:#222;max-width:1180px}" +
        "h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}" +
        ".row{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}" +
        "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}" +
        "th{background:#f4f4f4}p{font-size:14px;max-width:1100px}";
}
