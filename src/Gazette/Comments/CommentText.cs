using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Html;

namespace Gazette.Comments;

/// <summary>
/// A comment's plain text as HTML: everything encoded, blank lines make paragraphs, single line breaks stay, and
/// http(s) addresses become links that pass no reputation (<c>rel="nofollow ugc"</c>). No markup of the reader's
/// ever reaches the page.
/// </summary>
public static partial class CommentText
{
    public static HtmlString ToHtml(string text)
    {
        var html = new StringBuilder(text.Length + 64);
        foreach (var paragraph in Paragraphs().Split(text.Trim()))
        {
            if (string.IsNullOrWhiteSpace(paragraph))
                continue;
            html.Append("<p>");
            var lines = paragraph.Trim().Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    html.Append("<br>");
                AppendLinked(html, lines[i]);
            }
            html.Append("</p>");
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>How many web addresses the text holds (a spam signal).</summary>
    public static int CountLinks(string text) => Links().Count(text) + BareDomains().Count(text);

    /// <summary>The host names the text links to.</summary>
    public static IEnumerable<string> LinkedHosts(string text)
    {
        foreach (Match match in Links().Matches(text))
        {
            if (Uri.TryCreate(TrimTrailing(match.Value), UriKind.Absolute, out var uri))
                yield return uri.Host.ToLowerInvariant();
        }
        foreach (Match match in BareDomains().Matches(text))
            yield return match.Groups["host"].Value.ToLowerInvariant();
    }

    private static void AppendLinked(StringBuilder html, string line)
    {
        var encoder = HtmlEncoder.Default;
        var position = 0;
        foreach (Match match in Links().Matches(line))
        {
            var url = TrimTrailing(match.Value);
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
                continue;
            html.Append(encoder.Encode(line[position..match.Index]));
            var encoded = encoder.Encode(url);
            html.Append("<a href=\"").Append(encoded).Append("\" rel=\"nofollow ugc\">").Append(encoded).Append("</a>");
            position = match.Index + url.Length;
        }
        html.Append(encoder.Encode(line[position..]));
    }

    /// <summary>Sentence punctuation after an address belongs to the sentence, as does a closing bracket with no opening one.</summary>
    private static string TrimTrailing(string url)
    {
        var end = url.Length;
        while (end > 0 && ".,;:!?'\"".Contains(url[end - 1]))
            end--;
        if (end > 0 && url[end - 1] == ')' && !url[..end].Contains('(', StringComparison.Ordinal))
            end--;
        return url[..end];
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex Paragraphs();

    [GeneratedRegex(@"\bhttps?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    [GeneratedRegex(@"(?<![/@\w.])\bwww\.(?<host>[a-z0-9-]+(\.[a-z0-9-]+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex BareDomains();
}
